#include "cbec/estimate/wald.hpp"

#include <Eigen/Cholesky>
#include <cmath>
#include <limits>

#include "cbec/stats/distributions.hpp"

namespace cbec {

TestResult wald_f(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx, double df) {
  const long q = static_cast<long>(idx.size());
  Eigen::VectorXd bq(q);
  Eigen::MatrixXd Vq(q, q);
  for (long a = 0; a < q; ++a) {
    bq[a] = b[idx[static_cast<size_t>(a)]];
    for (long c = 0; c < q; ++c) Vq(a, c) = V(idx[static_cast<size_t>(a)], idx[static_cast<size_t>(c)]);
  }
  TestResult t;
  t.stat = bq.dot(Vq.ldlt().solve(bq)) / static_cast<double>(q);
  t.df1 = static_cast<double>(q);
  t.df2 = df;
  t.distribution = "F";
  t.p_value = std::isfinite(df) ? p_f_upper(t.stat, t.df1, df) : p_chi2_upper(t.stat * t.df1, t.df1);
  return t;
}

TestResult wald_chi2(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx) {
  TestResult t = wald_f(b, V, idx, std::numeric_limits<double>::infinity());
  t.stat *= t.df1;
  t.df2 = 0;
  t.distribution = "chi2";
  t.p_value = p_chi2_upper(t.stat, t.df1);
  return t;
}

}  // namespace cbec
