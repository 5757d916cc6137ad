// Bootstrap p-values of Westerlund's (2007, sec. 4.3) tests for cross-sectionally dependent panels,
// a sieve bootstrap after Chang (2004):
//   1. per unit, under H0 (no error correction): dy_it = d_t' delta_i + sum_{j=1..p_i} a_ij dy_i,t-j
//      + sum_{j=-q_i..p_i} g_ij' dx_i,t-j + e_it by OLS, with the unit's lags and leads of the test;
//   2. w_t = (e_1t, dx_1t', ..., e_Nt, dx_Nt') over the periods every unit's residual covers, centred;
//      draw periods with replacement, the SAME period for every unit (keeping the cross-sectional
//      dependence);
//   3. dy*_it = sum_j a_ij dy*_i,t-j + sum_j g_ij' dx*_i,t-j + e*_it from zero starting values,
//      y* and x* their cumulated sums; the raw Gt, Ga, Pt, Pa of (y*, x*) with the same lags and leads;
//   4. p-value = share of draws whose statistic is at most the observed one (left tail).
// Draw b uses the random stream (seed, b) of stats/replicate.hpp: identical for any thread count.
#pragma once
#include <cstdint>

#include "cbec/estimate/ts/westerlund.hpp"

namespace cbec {

// Fills r.statistics[j].boot_p_value and r.bootstrap.
void westerlund_bootstrap(const CointegrationData& d, WesterlundResult& r, const LongRunSpec& s, int draws, uint64_t seed, int threads = 0);

}  // namespace cbec
