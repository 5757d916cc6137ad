// The blocked Householder factor and the QR solve (least_squares.hpp) on their own: the factor's
// Gram matrix, independence from the thread count, the collinearity rule read from the factor
// against the Cholesky one, and the iterative refinement on an ill-conditioned design.
#include "cbec/estimate/ols/least_squares.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <random>

#include "cbec/estimate/ols/collinearity.hpp"

using namespace cbec;

namespace {
Eigen::MatrixXd random_matrix(long n, long p, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  Eigen::MatrixXd A(n, p);
  for (long j = 0; j < p; ++j)
    for (long i = 0; i < n; ++i) A(i, j) = N(rng) + 0.1 * j;
  return A;
}
}  // namespace

TEST(LeastSquares, FactorReproducesTheWeightedGramMatrix) {
  const Eigen::MatrixXd A = random_matrix(200000, 5, 3);  // several parallel chunks
  Eigen::VectorXd w = Eigen::VectorXd::LinSpaced(A.rows(), 0.5, 2.0);
  const Eigen::MatrixXd R = triangular_factor(A, w);
  const Eigen::MatrixXd G = A.transpose() * w.asDiagonal() * A;
  EXPECT_LT((R.transpose() * R - G).norm(), 1e-10 * G.norm());
  EXPECT_TRUE(R.isUpperTriangular());
  // Columns in another order: the factor of the permuted matrix.
  const Eigen::MatrixXd R2 = triangular_factor(A, Eigen::VectorXd(), {4, 0, 2});
  Eigen::MatrixXd B(A.rows(), 3);
  B << A.col(4), A.col(0), A.col(2);
  EXPECT_LT((R2.transpose() * R2 - B.transpose() * B).norm(), 1e-10 * (B.transpose() * B).norm());
}

TEST(LeastSquares, SameBitsForAnyThreadCount) {
  const Eigen::MatrixXd A = random_matrix(300000, 4, 5);
  const int before = omp_get_max_threads();
  omp_set_num_threads(1);
  const Eigen::MatrixXd R1 = triangular_factor(A, Eigen::VectorXd());
  omp_set_num_threads(2);
  const Eigen::MatrixXd R2 = triangular_factor(A, Eigen::VectorXd());
  omp_set_num_threads(before);
  EXPECT_EQ(R1, R2);
}

TEST(LeastSquares, CollinearityFromTheFactorMatchesTheCholeskyRule) {
  Eigen::MatrixXd A = random_matrix(500, 6, 7);
  A.col(2) = A.col(0) - 2 * A.col(1);           // exactly collinear
  A.col(4) = A.col(3) + 1e-7 * A.col(5);        // residual norm ratio ~1e-7: below fixest's 1e-5
  const Eigen::VectorXd none;
  const std::vector<long> chol = independent_columns(A.transpose() * A, none);
  const std::vector<long> qr = independent_columns_qr(triangular_factor(A, none), 6, none);
  EXPECT_EQ(qr, (std::vector<long>{0, 1, 3, 5}));
  EXPECT_EQ(qr, chol);
}

TEST(LeastSquares, RefinementRecoversDigitsOnAnIllConditionedDesign) {
  // A degree-5 polynomial in t = 0..20 with large residuals (as NIST Wampler5): cond ~ 3e3.
  const long n = 41;
  Eigen::MatrixXd A(n, 7);
  std::mt19937_64 rng(11);
  std::normal_distribution<double> N(0, 1);
  for (long i = 0; i < n; ++i) {
    const double t = 0.5 * static_cast<double>(i);
    for (long k = 0; k < 6; ++k) A(i, k) = std::pow(t, static_cast<double>(k));
    A(i, 6) = A.row(i).head(6).sum() + 1e8 * N(rng);
  }
  const Eigen::VectorXd y = A.col(6), none;
  QrSolution s = solve_from_factor(triangular_factor(A, none), {0, 1, 2, 3, 4, 5});
  EXPECT_GT(s.predicted_error, 1e-13);
  const Eigen::VectorXd plain = s.beta;
  refine(s, A.leftCols(6), y, none);
  EXPECT_GE(s.refinement_steps, 1);
  // The refined solution satisfies the normal equations X'(y - Xb) = 0 better, in extended precision.
  auto gradient = [&](const Eigen::VectorXd& b) {
    Eigen::Matrix<long double, Eigen::Dynamic, 1> g = Eigen::Matrix<long double, Eigen::Dynamic, 1>::Zero(6);
    for (long i = 0; i < n; ++i) {
      long double r = y[i];
      for (long k = 0; k < 6; ++k) r -= static_cast<long double>(A(i, k)) * b[k];
      for (long k = 0; k < 6; ++k) g[k] += A(i, k) * r;
    }
    // scaled by the column norms: the relative size of the gradient
    double worst = 0;
    for (long k = 0; k < 6; ++k) worst = std::max(worst, static_cast<double>(std::fabs(g[k])) / A.col(k).norm());
    return worst;
  };
  EXPECT_LT(gradient(s.beta), gradient(plain));
}
