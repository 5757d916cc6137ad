#include "cbec/report/spatial_tables.hpp"

#include <fmt/format.h>

namespace cbec {

const std::vector<std::string>& moran_header() {
  static const std::vector<std::string> h = {"Period", "Statistic", "Expected", "z (randomization)", "p (randomization)", "z (normality)", "p (normality)", "p (permutation)"};
  return h;
}

std::vector<std::string> moran_row(const std::string& period, const MoranResult& m) {
  return {period, fmt::format("{:.4f}", m.I), fmt::format("{:.4f}", m.EI), fmt::format("{:.3f}", m.z_rand), fmt::format("{:.4f}", m.p_rand),
          fmt::format("{:.3f}", m.z_norm), fmt::format("{:.4f}", m.p_norm), m.permutations ? fmt::format("{:.4f}", m.p_sim) : ""};
}

std::string lisa_cluster(const std::string& quadrant, double p, double alpha) { return p < alpha ? quadrant : "ns"; }

}  // namespace cbec
