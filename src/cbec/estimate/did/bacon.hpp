// Goodman-Bacon (2021) decomposition of the two-way fixed-effects DID coefficient on a balanced
// panel without controls: every 2x2 comparison between treatment-timing groups, its estimate and
// its weight (Theorem 1, eq. 10-11), by type. The weighted estimates sum to the TWFE coefficient.
#pragma once

#include <string>
#include <vector>

#include "cbec/estimate/did/staggered.hpp"

namespace cbec {

struct TwoByTwo {
  double treated = 0, control = 0;   // timing groups (first treatment period; 0 = never treated)
  std::string type;                  // "Treated vs Untreated", "Earlier vs Later Treated", "Later vs Earlier Treated", "Later vs Always Treated"
  double estimate = 0, weight = 0;
};

struct BaconResult {
  double twfe = 0;                   // the TWFE coefficient the decomposition reproduces
  std::vector<TwoByTwo> comparisons;
  std::vector<std::pair<std::string, std::pair<double, double>>> by_type;  // type -> (weight, weighted average estimate)
  // Share of the weight on comparisons that use already-treated units as controls.
  double forbidden_weight = 0;
  std::vector<std::string> warnings;  // plain-words diagnostics
};

BaconResult bacon_decomposition(const Frame& frame, const StaggeredSpec& spec);

}  // namespace cbec
