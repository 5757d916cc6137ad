#include "cbec/estimate/wald.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <fmt/format.h>
#include <cmath>
#include <limits>
#include <vector>

#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {
// The rank of a variance matrix, scale-free: the eigenvalues of its correlation matrix above 1e-9
// of the largest (a clustered variance of G clusters has rank at most G, its zero eigenvalues at
// rounding level, ~1e-16).
// Coefficients with a zero variance add nothing to the rank: it is that of the others' block.
long variance_rank(const Eigen::MatrixXd& V) {
  std::vector<long> positive;
  for (long j = 0; j < V.rows(); ++j)
    if (V(j, j) > 0) positive.push_back(j);
  if (positive.empty()) return 0;
  const Eigen::MatrixXd W = V(positive, positive);
  const Eigen::VectorXd s = W.diagonal().cwiseSqrt();
  const Eigen::MatrixXd C = s.cwiseInverse().asDiagonal() * W * s.cwiseInverse().asDiagonal();
  const Eigen::VectorXd ev = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(C, Eigen::EigenvaluesOnly).eigenvalues();
  return (ev.array() > 1e-9 * ev.maxCoeff()).count();
}
}  // namespace

TestResult wald_f(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx, double df, const std::string& what) {
  const long q = static_cast<long>(idx.size());
  Eigen::VectorXd bq(q);
  Eigen::MatrixXd Vq(q, q);
  for (long a = 0; a < q; ++a) {
    bq[a] = b[idx[static_cast<size_t>(a)]];
    for (long c = 0; c < q; ++c) Vq(a, c) = V(idx[static_cast<size_t>(a)], idx[static_cast<size_t>(c)]);
  }
  TestResult t;
  t.df1 = static_cast<double>(q);
  t.df2 = df;
  t.distribution = "F";
  t.note = what;
  if (!Vq.allFinite()) {
    t.stat = t.p_value = std::numeric_limits<double>::quiet_NaN();
    t.note = fmt::format("{}not computable: the coefficients tested have no variance", what.empty() ? "" : what + "; ");
    return t;
  }
  const long r = variance_rank(Vq);
  if (r < q) {  // e.g. clustered errors with fewer clusters than restrictions: Stata leaves the model F empty
    t.stat = t.p_value = std::numeric_limits<double>::quiet_NaN();
    t.note = r == 0 ? fmt::format("{}not computable: the variance of the {} coefficient{} tested is zero (a perfect fit)", what.empty() ? "" : what + "; ", q,
                                  q == 1 ? "" : "s")
                    : fmt::format("{}not computable: the variance of the {} coefficients tested has rank {} (with clustered errors, fewer "
                                  "clusters than coefficients), as Stata leaves the model F empty",
                                  what.empty() ? "" : what + "; ", q, r);
    return t;
  }
  t.stat = bq.dot(Vq.ldlt().solve(bq)) / static_cast<double>(q);
  t.p_value = std::isfinite(df) ? p_f_upper(t.stat, t.df1, df) : p_chi2_upper(t.stat * t.df1, t.df1);
  return t;
}

TestResult wald_chi2(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx, const std::string& what) {
  TestResult t = wald_f(b, V, idx, std::numeric_limits<double>::infinity(), what);
  t.stat *= t.df1;
  t.df2 = 0;
  t.distribution = "chi2";
  if (!std::isnan(t.stat)) t.p_value = p_chi2_upper(t.stat, t.df1);
  return t;
}

}  // namespace cbec
