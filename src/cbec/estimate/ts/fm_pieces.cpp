#include "cbec/estimate/ts/fm_pieces.hpp"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "cbec/core/error.hpp"

namespace cbec {

Eigen::MatrixXd partial_out(const Eigen::MatrixXd& A, const Eigen::MatrixXd& W) {
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(W);
  if (qr.rank() < W.cols()) throw NumericError("the deterministic and lead/lag terms are collinear; use fewer leads or lags");
  return A - W * qr.solve(A);
}

FmCorrection fm_correction(const Eigen::MatrixXd& omega, const Eigen::MatrixXd& delta) {
  const long k = omega.rows() - 1;
  const Eigen::LDLT<Eigen::MatrixXd> o22(omega.bottomRightCorner(k, k));
  if (o22.info() != Eigen::Success || !(o22.vectorD().array() > 0).all())
    throw NumericError("the long-run covariance of the regressors' differences is singular");
  FmCorrection c;
  c.b = o22.solve(Eigen::VectorXd(omega.col(0).tail(k)));
  c.lambda_plus = delta.col(0).tail(k) - delta.bottomRightCorner(k, k) * c.b;
  c.omega_12 = omega(0, 0) - omega.col(0).tail(k).dot(c.b);
  return c;
}

}  // namespace cbec
