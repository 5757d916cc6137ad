#include "cbec/estimate/spatial_models/spatial_hausman.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>

#include <cmath>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

TestResult spatial_hausman(const RegressionResult& fe, const RegressionResult& re, bool gm) {
  std::vector<long> i_fe, i_re;
  for (size_t j = 0; j < fe.terms.size(); ++j) {
    const std::string& t = fe.terms[j];
    if ((t == "rho" && !gm) || t == "lambda" || t == "phi" || t == "(Intercept)") continue;
    const long r = re.find(t);
    if (r < 0) continue;
    i_fe.push_back(static_cast<long>(j));
    i_re.push_back(r);
  }
  const long k = static_cast<long>(i_fe.size());
  if (k == 0) throw SpecError("the spatial Hausman test needs slopes shared by the fixed- and random-effects models");
  Eigen::VectorXd d(k);
  Eigen::MatrixXd v(k, k);
  for (long a = 0; a < k; ++a) {
    d[a] = fe.coef[i_fe[a]] - re.coef[i_re[a]];
    for (long b = 0; b < k; ++b) v(a, b) = re.vcov(i_re[a], i_re[b]) - fe.vcov(i_fe[a], i_fe[b]);
  }
  Eigen::FullPivLU<Eigen::MatrixXd> lu(v);
  if (!lu.isInvertible()) throw NumericError("the spatial Hausman test: V_RE - V_FE is singular");
  TestResult t;
  t.stat = std::fabs(d.dot(lu.solve(d)));
  t.df1 = static_cast<double>(k);
  t.p_value = p_chi2_upper(t.stat, t.df1);
  t.distribution = "chi2";
  t.note = gm ? "H0: the random effects are uncorrelated with the regressors (RE consistent and efficient); Mutl and Pfaffermayr (2011), as splm's sphtest (GM)"
              : "H0: the random effects are uncorrelated with the regressors (RE consistent and efficient); Mutl and Pfaffermayr (2011), as splm's sphtest (ML)";
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(v);
  if (es.eigenvalues().minCoeff() <= 0)
    t.warnings.push_back("V_RE - V_FE is not positive definite: the statistic is the absolute value of the quadratic form (as splm)");
  return t;
}

}  // namespace cbec
