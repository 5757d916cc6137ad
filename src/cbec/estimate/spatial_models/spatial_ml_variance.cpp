// Variance of the spatial ML estimates: the inverse of the asymptotic information matrix (Anselin
// 1988, eq. 12.13 for the lag model, 12.33 for the error model; Anselin 1988, 6.4 and spatialreg's
// sacsarlm for the combined model) and of the observed information (minus the Hessian of
// ln L = ln|A| + ln|B| - n/2 ln(2 pi sigma^2) - e'e/(2 sigma^2), derived below).
#include <Eigen/Dense>

#include <cmath>
#include <utility>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/similar_traces.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_internal.hpp"

namespace cbec::detail {

namespace {

using Dense = Eigen::MatrixXd;

bool has_rho(SpatialModel m) { return m == SpatialModel::SAR || m == SpatialModel::SDM || m == SpatialModel::SAC; }
bool has_lambda(SpatialModel m) { return m == SpatialModel::SEM || m == SpatialModel::SDEM || m == SpatialModel::SAC; }

double tr_prod(const Dense& a, const Dense& b) { return a.cwiseProduct(b.transpose()).sum(); }  // tr(AB)

Dense inverse_or_throw(const Dense& info) {
  const Eigen::FullPivLU<Dense> lu(info);
  if (!lu.isInvertible()) throw NumericError("spatial model: the information matrix is singular");
  return lu.inverse();
}

// Second derivative of ln|I - r W|: `known` when the estimation has it (finite), else differences
// of the analytic derivative, or of the values for the sparse factorization (whose derivative is
// itself a difference).
double ldet_second(const LogDeterminant& ld, double r, double known) {
  if (std::isfinite(known)) return known;
  if (ld.method() == LogDetMethod::SparseLU) {
    const double h = 1e-3;
    return (ld(r + h) - 2 * ld(r) + ld(r - h)) / (h * h);
  }
  const double h = 1e-5;
  return (ld.derivative(r + h) - ld.derivative(r - h)) / (2 * h);
}

// tr(G), tr(G G), tr(G'G) and G v for G = W (I - r W)^-1: by a sparse factorization when W is
// similar to a symmetric matrix (similar_traces.hpp), else from the dense inverse.
SimilarTraces traces_of_g(const Eigen::SparseMatrix<double, Eigen::RowMajor>& W, double r, const Eigen::VectorXd& v) {
  if (auto t = similar_traces(W, r, v)) return std::move(*t);
  const long n = W.rows();
  const Dense G = W * (Dense::Identity(n, n) - r * Dense(W)).partialPivLu().inverse();
  return {G.trace(), tr_prod(G, G), G.squaredNorm(), G * v};
}

}  // namespace

Eigen::MatrixXd information_variance(const SpatialFit& f) {
  const long n = f.y.size(), k = f.X.cols();
  const double s2 = f.sigma2;
  const auto& W = *f.w;
  const Eigen::VectorXd xb = f.X * f.beta;
  if (f.model == SpatialModel::SAR || f.model == SpatialModel::SDM) {
    // Anselin (1988), eq. 12.13, in (sigma^2, rho, b); G = W (I - rho W)^-1.
    const SimilarTraces t = traces_of_g(W, f.rho, xb);
    Dense info = Dense::Zero(k + 2, k + 2);
    info(0, 0) = n / (2 * s2 * s2);
    info(0, 1) = info(1, 0) = t.g / s2;
    info(1, 1) = t.gg + t.gtg + t.gv.squaredNorm() / s2;
    info.block(2, 1, k, 1) = f.X.transpose() * t.gv / s2;
    info.block(1, 2, 1, k) = info.block(2, 1, k, 1).transpose();
    info.block(2, 2, k, k) = f.X.transpose() * f.X / s2;
    return inverse_or_throw(info);
  }
  if (f.model == SpatialModel::SEM || f.model == SpatialModel::SDEM) {
    // Anselin (1988), eq. 12.33, in (sigma^2, lambda, b); G = W (I - lambda W)^-1; b block-diagonal.
    const SimilarTraces t = traces_of_g(W, f.lambda, xb);
    const Dense xl = f.X - f.lambda * (*f.w * f.X);
    Dense info = Dense::Zero(k + 2, k + 2);
    info(0, 0) = n / (2 * s2 * s2);
    info(0, 1) = info(1, 0) = t.g / s2;
    info(1, 1) = t.gg + t.gtg;
    info.block(2, 2, k, k) = xl.transpose() * xl / s2;
    return inverse_or_throw(info);
  }
  // SAC, in (sigma^2, rho, lambda, b) (Anselin 1988, 6.4; as spatialreg's sacsarlm):
  // A = I - rho W, B = I - lambda W, WA = W A^-1, WB = W B^-1.
  const Dense Wd = Dense(W), I = Dense::Identity(n, n);  // sparse W: products cost O(n^2), the inverses O(n^3)
  const Dense Ai = (I - f.rho * Wd).partialPivLu().inverse(), Bi = (I - f.lambda * Wd).partialPivLu().inverse();
  const Dense WA = W * Ai, WB = W * Bi;
  const auto times_b = [&](const Dense& m) -> Dense { return m - f.lambda * (W * m); };  // B m
  const Dense BWABi = times_b(WA) * Bi;
  const Dense Bx = times_b(f.X);
  const Eigen::VectorXd bwaxb = times_b(WA * xb);
  Dense info = Dense::Zero(k + 3, k + 3);
  info(0, 0) = n / (2 * s2 * s2);
  info(0, 1) = info(1, 0) = WA.trace() / s2;
  info(0, 2) = info(2, 0) = WB.trace() / s2;
  info(1, 1) = tr_prod(WA, WA) + BWABi.squaredNorm() + bwaxb.squaredNorm() / s2;
  info(2, 2) = tr_prod(WB, WB) + WB.squaredNorm();
  info(1, 2) = info(2, 1) = WB.cwiseProduct(BWABi).sum() + tr_prod(Dense(W * WA), Bi);
  info.block(3, 1, k, 1) = Bx.transpose() * bwaxb / s2;
  info.block(1, 3, 1, k) = info.block(3, 1, k, 1).transpose();
  info.block(3, 3, k, k) = Bx.transpose() * Bx / s2;
  return inverse_or_throw(info);
}

Eigen::MatrixXd observed_variance(const SpatialFit& f) {
  // With theta = (spatial parameters, b) and the innovations e(theta), J_a = de/dtheta_a and
  // E_ab = d2e/dtheta_a dtheta_b:
  //   d2 lnL / dtheta_a dtheta_b = ln|.|''(a = b spatial) - (J_a'J_b + e'E_ab) / sigma^2,
  //   d2 lnL / dtheta_a dsigma^2 = J_a'e / sigma^4,  d2 lnL / d(sigma^2)^2 = n/(2 sigma^4) - e'e/sigma^6.
  // SAR: e = y - rho Wy - Xb: J_rho = -Wy, J_b = -X.
  // SEM: e = B(y - Xb): J_lambda = -W(y - Xb), J_b = -BX, E_lambda,b_j = W x_j.
  // SAC: e = B(Ay - Xb): J_rho = -BWy, J_lambda = -W(Ay - Xb), J_b = -BX, E_rho,lambda = WWy,
  //      E_lambda,b_j = W x_j.
  const auto& w = *f.w;
  const long n = f.y.size(), k = f.X.cols();
  const bool rho = has_rho(f.model), lam = has_lambda(f.model);
  const long s = (rho ? 1 : 0) + (lam ? 1 : 0), p = s + k;
  const double s2 = f.sigma2;
  const Eigen::VectorXd wy = w * f.y;
  const Eigen::MatrixXd wx = w * f.X;
  Eigen::MatrixXd J(n, p);
  long c = 0;
  const Eigen::VectorXd ay = f.y - f.rho * wy;
  if (rho) J.col(c++) = -(wy - f.lambda * (w * wy));
  if (lam) J.col(c++) = -(w * (ay - f.X * f.beta));
  J.rightCols(k) = -(f.X - f.lambda * wx);
  Dense H = Dense::Zero(p + 1, p + 1);
  H(0, 0) = n / (2 * s2 * s2) - f.e.squaredNorm() / (s2 * s2 * s2);
  H.block(1, 0, p, 1) = J.transpose() * f.e / (s2 * s2);
  H.block(0, 1, 1, p) = H.block(1, 0, p, 1).transpose();
  H.block(1, 1, p, p) = -J.transpose() * J / s2;
  if (rho) H(1, 1) += ldet_second(*f.ldet, f.rho, f.ldet_second_rho);
  if (lam) {
    const long l = rho ? 2 : 1;
    H(l, l) += ldet_second(*f.ldet, f.lambda, f.ldet_second_lambda);
    const Eigen::RowVectorXd ewx = f.e.transpose() * wx / s2;
    H.block(l, s + 1, 1, k) -= ewx;
    H.block(s + 1, l, k, 1) -= ewx.transpose();
    if (rho) {
      const double ewwy = f.e.dot(w * wy) / s2;
      H(1, 2) -= ewwy;
      H(2, 1) -= ewwy;
    }
  }
  return inverse_or_throw(-H);
}

}  // namespace cbec::detail
