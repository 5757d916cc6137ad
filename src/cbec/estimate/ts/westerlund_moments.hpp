// The asymptotic means and variances that standardize Westerlund's (2007) Gt, Ga, Pt and Pa, for
// k = 1..6 regressors without deterministic terms (none, d_t = 0), with unit intercepts (constant) or
// intercepts and trends (trend). Westerlund
// (2007, Table 1) tabulates them from simulated Brownian functionals; cbec's values come from
// tests/reference/ts/westerlund_moments.R (T = 500, 10000 replications), which reproduces the
// no-deterministics rows of Westerlund's table (k = 1..4) within simulation error (Gt, k = 1: -0.977 and 1.111
// against -0.9763 and 1.0823; the script lists the comparison) and is marked `simulated` in results.
#pragma once
#include <array>

#include "cbec/estimate/ts/deterministic.hpp"

namespace cbec {

struct WesterlundMoments {
  std::array<double, 4> mean{}, variance{};   // Gt, Ga, Pt, Pa
};

// Throws SpecError for k outside 1..6.
WesterlundMoments westerlund_moments(int k, Deterministic d);

}  // namespace cbec
