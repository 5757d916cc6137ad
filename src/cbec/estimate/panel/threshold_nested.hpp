// S_1(g) at every grid point given fixed thresholds g_f (grid positions), from the sums of x of one
// pass over the rows (CrossSums, threshold_profile.hpp) and no further pass: the search of the j-th
// threshold of a bootstrap draw given the draw's own j - 1 before it (Hansen 1999, sections 3.2 and
// 4: thresholds estimated sequentially, each given those before it). The base design is
// B_F = [B, D(g_f) for each f], B that of `linear` (threshold_profile.hpp), and B is part of B_F, so the
// residual of y on B_F is x's, and by partitioned regression as in threshold_profile.hpp
//   e'e = x'x - b'B_F'x,  b = (B_F'B_F)^-1 B_F'x,  D'e = D'x - D'B_F b,
//   S_1(g) = e'e - (D'e)' (D'D - D'B_F (B_F'B_F)^-1 B_F'D)^-1 (D'e),
// where every cross product is a block of a table computed once: B'B and B'D(g) (`linear`), D'D
// (ThresholdGridSums), D(g_f)'D(g) (GridPairSums), and B'x, D(g)'x (CrossSums; B_F'x takes D(g_f)'x
// from D'x at g_f). The cost is that of the grid's Schur complements, whatever the data's size.
#pragma once
#include <Eigen/Dense>

#include <vector>

#include "cbec/estimate/panel/threshold_grid_pairs.hpp"
#include "cbec/estimate/panel/threshold_profile.hpp"

namespace cbec::detail {

class NestedProfile {
 public:
  NestedProfile(const SsrProfile& linear, const ThresholdGridSums& sums, const GridPairSums& pairs);
  // S_1 at every grid point, and e'e, for the base design [B, D(g_f) for f in `fixed`] (at least one;
  // without, the profile is `linear(x)`).
  SsrProfile::Fit operator()(const CrossSums& x, const std::vector<size_t>& fixed) const;

 private:
  const SsrProfile& linear_;
  const ThresholdGridSums& sums_;
  const GridPairSums& pairs_;
};

}  // namespace cbec::detail
