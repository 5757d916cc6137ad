// The Jarque-Bera (1980, Economics Letters 6, eq. 2) normality test of a sample (residuals):
//   JB = n/6 (S^2 + (K - 3)^2 / 4),  S = m3 / m2^1.5,  K = m4 / m2^2,  m_r = n^-1 sum (x - mean)^r,
// chi-squared with 2 degrees of freedom, as R's tseries::jarque.bera.test.
#pragma once
#include <Eigen/Core>

namespace cbec {

struct JarqueBera {
  double stat = 0, p_value = 1, skewness = 0, kurtosis = 0;
  size_t n = 0;
};

JarqueBera jarque_bera(const Eigen::VectorXd& x);

}  // namespace cbec
