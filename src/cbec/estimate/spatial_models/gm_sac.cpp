// Generalized spatial 2SLS of the SAC model (Kelejian & Prucha 1998; spatialreg::gstsls): see gm_sac.hpp.
#include "cbec/estimate/spatial_models/gm_sac.hpp"

#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/gm_lambda.hpp"
#include "cbec/estimate/spatial_models/spatial_tsls.hpp"

namespace cbec {

RegressionResult gm_sac(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const std::string& vcov) {
  const Eigen::MatrixXd& X = data.X;
  const long n = X.rows(), k = X.cols();
  if (w.rows() != n || data.y.size() != n) throw SpecError("gm_sac: W, y and X must have the same number of rows");
  const bool intercept = !data.x_names.empty() && data.x_names[0] == "(Intercept)";
  const Eigen::MatrixXd inst = lagged_instruments(w, X, intercept);
  const Eigen::VectorXd wy = w * data.y, wwy = w * wy;
  // Steps 1 and 2: 2SLS residuals, then lambda from their moments.
  const SpatialTslsFit first = spatial_tsls(data.y, wy, X, inst, "iid", "gm_sac");
  const double lambda = gm_lambda(first.residuals, w);
  // Step 3: the spatial Cochrane-Orcutt transform, 2SLS again.
  const Eigen::MatrixXd xs = X - lambda * (w * X);
  const SpatialTslsFit f = spatial_tsls(data.y - lambda * wy, wy - lambda * wwy, xs, inst, vcov, "gm_sac");

  RegressionResult r;
  r.estimator = "gm_sac";
  r.depvar = data.depvar;
  r.terms = data.x_names;
  r.terms.push_back("rho");
  r.terms.push_back("lambda");
  r.coef.resize(k + 2);
  r.coef << f.coef, lambda;
  // lambda's variance is unknown
  r.vcov = Eigen::MatrixXd::Zero(k + 2, k + 2);
  r.vcov.topLeftCorner(k + 1, k + 1) = f.vcov;
  r.vcov(k + 1, k + 1) = std::numeric_limits<double>::quiet_NaN();
  r.vcov_info.type = vcov;
  r.vcov_info.df = std::numeric_limits<double>::infinity();
  r.nobs = static_cast<size_t>(n);
  r.df_resid = f.df;
  r.fit = {{"sse", f.sse}, {"sigma2", f.sse / f.df}, {"n_instruments", static_cast<double>(f.n_instruments)}};
  r.info["instruments"] = "X, WX, W^2X (step 3: X - lambda WX, WX, W^2X)";
  r.info["variance"] = "rho and b: the step-3 2SLS variance; lambda: none (Kelejian-Prucha 1998 give no standard error for it)";
  return r;
}

}  // namespace cbec
