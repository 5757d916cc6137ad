// Least squares for the short per-unit time-series regressions of the unit-root tests (a few
// dozen rows): coefficients, standard errors, residuals.
#pragma once
#include <Eigen/Core>

namespace cbec {

struct TsOls {
  Eigen::VectorXd coef, se, resid;
  double rss = 0;
  double sigma2 = 0;   // rss / (n - k) with the degrees-of-freedom correction, else rss / n
  long n = 0, k = 0;
};

// OLS of y on X by Householder QR; `dfcor` chooses the residual variance behind the standard errors
// (true: rss / (n - k) as lm, statsmodels and Stata; false: rss / n, plm's purtest default).
// Throws NumericError when X is rank deficient or has no residual degrees of freedom.
TsOls ts_ols(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, bool dfcor = true);

}  // namespace cbec
