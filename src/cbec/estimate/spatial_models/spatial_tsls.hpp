// Two-stage least squares with one endogenous regressor (a spatial lag), as spatialreg's internal
// tsls(): instruments Q = [X, extra], the endogenous column projected on Q, then y on
// Zp = [X, P_Q yend]; residuals e = y - [X, yend] b; variance s^2 (Zp'Zp)^-1 with
// s^2 = e'e/(n - k - 1), or White's HC0/HC1 sandwich on Zp (robust = TRUE, legacy = FALSE).
// The building block of spatial 2SLS (stsls.hpp) and of the GM SAC model (gm_sac.hpp).
#pragma once
#include <Eigen/Core>

#include <string>

namespace cbec {

struct SpatialTslsFit {
  Eigen::VectorXd coef;   // (X, yend): the order of cbec's terms (the regressors, then rho)
  Eigen::MatrixXd vcov;   // in the same order
  Eigen::VectorXd residuals;
  double sse = 0, df = 0;
  long n_instruments = 0;
  Eigen::MatrixXd bread;  // (Zp'Zp)^-1
};

// vcov: "iid", "hc0" or "hc1". `what` names the estimator in errors.
SpatialTslsFit spatial_tsls(const Eigen::VectorXd& y, const Eigen::VectorXd& yend, const Eigen::MatrixXd& X, const Eigen::MatrixXd& extra_instruments,
                            const std::string& vcov, const std::string& what);

// As splm's spgm.tsls: yend projected on the instruments H, which need not hold X (columns of H
// collinear with the others, within R's lm tolerance 1e-7, are dropped), then y on Zp = [X, P_H yend];
// vcov s^2 (Zp'Zp)^-1 with s^2 = e'e / (n - k - 1).
SpatialTslsFit spatial_tsls_on(const Eigen::VectorXd& y, const Eigen::VectorXd& yend, const Eigen::MatrixXd& X, const Eigen::MatrixXd& H, const std::string& what);

// The instruments W X and W^2 X over the columns of X but the intercept (Kelejian & Prucha 1998).
template <class SparseW>
Eigen::MatrixXd lagged_instruments(const SparseW& w, const Eigen::MatrixXd& X, bool intercept) {
  const long first = intercept ? 1 : 0, m = X.cols() - first;
  Eigen::MatrixXd q(X.rows(), 2 * m);
  q.leftCols(m) = w * X.rightCols(m);
  q.rightCols(m) = w * q.leftCols(m);
  return q;
}

}  // namespace cbec
