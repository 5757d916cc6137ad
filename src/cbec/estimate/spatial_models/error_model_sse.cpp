// SSE(lambda) of the error models from one thin QR of [X, WX] (see error_model_sse.hpp).
#include "cbec/estimate/spatial_models/error_model_sse.hpp"

#include <Eigen/Dense>

#include <algorithm>

namespace cbec::detail {

ErrorModelSse::ErrorModelSse(const Eigen::MatrixXd& X, const Eigen::MatrixXd& wx, const Eigen::VectorXd& y, const Eigen::VectorXd& wy) {
  const long n = X.rows(), k = X.cols(), p = std::min(n, 2 * k);
  Eigen::MatrixXd a(n, 2 * k);
  a << X, wx;
  // Householder QR keeps A = Q R exactly when A is rank deficient (W 1 = 1 repeats the intercept).
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
  const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(n, p);
  const Eigen::MatrixXd r = qr.matrixQR().topRows(p).triangularView<Eigen::Upper>();
  r1_ = r.leftCols(k);
  r2_ = r.rightCols(k);
  qy_ = q.transpose() * y;
  qwy_ = q.transpose() * wy;
  const Eigen::VectorXd ry = y - q * qy_, rwy = wy - q * qwy_;
  yy_ = ry.squaredNorm();
  ywy_ = ry.dot(rwy);
  wywy_ = rwy.squaredNorm();
}

double ErrorModelSse::operator()(double lambda) const {
  const Eigen::MatrixXd m = r1_ - lambda * r2_;
  const Eigen::VectorXd u = qy_ - lambda * qwy_;
  const Eigen::VectorXd b = m.householderQr().solve(u);
  return (u - m * b).squaredNorm() + yy_ - 2 * lambda * ywy_ + lambda * lambda * wywy_;
}

}  // namespace cbec::detail
