// Which approximation gives the p-value of a Dickey-Fuller tau statistic (ADF, Phillips-Perron Z_tau,
// and through them the Fisher-type panel tests):
//   mackinnon1994             MacKinnon (1994) asymptotic polynomials (plm's p.approx = "MacKinnon1994",
//                             statsmodels' adfuller; the default)
//   mackinnon1996             MacKinnon's (1996) method at the test regression's sample size (as EViews'
//                             "MacKinnon (1996) one-sided p-values")
//   mackinnon1996_asymptotic  the same asymptotically (as plm's purtest(p.approx = "MacKinnon1996"),
//                             which calls urca::punitroot with N = Inf)
// The two mackinnon1996 variants use MacKinnon's interpolation (mackinnon1996.cpp) in cbec's own
// simulated quantile surfaces (df_tau_surfaces.hpp), not MacKinnon's tables: they agree with urca's
// p-values within the simulation error (tests/unit/ts/mackinnon1996_test.cpp), not to the digit.
#pragma once
#include <cstddef>
#include <string>

#include "cbec/estimate/ts/deterministic.hpp"

namespace cbec {

enum class PApprox { MacKinnon1996, MacKinnon1996Asymptotic, MacKinnon1994 };

PApprox parse_p_approx(const std::string& name);
std::string describe(PApprox a);

// P(tau_DF <= tau) with one series; nobs: the observations of the test regression.
double dickey_fuller_p(double tau, Deterministic d, PApprox a, size_t nobs);

}  // namespace cbec
