#include "cbec/estimate/ols/least_squares.hpp"

#include <Eigen/Householder>
#include <Eigen/QR>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

constexpr long kBlockRows = 128;      // rows folded at a time (the block stays in L1/L2)
constexpr long kChunkRows = 1 << 16;  // rows per independent partial factor (parallel unit)

// Folds the first b rows of B into the upper-triangular R: afterwards R'R = R0'R0 + B'B. Column j's
// reflection acts on R(j, .) and B(:, .) only, as R is already triangular (LAPACK dlarfg's
// convention: H = I - tau [1; v][1; v]', beta = -sign(alpha) ||(alpha, x)||). B is overwritten.
template <typename T>
void fold_rows(Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& R, Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& B, long b) {
  using std::sqrt;
  const long p = R.cols();
  for (long j = 0; j < p; ++j) {
    auto x = B.col(j).head(b);
    T xnorm = x.norm();
    if (!std::isfinite(static_cast<double>(xnorm))) xnorm = x.stableNorm();
    if (xnorm == 0) continue;
    const T alpha = R(j, j);
    const T norm = std::hypot(alpha, xnorm);
    const T beta = alpha >= 0 ? -norm : norm;
    const T tau = (beta - alpha) / beta;
    x /= (alpha - beta);
    for (long l = j + 1; l < p; ++l) {
      auto bl = B.col(l).head(b);
      const T s = tau * (R(j, l) + x.dot(bl));
      R(j, l) -= s;
      bl -= s * x;
    }
    R(j, j) = beta;
  }
}

// The factor of rows [begin, end) of A (scaled by sqrt(w)), computed in precision T.
template <typename T>
Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> chunk_factor(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w,
                                                              const std::vector<long>& order, long begin, long end) {
  using M = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  const long p = static_cast<long>(order.size());
  M R = M::Zero(p, p);
  M B(kBlockRows, p);
  Eigen::Matrix<T, Eigen::Dynamic, 1> sw;
  for (long s = begin; s < end; s += kBlockRows) {
    const long b = std::min(kBlockRows, end - s);
    for (long j = 0; j < p; ++j) B.col(j).head(b) = A.col(order[static_cast<size_t>(j)]).segment(s, b).template cast<T>();
    if (w.size()) {
      sw = w.segment(s, b).template cast<T>().cwiseSqrt();
      for (long j = 0; j < p; ++j) B.col(j).head(b).array() *= sw.array();
    }
    fold_rows<T>(R, B, b);
  }
  return R;
}

template <typename T>
Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> factor_in(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w,
                                                           const std::vector<long>& order) {
  using M = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  const long n = A.rows(), p = static_cast<long>(order.size());
  const long chunks = std::max(1L, (n + kChunkRows - 1) / kChunkRows);
  if (chunks == 1) return chunk_factor<T>(A, w, order, 0, n);
  std::vector<M> parts(static_cast<size_t>(chunks));
#pragma omp parallel for schedule(static)
  for (long c = 0; c < chunks; ++c) parts[static_cast<size_t>(c)] = chunk_factor<T>(A, w, order, c * kChunkRows, std::min(n, (c + 1) * kChunkRows));
  // Fold the partial factors in chunk order: the result does not depend on the thread count.
  M R = std::move(parts[0]);
  for (long c = 1; c < chunks; ++c) fold_rows<T>(R, parts[static_cast<size_t>(c)], p);
  return R;
}

// Condition number (1-norm) of R with its columns scaled to unit length, the one that bounds the
// accuracy of a Householder QR solution; infinite when a column is zero or R is singular.
double scaled_condition(const Eigen::MatrixXd& R) {
  const long p = R.cols();
  Eigen::MatrixXd S = R;
  for (long j = 0; j < p; ++j) {
    const double nj = S.col(j).norm();
    if (!(nj > 0)) return std::numeric_limits<double>::infinity();
    S.col(j) /= nj;
  }
  for (long j = 0; j < p; ++j)
    if (!(S(j, j) != 0)) return std::numeric_limits<double>::infinity();
  const Eigen::MatrixXd Sinv = S.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(p, p));
  const double c = S.cwiseAbs().colwise().sum().maxCoeff() * Sinv.cwiseAbs().colwise().sum().maxCoeff();
  return std::isfinite(c) ? c : std::numeric_limits<double>::infinity();
}

}  // namespace

FactorMatrix triangular_factor(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w, const std::vector<long>& order_in,
                               double extended_above) {
  std::vector<long> order = order_in;
  if (order.empty())
    for (long j = 0; j < A.cols(); ++j) order.push_back(j);
  const Eigen::MatrixXd R = factor_in<double>(A, w, order);
  // An ill-conditioned design (the last column, the response, excluded) is factored again in
  // extended precision: about three more correct digits where double precision would lose them.
  const long k = static_cast<long>(order.size()) - 1;
  if (k > 0 && sizeof(long double) > sizeof(double) && scaled_condition(R.topLeftCorner(k, k)) > extended_above)
    return factor_in<long double>(A, w, order);
  return R.cast<long double>();
}

QrSolution solve_from_factor(const FactorMatrix& R, const std::vector<long>& keep) {
  using T = long double;
  using M = FactorMatrix;
  const long p = R.cols(), m = static_cast<long>(keep.size());
  // The factor of [X_keep y]: Q'[X y] = R, so the QR of R's selected columns is that of [X_keep y].
  M S(p, m + 1);
  for (long a = 0; a < m; ++a) S.col(a) = R.col(keep[static_cast<size_t>(a)]);
  S.col(m) = R.col(p - 1);
  bool in_order = m == p - 1;
  for (long a = 0; a < m && in_order; ++a) in_order = keep[static_cast<size_t>(a)] == a;
  M Tf;
  if (in_order) {
    Tf = S;  // already triangular
  } else {
    Eigen::HouseholderQR<M> qr(S);
    Tf = qr.matrixQR().triangularView<Eigen::Upper>();
  }
  const auto Rk = Tf.topLeftCorner(m, m);
  for (long a = 0; a < m; ++a) {
    const T cn = Tf.col(a).head(a + 1).norm();
    if (!(std::fabs(Rk(a, a)) > T(1e-13) * cn))
      throw NumericError("the regressors' cross-product matrix is singular; remove collinear terms");
  }
  QrSolution s;
  s.beta = Rk.triangularView<Eigen::Upper>().solve(Tf.col(m).head(m)).cast<double>();
  const M Rinv = Rk.triangularView<Eigen::Upper>().solve(M::Identity(m, m));
  s.bread = (Rinv * Rinv.transpose()).cast<double>();
  s.rss = static_cast<double>(m < Tf.rows() ? Tf.col(m).tail(Tf.rows() - m).squaredNorm() : T(0));
  return s;
}

}  // namespace cbec
