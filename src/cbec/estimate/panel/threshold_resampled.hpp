// One bootstrap draw's profile S_1(g) (threshold_profile.hpp) in one pass over the rows. The draw's
// y* = f + r*, with f the fitted values of the null model and r* the residual vectors of units drawn
// with replacement (Hansen 1999, section 3.2). With f_e = f - B (B'B)^-1 B'f (fixed across draws)
// and x = f_e + r*, the residual of y* on B is e = x - B b, b = (B'B)^-1 B'x, so
//   e'e = x'x - b'B'x = f_e'f_e + 2 f_e'r* + r*'r* - b'(B'f_e + B'r*),   D'e = D'f_e + D'r* - D'B b,
// where D'B and D'f_e are fixed and B'r*, f_e'r*, r*'r* and D'r* (binned by grid point, as in
// threshold_profile.hpp) are sums of one term per row: one stream over a row-major record per row
// (B, f_e, c) and a pair of 32-bit integers (period, bin) instead of a fit of y* and a second pass.
// When f is in the span of B (the first test: the null model is B's), f_e = 0 is not stored.
// The pass returns the sums of x (CrossSums): the first search's profile follows from them, and the
// draw's later searches too (threshold_nested.hpp), since B is part of their base designs.
// The rows are read in the same order for every draw, so the sums do not depend on the threads.
#pragma once
#include <Eigen/Dense>

#include <cstdint>
#include <vector>

#include "cbec/estimate/panel/threshold_profile.hpp"
#include "cbec/estimate/panel/threshold_sample.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec::detail {

class ResampledProfile {
 public:
  // `profile` is the search's (B: the base design without fixed thresholds); fitted and resid are
  // the null model's, over the kept rows; fitted_in_span: the null model's design is B.
  ResampledProfile(const ThresholdSample& s, const SsrProfile& profile, const Eigen::VectorXd& fitted, const Eigen::VectorXd& resid,
                   bool fitted_in_span);
  // Draws the n units from rng (unit slot v, in order, takes unit floor(U n)) and returns the sums
  // of x = f_e + r*, whose residual on B is y*'s.
  CrossSums operator()(Rng& rng) const;

 private:
  struct RowTag {
    int32_t period;   // -1: the row is not kept (it enters only through its unit's means)
    uint32_t bin;     // ThresholdGridSums::bin
  };
  const ThresholdSample& s_;
  const SsrProfile& profile_;
  RowMatrix rows_;                 // per row, all rows: B and f_e if stored (zero if not kept), c
  size_t crossed_ = 0;             // columns of rows_ summed against r*: B's, and f_e if stored
  std::vector<RowTag> tags_;       // per row
  std::vector<double> resid_;      // per unit: its residuals by period (zero if not kept), their sum, their squares' sum
  Eigen::VectorXd Btfe_;           // B'f_e
  std::vector<double> Dtfe_;       // D'f_e per grid point
  double fefe_ = 0;                // f_e'f_e
};

}  // namespace cbec::detail
