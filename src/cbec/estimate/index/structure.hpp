// Industrial-structure and agglomeration measures (Gan, Zheng and Yu 2011, eq. 1-2; location
// quotient as in Isard 1960), computed row by row from sector columns:
//   advancement  ser = Y3 / Y2 (tertiary over secondary output)
//   rationalization, structural deviation  E = sum_i |(Q_i / Q) / (L_i / L) - 1|
//   rationalization, Theil  TL = sum_i (Q_i / Q) ln((Q_i / L_i) / (Q / L))   (0 = balanced)
//   location quotient  LQ_rj = (x_rj / x_r.) / (x_.j / x_..) within each group (e.g. year).
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

std::vector<double> structure_advancement(const Frame& f, const std::string& tertiary, const std::string& secondary);
// outputs[i], labour[i]: the output and employment columns of sector i.
std::vector<double> structural_deviation(const Frame& f, const std::vector<std::string>& outputs, const std::vector<std::string>& labour);
std::vector<double> theil_rationalization(const Frame& f, const std::vector<std::string>& outputs, const std::vector<std::string>& labour);
// Long data: one row per region x industry (x group); returns LQ per row. A row without its region,
// industry or group is in no total and gets no LQ (it was taken as a region or industry named "").
std::vector<double> location_quotient(const Frame& f, const std::string& region, const std::string& industry, const std::string& value,
                                      const std::string& group = "");

}  // namespace cbec
