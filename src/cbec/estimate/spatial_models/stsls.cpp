// Spatial 2SLS (Kelejian & Prucha 1998; spatialreg::stsls): see stsls.hpp.
#include "cbec/estimate/spatial_models/stsls.hpp"

#include <Eigen/Dense>

#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

RegressionResult stsls(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const std::string& vcov) {
  if (vcov != "iid" && vcov != "hc0" && vcov != "hc1") throw SpecError("stsls: vcov must be iid, hc0 or hc1, not '" + vcov + "'");
  const Eigen::MatrixXd& X = data.X;
  const long n = X.rows(), k = X.cols();
  if (w.rows() != n || data.y.size() != n) throw SpecError("stsls: W, y and X must have the same number of rows");
  const bool intercept = !data.x_names.empty() && data.x_names[0] == "(Intercept)";
  // Instruments Q = [X, WX, W^2X] over the non-intercept columns; W1, W^2 1 when W1 is not constant.
  std::vector<Eigen::VectorXd> inst;
  for (long j = intercept ? 1 : 0; j < k; ++j) inst.emplace_back(w * X.col(j));
  const long nx = static_cast<long>(inst.size());
  for (long j = 0; j < nx; ++j) inst.emplace_back(w * inst[static_cast<size_t>(j)]);
  if (intercept) {
    const Eigen::VectorXd w1 = w * Eigen::VectorXd::Ones(n);
    if ((w1.array() - 1).abs().maxCoeff() > 1e-12) {
      inst.insert(inst.begin(), w1);
      inst.insert(inst.begin(), Eigen::VectorXd(w * w1));
    }
  }
  Eigen::MatrixXd Q(n, k + static_cast<long>(inst.size()));
  Q.leftCols(k) = X;
  for (size_t j = 0; j < inst.size(); ++j) Q.col(k + static_cast<long>(j)) = inst[j];
  const Eigen::VectorXd wy = w * data.y;
  // First stage: the projection of Wy on Q; second stage: y on Zp = [P_Q Wy, X].
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qq(Q);
  const Eigen::VectorXd wy_hat = Q * qq.solve(wy);
  Eigen::MatrixXd Zp(n, k + 1), Z(n, k + 1);
  Zp << wy_hat, X;
  Z << wy, X;
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qz(Zp);
  if (qz.rank() < k + 1) throw NumericError("stsls: the instruments do not identify rho (collinear projected regressors)");
  const Eigen::VectorXd b = qz.solve(data.y);
  const Eigen::VectorXd e = data.y - Z * b;
  const double df = static_cast<double>(n - k - 1), sse = e.squaredNorm();
  const Eigen::MatrixXd zz_inv = (Zp.transpose() * Zp).inverse();
  Eigen::MatrixXd v;
  if (vcov == "iid") {
    v = sse / df * zz_inv;
  } else {
    const double scale = vcov == "hc1" ? static_cast<double>(n) / df : 1.0;
    const Eigen::MatrixXd meat = Zp.transpose() * (e.array().square() * scale).matrix().asDiagonal() * Zp;
    v = zz_inv * meat * zz_inv;
  }
  // Reorder (rho, b) to (b, rho).
  RegressionResult r;
  r.estimator = "stsls";
  r.depvar = data.depvar;
  r.terms = data.x_names;
  r.terms.push_back("rho");
  r.coef.resize(k + 1);
  r.coef << b.tail(k), b[0];
  Eigen::VectorXi order(k + 1);
  for (long j = 0; j < k; ++j) order[j] = static_cast<int>(j + 1);
  order[k] = 0;
  r.vcov.resize(k + 1, k + 1);
  for (long i = 0; i <= k; ++i)
    for (long j = 0; j <= k; ++j) r.vcov(i, j) = v(order[i], order[j]);
  r.vcov_info.type = vcov;
  r.vcov_info.df = std::numeric_limits<double>::infinity();
  r.nobs = static_cast<size_t>(n);
  r.df_resid = df;
  r.fit = {{"sse", sse}, {"sigma2", sse / df}, {"n_instruments", static_cast<double>(Q.cols())}};
  r.info["instruments"] = intercept && Q.cols() > k + 2 * nx ? "X, WX, W^2X, W1, W^2 1" : "X, WX, W^2X";
  return r;
}

}  // namespace cbec
