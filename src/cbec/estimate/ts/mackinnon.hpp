// MacKinnon's response-surface p-values and critical values for Dickey-Fuller tau statistics
// (ADF, Phillips-Perron Z_tau) and, with n_series > 1, Engle-Granger residual-based cointegration
// tests. Sources and formulas in mackinnon.cpp.
#pragma once
#include <array>
#include <limits>

#include "cbec/estimate/ts/deterministic.hpp"

namespace cbec {

// Asymptotic p-value P(tau_DF <= tau) (MacKinnon 1994), n_series = 1..6 integrated series.
double mackinnon_p(double tau, Deterministic d, int n_series = 1);

// Critical values at 1%, 5% and 10% for a regression of `nobs` observations (infinity: asymptotic),
// MacKinnon (2010) Table 2; n_series = 1..12 (1 only without a constant).
std::array<double, 3> mackinnon_critical(Deterministic d, int n_series = 1,
                                         double nobs = std::numeric_limits<double>::infinity());

}  // namespace cbec
