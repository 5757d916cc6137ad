// Hansen's (1992, J. Business & Economic Statistics 10(3), sec. 3.3 eq. 8) Lc test of parameter
// stability in a cointegrating regression estimated by FMOLS (fmols.hpp):
//   s_t = z_t u+_t - (0_d', lambda+')',  S_t = sum_{j<=t} s_j,
//   Lc = n^-1 sum_t S_t' M^-1 S_t / omega_1.2,  M = sum_t z_t z_t',
// z_t = (d_t', x_t')' every regressor including the deterministic ones (which get no correction),
// u+_t the FM residuals. Large Lc rejects stable coefficients (cointegration) against a random-walk
// coefficient.
#pragma once
#include <Eigen/Core>

#include <array>

namespace cbec {

// Z: n x (d + k) regressors, deterministic ones first; u_plus the FM residuals; lambda_plus (k).
double hansen_lc(const Eigen::MatrixXd& Z, const Eigen::VectorXd& u_plus, const Eigen::VectorXd& lambda_plus, double omega_12);

// Asymptotic critical values of Lc at 10%, 5%, 2.5% and 1% for m = 1..4 stochastic regressors, with
// an intercept or an intercept and trend; NaN for m > 4. Simulated by
// tests/reference/ts/hansen_lc_critical.R (T = 1000, 20000 replications; Hansen 1992, Table 1 gives
// the same distribution, e.g. 0.575 at 5% for m = 1 with an intercept).
std::array<double, 4> hansen_lc_critical(int m, bool trend);

}  // namespace cbec
