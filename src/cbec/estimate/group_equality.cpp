#include "cbec/estimate/group_equality.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

TestResult equal_coefficients(const std::vector<RegressionResult>& groups, const std::vector<std::string>& terms) {
  const long k = static_cast<long>(groups.size()), p = static_cast<long>(terms.size());
  if (k < 2) throw SpecError("the test of equal coefficients needs at least two groups");
  if (p == 0) throw SpecError("the test of equal coefficients needs at least one term common to every group");
  std::vector<Eigen::VectorXd> b(groups.size(), Eigen::VectorXd(p));
  std::vector<Eigen::MatrixXd> V(groups.size(), Eigen::MatrixXd(p, p));
  // F's denominator df as the fully interacted pooled model's: its residual df (the groups' summed),
  // or with clustered variances its clusters less one (the groups' clusters are disjoint).
  double df2 = 0, clusters = 0;
  bool clustered = true;
  for (size_t g = 0; g < groups.size(); ++g) {
    std::vector<long> idx;
    for (const auto& t : terms) {
      const long j = groups[g].find(t);
      if (j < 0) throw SpecError(fmt::format("the term '{}' is not estimated in group {} (collinear or absent there)", t, g + 1));
      idx.push_back(j);
    }
    for (long a = 0; a < p; ++a) {
      b[g][a] = groups[g].coef[idx[static_cast<size_t>(a)]];
      for (long c = 0; c < p; ++c) V[g](a, c) = groups[g].vcov(idx[static_cast<size_t>(a)], idx[static_cast<size_t>(c)]);
    }
    df2 += groups[g].df_resid;
    const auto& n_clusters = groups[g].vcov_info.n_clusters;
    clustered = clustered && !n_clusters.empty();
    if (!n_clusters.empty()) clusters += static_cast<double>(n_clusters.front());
  }
  if (clustered) df2 = clusters - 1;
  const long q = (k - 1) * p;
  Eigen::VectorXd d(q);
  Eigen::MatrixXd S(q, q);
  for (long g = 1; g < k; ++g) {
    d.segment((g - 1) * p, p) = b[static_cast<size_t>(g)] - b[0];
    for (long h = 1; h < k; ++h) S.block((g - 1) * p, (h - 1) * p, p, p) = V[0] + (g == h ? V[static_cast<size_t>(g)] : Eigen::MatrixXd::Zero(p, p));
  }
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(S);
  if (ldlt.info() != Eigen::Success || !ldlt.isPositive() || ldlt.vectorD().minCoeff() <= 1e-14 * ldlt.vectorD().maxCoeff())
    throw NumericError("the variance of the coefficient differences across groups is singular: a tested term has no variance in some group");
  TestResult t;
  t.stat = d.dot(ldlt.solve(d));
  t.df1 = static_cast<double>(q);
  t.distribution = "chi2";
  t.p_value = p_chi2_upper(t.stat, t.df1);
  t.values["F"] = t.stat / t.df1;
  t.values["F_df2"] = df2;
  t.values["F_p_value"] = std::isfinite(df2) && df2 > 0 ? p_f_upper(t.stat / t.df1, t.df1, df2) : t.p_value;
  return t;
}

}  // namespace cbec
