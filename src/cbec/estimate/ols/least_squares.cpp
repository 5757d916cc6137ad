#include "cbec/estimate/ols/least_squares.hpp"

#include <Eigen/Householder>
#include <Eigen/QR>
#include <cmath>
#include <cstring>
#include <string>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {

constexpr long kBlockRows = 128;      // rows folded at a time (the block stays in L1/L2)
constexpr long kChunkRows = 1 << 16;  // rows per independent partial result (parallel unit)

using LongVector = Eigen::Matrix<long double, Eigen::Dynamic, 1>;
using LongMatrix = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;

// Folds the first b rows of B into the upper-triangular R: afterwards R'R = R0'R0 + B'B. Column j's
// reflection acts on R(j, .) and B(:, .) only, as R is already triangular (LAPACK dlarfg's
// convention: H = I - tau [1; v][1; v]', beta = -sign(alpha) ||(alpha, x)||). B is overwritten.
void fold_rows(Eigen::MatrixXd& R, Eigen::MatrixXd& B, long b) {
  const long p = R.cols();
  for (long j = 0; j < p; ++j) {
    auto x = B.col(j).head(b);
    double xnorm = x.norm();
    if (!std::isfinite(xnorm)) xnorm = x.stableNorm();
    if (xnorm == 0) continue;
    const double alpha = R(j, j);
    const double norm = std::hypot(alpha, xnorm);
    const double beta = alpha >= 0 ? -norm : norm;
    const double tau = (beta - alpha) / beta;
    x /= (alpha - beta);
    for (long l = j + 1; l < p; ++l) {
      auto bl = B.col(l).head(b);
      const double s = tau * (R(j, l) + x.dot(bl));
      R(j, l) -= s;
      bl -= s * x;
    }
    R(j, j) = beta;
  }
}

// The factor of rows [begin, end) of A's columns `order` (rows scaled by sqrt(w)).
Eigen::MatrixXd chunk_factor(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w, const std::vector<long>& order,
                             long begin, long end) {
  const long p = static_cast<long>(order.size());
  Eigen::MatrixXd R = Eigen::MatrixXd::Zero(p, p);
  Eigen::MatrixXd B(kBlockRows, p);
  Eigen::VectorXd sw;
  for (long s = begin; s < end; s += kBlockRows) {
    const long b = std::min(kBlockRows, end - s);
    for (long j = 0; j < p; ++j) B.col(j).head(b) = A.col(order[static_cast<size_t>(j)]).segment(s, b);
    if (w.size()) {
      sw = w.segment(s, b).cwiseSqrt();
      for (long j = 0; j < p; ++j) B.col(j).head(b).array() *= sw.array();
    }
    fold_rows(R, B, b);
  }
  return R;
}

// Condition number (1-norm) of the upper-triangular R with its columns scaled to unit length, the
// one that bounds the accuracy of a Householder QR solution; infinite when R is singular.
double scaled_condition(const Eigen::MatrixXd& R) {
  const long p = R.cols();
  Eigen::MatrixXd S = R.triangularView<Eigen::Upper>();
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

// Z'W(y - Z beta) over rows [begin, end), the residuals and the sums in long double.
LongVector chunk_gradient(const Eigen::Ref<const Eigen::MatrixXd>& Z, const Eigen::Ref<const Eigen::VectorXd>& y, const Eigen::VectorXd& w,
                          const Eigen::VectorXd& beta, long begin, long end) {
  const long b = end - begin, m = Z.cols();
  std::vector<long double> r(static_cast<size_t>(b));
  for (long i = 0; i < b; ++i) r[static_cast<size_t>(i)] = y[begin + i];
  for (long j = 0; j < m; ++j) {
    const long double bj = beta[j];
    const double* z = Z.col(j).data() + begin;
    for (long i = 0; i < b; ++i) r[static_cast<size_t>(i)] -= bj * z[i];
  }
  if (w.size())
    for (long i = 0; i < b; ++i) r[static_cast<size_t>(i)] *= w[begin + i];
  LongVector g(m);
  for (long j = 0; j < m; ++j) {
    const double* z = Z.col(j).data() + begin;
    long double acc = 0;
    for (long i = 0; i < b; ++i) acc += z[i] * r[static_cast<size_t>(i)];
    g[j] = acc;
  }
  return g;
}

}  // namespace

Eigen::MatrixXd triangular_factor(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w, const std::vector<long>& order_in) {
  std::vector<long> order = order_in;
  if (order.empty())
    for (long j = 0; j < A.cols(); ++j) order.push_back(j);
  const long n = A.rows(), p = static_cast<long>(order.size());
  const long chunks = std::max(1L, (n + kChunkRows - 1) / kChunkRows);
  if (chunks == 1) return chunk_factor(A, w, order, 0, n);
  std::vector<Eigen::MatrixXd> parts(static_cast<size_t>(chunks));
#pragma omp parallel for schedule(static)
  for (long c = 0; c < chunks; ++c) parts[static_cast<size_t>(c)] = chunk_factor(A, w, order, c * kChunkRows, std::min(n, (c + 1) * kChunkRows));
  // Fold the partial factors in chunk order: the result does not depend on the thread count.
  Eigen::MatrixXd R = std::move(parts[0]);
  for (long c = 1; c < chunks; ++c) fold_rows(R, parts[static_cast<size_t>(c)], p);
  return R;
}

void fold_factor(Eigen::MatrixXd& R, Eigen::MatrixXd& B) { fold_rows(R, B, B.rows()); }

QrSolution solve_from_factor(const Eigen::MatrixXd& R, const std::vector<long>& keep) {
  const long p = R.cols(), m = static_cast<long>(keep.size());
  // The factor of [X_keep y]: Q'[X y] = R, so the QR of R's selected columns is that of [X_keep y].
  Eigen::MatrixXd S(p, m + 1);
  for (long a = 0; a < m; ++a) S.col(a) = R.col(keep[static_cast<size_t>(a)]);
  S.col(m) = R.col(p - 1);
  bool in_order = m == p - 1;
  for (long a = 0; a < m && in_order; ++a) in_order = keep[static_cast<size_t>(a)] == a;
  Eigen::MatrixXd T;
  if (in_order) {
    T = S;  // already triangular
  } else {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(S);
    T = qr.matrixQR().triangularView<Eigen::Upper>();
  }
  const auto Rk = T.topLeftCorner(m, m);
  for (long a = 0; a < m; ++a) {
    const double cn = T.col(a).head(a + 1).norm();
    if (!(std::fabs(Rk(a, a)) > 1e-13 * cn))
      throw NumericError("the regressors' cross-product matrix is singular; remove collinear terms");
  }
  QrSolution s;
  s.R = Rk.triangularView<Eigen::Upper>();
  s.beta = Rk.triangularView<Eigen::Upper>().solve(T.col(m).head(m));
  const Eigen::MatrixXd Rinv = Rk.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(m, m));
  s.bread = Rinv * Rinv.transpose();
  s.condition = m ? scaled_condition(s.R) : 1.0;
  const double fit = T.col(m).head(m).norm(), resid = m < T.rows() ? std::fabs(T(m, m)) : 0.0;
  const double ratio = fit > 0 ? resid / fit : 0.0;
  s.predicted_error = std::numeric_limits<double>::epsilon() * s.condition * (1 + s.condition * ratio);
  return s;
}

void refine(QrSolution& s, const Eigen::Ref<const Eigen::MatrixXd>& Z, const Eigen::Ref<const Eigen::VectorXd>& y, const Eigen::VectorXd& w, double above,
            ReduceExchange* exchange) {
  const double eps = std::numeric_limits<double>::epsilon();
  const long n = Z.rows(), m = Z.cols();
  if (m == 0 || !(s.predicted_error > above) || !(s.condition * s.condition * eps < 0.1)) return;
  const LongMatrix R = s.R.cast<long double>();
  const long chunks = std::max(1L, (n + kChunkRows - 1) / kChunkRows);
  double previous = std::numeric_limits<double>::infinity();
  for (int step = 0; step < 3; ++step) {
    std::vector<LongVector> parts(static_cast<size_t>(chunks));
#pragma omp parallel for schedule(static) if (chunks > 1)
    for (long c = 0; c < chunks; ++c) parts[static_cast<size_t>(c)] = chunk_gradient(Z, y, w, s.beta, c * kChunkRows, std::min(n, (c + 1) * kChunkRows));
    LongVector g = LongVector::Zero(m);
    for (const auto& part : parts) g += part;  // in chunk order: independent of the thread count
    if (exchange) {  // every process's sums, added in rank order in extended precision
      std::vector<size_t> lengths;
      const std::string all = exchange->all_gather(
          std::string_view(reinterpret_cast<const char*>(g.data()), static_cast<size_t>(m) * sizeof(long double)), lengths);
      g.setZero();
      size_t at = 0;
      for (size_t len : lengths) {
        if (len != static_cast<size_t>(m) * sizeof(long double)) throw Error("internal error: another process sent a gradient of another length");
        LongVector part(m);
        std::memcpy(part.data(), all.data() + at, len);
        g += part;
        at += len;
      }
    }
    // The correction from the semi-normal equations R'R delta = Z'W r.
    const LongVector delta = R.triangularView<Eigen::Upper>().solve(R.transpose().triangularView<Eigen::Lower>().solve(g));
    const Eigen::VectorXd d = delta.cast<double>();
    const double size = d.norm();
    if (!(size < 0.5 * previous)) break;  // no longer converging: keep the current solution
    s.beta += d;
    ++s.refinement_steps;
    previous = size;
    // The error left is about the correction times the contraction cond^2 eps of the iteration.
    if (size <= eps * s.beta.norm() || s.condition * s.condition * eps * size <= eps * s.beta.norm()) break;
  }
}

}  // namespace cbec
