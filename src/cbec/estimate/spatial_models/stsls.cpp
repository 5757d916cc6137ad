// Spatial 2SLS (Kelejian & Prucha 1998; spatialreg::stsls): see stsls.hpp.
#include "cbec/estimate/spatial_models/stsls.hpp"

#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_tsls.hpp"

namespace cbec {

RegressionResult stsls(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const std::string& vcov) {
  const Eigen::MatrixXd& X = data.X;
  const long n = X.rows();
  if (w.rows() != n || data.y.size() != n) throw SpecError("stsls: W, y and X must have the same number of rows");
  const bool intercept = !data.x_names.empty() && data.x_names[0] == "(Intercept)";
  // Instruments Q = [X, WX, W^2X] over the non-intercept columns; W1, W^2 1 when W is not row-
  // standardized: a row with neighbours that does not sum to 1 (an island's empty row does not
  // count, as spatialreg adds them only for a listw not of style "W").
  Eigen::MatrixXd inst = lagged_instruments(w, X, intercept);
  bool w_one = false;
  if (intercept) {
    const Eigen::VectorXd w1 = w * Eigen::VectorXd::Ones(n);
    if (((w1.array() != 0) && ((w1.array() - 1).abs() > 1e-12)).any()) {
      w_one = true;
      Eigen::MatrixXd with_one(n, inst.cols() + 2);
      with_one << Eigen::VectorXd(w * w1), w1, inst;
      inst = with_one;
    }
  }
  const SpatialTslsFit f = spatial_tsls(data.y, w * data.y, X, inst, vcov, "stsls");
  RegressionResult r;
  r.estimator = "stsls";
  r.depvar = data.depvar;
  r.terms = data.x_names;
  r.terms.push_back("rho");
  r.coef = f.coef;
  r.vcov = f.vcov;
  r.vcov_info.type = vcov;
  r.vcov_info.df = std::numeric_limits<double>::infinity();
  r.nobs = static_cast<size_t>(n);
  r.df_resid = f.df;
  r.fit = {{"sse", f.sse}, {"sigma2", f.sse / f.df}, {"n_instruments", static_cast<double>(f.n_instruments)}};
  r.info["instruments"] = w_one ? "X, WX, W^2X, W1, W^2 1" : "X, WX, W^2X";
  return r;
}

}  // namespace cbec
