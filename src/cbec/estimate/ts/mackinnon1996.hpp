// MacKinnon (1996) p-values of the Dickey-Fuller tau statistic (ADF, Phillips-Perron Z_tau) with one
// series, for a finite sample or asymptotically. Method in mackinnon1996.cpp.
#pragma once
#include <cstddef>

#include "cbec/estimate/ts/deterministic.hpp"

namespace cbec {

// P(tau_DF <= tau) for a regression of `nobs` observations; nobs = 0: the asymptotic distribution.
double mackinnon1996_p(double tau, Deterministic d, size_t nobs = 0);

}  // namespace cbec
