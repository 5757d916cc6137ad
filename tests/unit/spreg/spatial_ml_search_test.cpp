// The sparse log-determinant's search (spatial_ml_search.hpp) against the root of the analytic
// score (eigenvalues): the maximizer to 1e-9 from good and poor starts, ln|I - rho W| to 1e-10 at it,
// its second derivative to 1e-6 (relative), at most 14 factorizations from within 0.1 of the
// maximum (30 from anywhere). SSE(lambda) from one QR (error_model_sse.hpp) against a QR at each lambda to
// 1e-10. End to end, SAR, SEM, SDM and SDEM with the sparse method equal the eigenvalue method's to
// 1e-8 with at most 14 factorizations.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/SparseLU>

#include <cmath>
#include <numbers>
#include <random>

#include "cbec/estimate/spatial_models/error_model_sse.hpp"
#include "cbec/estimate/spatial_models/log_determinant.hpp"
#include "cbec/estimate/spatial_models/spatial_ml.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "rook_lattice.hpp"

using namespace cbec;

namespace {

using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;

struct Simulated {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
};

// y = (I - rho W)^-1 (X (1, 2, -1)' + e) with an intercept and two normal regressors.
Simulated simulate(const RowSparse& w, double rho, unsigned seed) {
  const long n = w.rows();
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z;
  Simulated s;
  s.X.resize(n, 3);
  Eigen::VectorXd e(n);
  for (long i = 0; i < n; ++i) {
    s.X.row(i) << 1.0, z(gen), z(gen);
    e[i] = z(gen);
  }
  Eigen::SparseMatrix<double> a(n, n);
  a.setIdentity();
  a -= rho * Eigen::SparseMatrix<double>(w);
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(a);
  s.y = lu.solve(Eigen::VectorXd(s.X * Eigen::Vector3d(1, 2, -1) + e));
  return s;
}

double sse_by_qr(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  const Eigen::VectorXd b = X.colPivHouseholderQr().solve(y);
  return (y - X * b).squaredNorm();
}

}  // namespace

TEST(SpatialMlSearch, SparseSearchFindsTheRootOfTheAnalyticScore) {
  const RowSparse w = cbec::testing::rook_lattice(30);  // n = 900
  const double n = static_cast<double>(w.rows());
  const LogDeterminant ld(w, LogDetMethod::SparseLU), eig(w, LogDetMethod::Eigenvalues);
  const std::pair<double, double> interval{-1 + 2e-9, 1 - 2e-9};
  for (const double rho : {-0.3, 0.5, 0.85}) {
    const Simulated s = simulate(w, rho, 7);
    // The lag model's concentrated sum of squares: |e0 - r eL|^2, e0 and eL the residuals of y and
    // Wy on X; its score d/dr (ln|I - r W| - n/2 ln SSE) = ld'(r) + n eL'(e0 - r eL) / SSE, with
    // the eigenvalues' analytic ld'(r). Its root by bisection is the reference.
    const Eigen::VectorXd wy = w * s.y;
    const Eigen::MatrixXd q = s.X.householderQr().householderQ() * Eigen::MatrixXd::Identity(w.rows(), 3);
    const Eigen::VectorXd e0 = s.y - q * (q.transpose() * s.y), el = wy - q * (q.transpose() * wy);
    const auto g = [&](double r) { return -n / 2 * std::log((e0 - r * el).squaredNorm() / n); };
    const auto score = [&](double r) { return eig.derivative(r) + n * el.dot(e0 - r * el) / (e0 - r * el).squaredNorm(); };
    double a = -0.99, b = 0.99;
    ASSERT_GT(score(a), 0);
    ASSERT_LT(score(b), 0);
    while (b - a > 1e-14) (score(0.5 * (a + b)) > 0 ? a : b) = 0.5 * (a + b);
    const double root = 0.5 * (a + b);
    const double brent = detail::maximize([&](double r) { return ld(r) + g(r); }, interval).first;
    EXPECT_NEAR(brent, root, 1e-8);  // Brent and Newton steps on exact values: the previous search
    // From the start spreg uses (within ~0.1 of the maximum) and from poor ones.
    for (const double start : {root, root - 0.1, root + 0.1, 0.0, -0.9, 0.95}) {
      SCOPED_TRACE(::testing::Message() << "rho " << rho << ", start " << start);
      const detail::CostlySearch found = detail::maximize_costly_ldet(ld, g, interval, start);
      EXPECT_NEAR(found.x, root, 1e-9);
      EXPECT_NEAR(found.ldet, eig(found.x), 1e-10 * std::max(1.0, std::abs(found.ldet)));
      const double h = 1e-6, second = (eig.derivative(found.x + h) - eig.derivative(found.x - h)) / (2 * h);
      EXPECT_NEAR(found.ldet_second, second, 1e-6 * std::abs(second));
      EXPECT_LE(found.factorizations, std::abs(start - root) <= 0.1 ? 14 : 30);
    }
  }
}

TEST(SpatialMlSearch, ErrorModelSseMatchesQrAtEachLambda) {
  // W 1 = 1 makes W times the intercept equal the intercept: [X, WX] is rank deficient.
  const RowSparse w = cbec::testing::rook_lattice(12);
  const Simulated s = simulate(w, 0.4, 3);
  const Eigen::MatrixXd wx = w * s.X;
  const Eigen::VectorXd wy = w * s.y;
  const detail::ErrorModelSse sse(s.X, wx, s.y, wy);
  for (const double lambda : {-0.8, -0.2, 0.0, 0.35, 0.9}) {
    SCOPED_TRACE(lambda);
    const double qr = sse_by_qr(s.X - lambda * wx, s.y - lambda * wy);
    EXPECT_NEAR(sse(lambda), qr, 1e-10 * qr);
  }
}

TEST(SpatialMlSearch, SparseMethodEqualsEigenvaluesEndToEnd) {
  const RowSparse w = cbec::testing::rook_lattice(30);  // n = 900: both methods affordable
  const Simulated s = simulate(w, 0.6, 11);
  SpatialMlData d{s.y, s.X, {"(Intercept)", "x1", "x2"}, "y"};
  SpatialMlOptions sparse, eigen;
  sparse.log_det = LogDetMethod::SparseLU;
  eigen.log_det = LogDetMethod::Eigenvalues;
  for (const SpatialModel m : {SpatialModel::SAR, SpatialModel::SEM, SpatialModel::SDM, SpatialModel::SDEM}) {
    SCOPED_TRACE(spatial_model_name(m));
    const RegressionResult a = spatial_ml(d, w, m, sparse), b = spatial_ml(d, w, m, eigen);
    EXPECT_LT((a.coef - b.coef).cwiseAbs().maxCoeff(), 1e-8);
    EXPECT_LT((a.se() - b.se()).cwiseAbs().maxCoeff(), 1e-8);
    EXPECT_NEAR(a.fit.at("loglik"), b.fit.at("loglik"), 1e-9 * std::abs(b.fit.at("loglik")));
    EXPECT_LE(std::stoi(a.info.at("log_det_factorizations")), 14);
  }
}
