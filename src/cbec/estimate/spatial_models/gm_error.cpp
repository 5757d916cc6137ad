// Kelejian-Prucha (1999) GM estimator of the spatial error model: see gm_error.hpp.
#include "cbec/estimate/spatial_models/gm_error.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/gm_lambda.hpp"

namespace cbec {

RegressionResult gm_error(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w) {
  const Eigen::MatrixXd& X = data.X;
  const long n = X.rows(), k = X.cols();
  if (w.rows() != n || data.y.size() != n) throw SpecError("gm_error: W, y and X must have the same number of rows");
  const double nn = static_cast<double>(n);
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < k) throw NumericError("gm_error: the regressors are perfectly collinear");
  const Eigen::VectorXd u = data.y - X * qr.solve(data.y);
  const double lambda = gm_lambda(u, w);
  const Eigen::VectorXd wu = w * u, wwu = w * wu;
  const double trwpw = w.squaredNorm();
  // Feasible GLS (spatialreg's non-legacy variance: sigma^2 from the filtered OLS residuals).
  const Eigen::MatrixXd bx = X - lambda * (w * X);
  const Eigen::VectorXd by = data.y - lambda * (w * data.y);
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qb(bx);
  const Eigen::VectorXd beta = qb.solve(by);
  const Eigen::VectorXd et = u - lambda * wu;
  const double s2 = et.squaredNorm() / nn;
  const Eigen::MatrixXd vb = s2 * (bx.transpose() * bx).inverse();
  // Var(lambda) (Kelejian & Prucha 2004): (J'J)^-1 J' Phi J (J'J)^-1 / n with
  // A2 = W'W, A1 = c (A2 - a I), a = tr(W'W)/n, c = (1 + a^2)^-1/2, Phi_ij = sigma^4 tr((Ai + Ai')(Aj + Aj'))/(2n).
  const double a = trwpw / nn, c = 1 / std::sqrt(1 + a * a);
  Eigen::Matrix2d J;
  J(0, 0) = 2 * c * (wwu.dot(wu) - a * wu.dot(u));
  J(1, 0) = wwu.dot(u) + wu.dot(wu);
  J(0, 1) = -c * (wwu.dot(wwu) - a * wu.dot(wu));
  J(1, 1) = -wwu.dot(wu);
  J /= nn;
  const Eigen::Vector2d j1 = J * Eigen::Vector2d(1, 2 * lambda);
  const Eigen::SparseMatrix<double> wc(w), a2 = Eigen::SparseMatrix<double>(wc.transpose() * wc);
  Eigen::SparseMatrix<double> id(n, n);
  id.setIdentity();
  const Eigen::SparseMatrix<double> s2a2 = 2 * a2, s2a1 = c * (s2a2 - 2 * a * id);  // A + A' (A1, A2 symmetric)
  const auto tr = [](const Eigen::SparseMatrix<double>& p, const Eigen::SparseMatrix<double>& q) { return p.cwiseProduct(q).sum(); };
  Eigen::Matrix2d phi;
  phi(0, 0) = tr(s2a1, s2a1);
  phi(0, 1) = phi(1, 0) = tr(s2a1, s2a2);
  phi(1, 1) = tr(s2a2, s2a2);
  phi *= s2 * s2 / (2 * nn);
  const double jj = 1 / j1.squaredNorm();
  const double var_lambda = jj * j1.dot(phi * j1) * jj / nn;

  RegressionResult r;
  r.estimator = "gm_error";
  r.depvar = data.depvar;
  r.terms = data.x_names;
  r.terms.push_back("lambda");
  r.coef.resize(k + 1);
  r.coef << beta, lambda;
  r.vcov = Eigen::MatrixXd::Zero(k + 1, k + 1);
  r.vcov.topLeftCorner(k, k) = vb;
  r.vcov(k, k) = var_lambda;
  r.vcov_info.type = "gm";
  r.vcov_info.df = std::numeric_limits<double>::infinity();
  r.nobs = static_cast<size_t>(n);
  r.df_resid = nn - static_cast<double>(k + 1);
  r.fit = {{"sigma2", s2}, {"sse", et.squaredNorm()}};
  r.info["variance"] = "b: sigma^2 (B X)'(B X)^-1; lambda: Kelejian-Prucha (2004); covariance of lambda and b not estimated (0)";
  return r;
}

}  // namespace cbec
