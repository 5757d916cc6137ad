// Internal helpers shared by the autocorrelation statistics: weight sums and neighbour lists.
#pragma once
#include <vector>

#include "cbec/frame/spatial_weights.hpp"

namespace cbec::detail {

struct WeightSums {
  double S0 = 0, S1 = 0, S2 = 0;           // Cliff and Ord (1981): sum w, 1/2 sum (w_ij + w_ji)^2, sum_i (w_i. + w_.i)^2
};
WeightSums weight_sums(const SpatialWeights& w);

// Refuses what no global or local statistic is defined for: a value count other than the weights'
// units, fewer than 4 units, or weights without a single nonzero weight.
void check_units(const std::vector<double>& x, const SpatialWeights& w);

// Spatial lag W v.
std::vector<double> spatial_lag(const SpatialWeights& w, const std::vector<double>& v);

// Deviations from the mean and their sums of squares and fourth powers.
struct Centered {
  std::vector<double> z;
  double m2 = 0, m4 = 0;                   // sum z^2 / n, sum z^4 / n
};
Centered center(const std::vector<double>& x);
// The power of two e with largest * 2^-e in [0.5, 1): scaling by 2^-e is exact, so statistics
// invariant to the variable's scale keep their bits while squares stay representable. Throws
// (naming `what`) when largest is 0 (a constant variable) or not finite.
int power_of_two_scale(double largest, const char* what);
// The values times 2^-e, e = power_of_two_scale of their largest magnitude (all must be finite).
std::vector<double> scaled_by_power_of_two(const std::vector<double>& values, const char* what);

}  // namespace cbec::detail
