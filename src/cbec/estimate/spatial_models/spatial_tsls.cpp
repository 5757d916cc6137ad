// Two-stage least squares with a spatial lag as the endogenous regressor: see spatial_tsls.hpp.
#include "cbec/estimate/spatial_models/spatial_tsls.hpp"

#include <Eigen/Dense>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// The second stage given the projected lag: y on Zp = [X, yend_hat], residuals with the actual lag,
// df n - k - 1 and the iid variance s^2 (Zp'Zp)^-1 (the bread kept for robust variances).
SpatialTslsFit second_stage(const Eigen::VectorXd& y, const Eigen::VectorXd& yend, const Eigen::MatrixXd& X, const Eigen::VectorXd& yend_hat,
                            long n_instruments, const std::string& what) {
  const long n = X.rows(), k = X.cols();
  Eigen::MatrixXd Zp(n, k + 1), Z(n, k + 1);
  Zp << X, yend_hat;
  Z << X, yend;
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qz(Zp);
  if (qz.rank() < k + 1) throw NumericError(what + ": the instruments do not identify the spatial lag's coefficient (collinear projected regressors)");
  SpatialTslsFit f;
  f.coef = qz.solve(y);
  f.residuals = y - Z * f.coef;
  f.df = static_cast<double>(n - k - 1);
  f.sse = f.residuals.squaredNorm();
  f.n_instruments = n_instruments;
  f.bread = (Zp.transpose() * Zp).inverse();
  f.vcov = f.sse / f.df * f.bread;
  return f;
}

}  // namespace

SpatialTslsFit spatial_tsls(const Eigen::VectorXd& y, const Eigen::VectorXd& yend, const Eigen::MatrixXd& X, const Eigen::MatrixXd& extra_instruments,
                            const std::string& vcov, const std::string& what) {
  if (vcov != "iid" && vcov != "hc0" && vcov != "hc1") throw SpecError(what + ": vcov must be iid, hc0 or hc1, not '" + vcov + "'");
  const long n = X.rows(), k = X.cols();
  Eigen::MatrixXd Q(n, k + extra_instruments.cols());
  Q << X, extra_instruments;
  // First stage: the projection of yend on Q.
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qq(Q);
  const Eigen::VectorXd yend_hat = Q * qq.solve(yend);
  SpatialTslsFit f = second_stage(y, yend, X, yend_hat, Q.cols(), what);
  if (vcov != "iid") {  // White's sandwich on the second-stage regressors (HC1: n / (n - k - 1))
    Eigen::MatrixXd Zp(n, k + 1);
    Zp << X, yend_hat;
    const double scale = vcov == "hc1" ? static_cast<double>(n) / f.df : 1.0;
    const Eigen::MatrixXd meat = Zp.transpose() * (f.residuals.array().square() * scale).matrix().asDiagonal() * Zp;
    f.vcov = f.bread * meat * f.bread;
  }
  return f;
}

SpatialTslsFit spatial_tsls_on(const Eigen::VectorXd& y, const Eigen::VectorXd& yend, const Eigen::MatrixXd& X, const Eigen::MatrixXd& H, const std::string& what) {
  const long n = X.rows();
  // The projection on the span of H's independent columns (the pivots of a rank-revealing QR).
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qh(H);
  qh.setThreshold(1e-7);
  Eigen::MatrixXd hs(n, qh.rank());
  for (long j = 0; j < qh.rank(); ++j) hs.col(j) = H.col(qh.colsPermutation().indices()[j]);
  return second_stage(y, yend, X, hs * hs.colPivHouseholderQr().solve(yend), hs.cols(), what);
}

}  // namespace cbec
