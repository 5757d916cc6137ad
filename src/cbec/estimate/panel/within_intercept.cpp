#include "cbec/estimate/panel/within_intercept.hpp"

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"

namespace cbec {

WithinIntercept within_intercept(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& o) {
  Design d = within_design(frame, formula, model, o);
  const long n = d.y.size(), k = d.X.cols();
  Eigen::MatrixXd m(n, 1 + k);
  m << d.y, d.X;
  const Eigen::RowVectorXd means = m.colwise().mean();
  Demeaner(d.fixed_effects, d.weights).demean(m);
  m.rowwise() += means;  // y~ and x~: within deviations plus the overall means
  Design aux = d;
  aux.fixed_effects.clear();
  aux.spec.fixed_effects.clear();
  aux.spec.intercept = true;
  aux.y = m.col(0);
  aux.X.resize(n, 1 + k);
  aux.X << Eigen::VectorXd::Ones(n), m.rightCols(k);
  aux.x_names.insert(aux.x_names.begin(), "(Intercept)");
  FeolsOptions fo;
  fo.vcov = o.vcov;
  const RegressionResult r = feols(aux, fo);
  const long j = r.find("(Intercept)");
  if (j < 0) throw NumericError("the within intercept's auxiliary regression lost its intercept");
  double v = r.vcov(j, j);
  if (o.vcov.type == "iid") {
    const double G = static_cast<double>(absorbed_parameters(d.fixed_effects));
    v *= r.df_resid / (r.df_resid - G + 1);
  }
  return {r.coef[j], std::sqrt(v)};
}

}  // namespace cbec
