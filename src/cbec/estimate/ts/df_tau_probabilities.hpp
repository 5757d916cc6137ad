// The 221 probabilities at which MacKinnon (1996, "Numerical distribution functions for unit root and
// cointegration tests", JAE 11(6), 601-618, sec. 5) tabulates the quantiles of a test statistic, and
// their standard normal quantiles (the left-hand side of his eq. 11). Shared by the p-value code
// (mackinnon1996.cpp) and the generator of cbec's tables (tools/df_tau_surfaces).
#pragma once
#include <array>
#include <cstddef>

namespace cbec {

constexpr size_t df_tau_n_probabilities = 221;

// .0001, .0002, .0005, .001 to .010 by .001, .015 to .985 by .005, .990 to .999 by .001, .9995,
// .9998, .9999 (symmetric about .5), ascending.
const std::array<double, df_tau_n_probabilities>& df_tau_probabilities();
// Phi^-1 of each.
const std::array<double, df_tau_n_probabilities>& df_tau_probits();

}  // namespace cbec
