// The Phillips-Sul (2007, Econometrica 75(6)) log t convergence test.
//   h_it = X_it / ((1/N) sum_i X_it)                relative transition path (eq. 8)
//   H_t  = (1/N) sum_i (h_it - 1)^2                  cross-sectional variance of h (eq. 9)
//   log(H_1 / H_t) - 2 log(log t) = a + b log t + u_t,   t = [rT] + 1, ..., T   (eq. 29)
// with the t statistic of b from a heteroskedasticity-and-autocorrelation-consistent long-run
// variance of u; convergence is rejected at 5% when t_b < -1.65 (one-sided). b = 2 alpha estimates
// twice the speed of convergence: b >= 2 is absolute convergence, 0 <= b < 2 conditional.
// The long-run variance is the quadratic-spectral kernel with Andrews' (1991) AR(1) plug-in bandwidth
// exactly as the R package ConvergenceClubs computes it ("FQSB", its default; ps_andrews_hac.R):
// autocovariances up to lag T'-2 over the first T' = n - 1 residuals, each divided by T', plus
// sum u^2 / T'; Var(b) = [(Z'Z)^{-1}]_bb * lrv. [rT] rounds half to even, as R's round().
#pragma once
#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace cbec {

struct LogTTest {
  double coef = 0, se = 0, stat = 0, p_value = 0;  // b, HAC SE, t_b, Phi(t_b) (one-sided)
  double intercept = 0;
  size_t nobs = 0;                                  // periods in the regression, T - [rT]
};

// H_t of the rows `units` of X (units x periods).
Eigen::VectorXd cross_sectional_variance(const Eigen::MatrixXd& X, const std::vector<size_t>& units);

// The log t regression on a given H (length T) with the first [rT] periods discarded.
LogTTest log_t_regression(const Eigen::VectorXd& H, double r);

// The test for a group of units (rows of X).
LogTTest log_t_test(const Eigen::MatrixXd& X, const std::vector<size_t>& units, double r);

// Convergence is not rejected: t_b > -1.65.
inline bool converges(const LogTTest& t) { return t.stat > -1.65; }

}  // namespace cbec
