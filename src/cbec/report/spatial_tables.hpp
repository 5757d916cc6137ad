// Table pieces shared by `cbec spatial` and the study's spatial steps: the global Moran row and the
// LISA cluster label.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/spatial/autocorrelation.hpp"

namespace cbec {

const std::vector<std::string>& moran_header();
std::vector<std::string> moran_row(const std::string& period, const MoranResult& m);

// The quadrant when the (adjusted) p-value is below alpha, else "ns".
std::string lisa_cluster(const std::string& quadrant, double p, double alpha);

}  // namespace cbec
