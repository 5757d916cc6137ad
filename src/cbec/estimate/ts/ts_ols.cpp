#include "cbec/estimate/ts/ts_ols.hpp"

#include <Eigen/QR>

#include "cbec/core/error.hpp"

namespace cbec {

TsOls ts_ols(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, bool dfcor) {
  TsOls r;
  r.n = X.rows();
  r.k = X.cols();
  if (r.n <= r.k) throw NumericError("too few observations for the regression");
  if (r.k == 0) {
    r.resid = y;
    r.rss = y.squaredNorm();
    r.sigma2 = r.rss / static_cast<double>(dfcor ? r.n - r.k : r.n);
    return r;
  }
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < r.k) throw NumericError("collinear regressors in a unit-root regression");
  r.coef = qr.solve(y);
  r.resid = y - X * r.coef;
  r.rss = r.resid.squaredNorm();
  r.sigma2 = r.rss / static_cast<double>(dfcor ? r.n - r.k : r.n);
  // (X'X)^-1 from the QR's triangular factor, P (R'R)^-1 P' (as R's chol2inv(qr) and statsmodels'
  // pinv): forming X'X squares the condition number, and a series whose level is large against its
  // changes (1e5 +- 0.01) made the lagged level nearly collinear with the constant there.
  const long k = r.k;
  const Eigen::MatrixXd R_inv =
      qr.matrixR().topLeftCorner(k, k).triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
  const Eigen::MatrixXd xtx_inv = qr.colsPermutation() * (R_inv * R_inv.transpose()) * qr.colsPermutation().transpose();
  r.se = (r.sigma2 * xtx_inv.diagonal().array()).sqrt();
  return r;
}

}  // namespace cbec
