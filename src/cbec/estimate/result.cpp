#include "cbec/estimate/result.hpp"

#include <cmath>
#include <limits>

#include "cbec/stats/distributions.hpp"

namespace cbec {

double RegressionResult::df_for(size_t j) const {
  if (vcov_info.df_coef.size() == coef.size()) return vcov_info.df_coef[static_cast<long>(j)];
  return vcov_info.df;
}

Eigen::VectorXd RegressionResult::se() const { return vcov.diagonal().cwiseMax(0).cwiseSqrt(); }

Eigen::VectorXd RegressionResult::stat() const { return coef.cwiseQuotient(se()); }

Eigen::VectorXd RegressionResult::p_value() const {
  Eigen::VectorXd t = stat(), p(t.size());
  // A t that is not finite (a zero standard error: a perfect fit) tests nothing: no p-value, so no
  // stars either (Stata prints "." there; R's summary.lm would print p < 2e-16).
  for (long j = 0; j < t.size(); ++j) p[j] = std::isfinite(t[j]) ? p_t_two_sided(t[j], df_for(static_cast<size_t>(j))) : std::numeric_limits<double>::quiet_NaN();
  return p;
}

Eigen::MatrixXd RegressionResult::conf_int(double level) const {
  Eigen::VectorXd s = se();
  Eigen::MatrixXd ci(coef.size(), 2);
  for (long j = 0; j < coef.size(); ++j) {
    double q = q_t(0.5 + level / 2, df_for(static_cast<size_t>(j)));
    ci(j, 0) = coef[j] - q * s[j];
    ci(j, 1) = coef[j] + q * s[j];
  }
  return ci;
}

long RegressionResult::find(const std::string& term) const {
  for (size_t j = 0; j < terms.size(); ++j)
    if (terms[j] == term) return static_cast<long>(j);
  return -1;
}

}  // namespace cbec
