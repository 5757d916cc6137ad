// ln|I - rho W| against spatialreg (tests/reference/spreg/log_determinant.R) on the Columbus
// contiguity weights, row-standardized and binary: eigenvalues and the sparse factorization to
// 1e-9 relative (both exact), the derivative and rho interval to 1e-9, spatialreg's Chebyshev
// approximation (q = 5) to 1e-9; the Monte-Carlo approximation within 5% of the exact value on 49
// units (random error of 16 vectors; within 1% on the 22,500-unit lattice). An asymmetric W (k nearest neighbours, complex eigenvalues) is
// checked against a dense LU determinant, and refused by the Chebyshev approximation.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <Eigen/Dense>

#include <cmath>
#include <fstream>
#include <random>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/log_determinant.hpp"
#include "cbec/frame/spatial_weights.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

nlohmann::json fixture() {
  return reference_fixture("spreg_log_determinant.json");
}

SpatialWeights columbus(bool row_standardized) {
  const SpatialWeights w = read_gal(std::string(CBEC_TEST_DATA) + "/columbus.gal");
  return row_standardized ? row_standardize(w) : w;
}

double rel(double a, double b) { return std::abs(a - b) / std::max(1.0, std::abs(b)); }

}  // namespace

TEST(LogDeterminant, ExactMethodsMatchSpatialreg) {
  const auto ref = fixture();
  for (const char* style : {"W", "B"}) {
    SCOPED_TRACE(style);
    const auto& r = ref[style];
    const auto rhos = ref[std::string("rho_") + style].get<std::vector<double>>();
    const SpatialWeights w = columbus(std::string(style) == "W");
    const LogDeterminant eig(w.W, LogDetMethod::Eigenvalues), sparse(w.W, LogDetMethod::SparseLU),
        cheb(w.W, LogDetMethod::Chebyshev), mc(w.W, LogDetMethod::MonteCarlo, 3), aut(w.W);
    EXPECT_EQ(aut.method(), LogDetMethod::Eigenvalues);
    EXPECT_EQ(sparse.method(), LogDetMethod::SparseLU);
    for (size_t k = 0; k < rhos.size(); ++k) {
      const double rho = rhos[k], exact = r["exact_dense"][k].get<double>();
      SCOPED_TRACE(rho);
      EXPECT_LT(rel(eig(rho), exact), 1e-9);
      EXPECT_LT(rel(sparse(rho), exact), 1e-9);
      EXPECT_LT(rel(eig.derivative(rho), r["derivative"][k].get<double>()), 1e-9);
      EXPECT_LT(rel(sparse.derivative(rho), r["derivative"][k].get<double>()), 1e-7);
      EXPECT_LT(rel(cheb(rho), r["chebyshev"][k].get<double>()), 1e-9);
      // The approximations' own derivatives agree with their values (central difference).
      const double h = 1e-6;
      EXPECT_NEAR(cheb.derivative(rho), (cheb(rho + h) - cheb(rho - h)) / (2 * h), 1e-5);
      EXPECT_NEAR(mc.derivative(rho), (mc(rho + h) - mc(rho - h)) / (2 * h), 1e-5);
      // 16 random vectors on 49 units: a few per cent of Monte-Carlo error (the series itself
      // needs |rho lambda| well below 1, so row-standardized W only).
      if (std::string(style) == "W") EXPECT_NEAR(mc(rho), exact, 0.05 * std::abs(exact) + 1e-12);
    }
    EXPECT_LT(rel(eig.rho_interval().first, r["interval"][0].get<double>()), 1e-9);
    EXPECT_LT(rel(eig.rho_interval().second, r["interval"][1].get<double>()), 1e-9);
    // Without eigenvalues: (-1, 1) for row-standardized W, (-1/r, 1/r) for binary W (r its
    // spectral radius, the upper end of the eigenvalue interval's inverse).
    if (std::string(style) == "W") {
      EXPECT_EQ(sparse.rho_interval(), std::make_pair(-1.0, 1.0));
    } else {
      EXPECT_LT(rel(sparse.rho_interval().second, r["interval"][1].get<double>()), 1e-9);
      EXPECT_EQ(sparse.rho_interval().first, -sparse.rho_interval().second);
    }
  }
}

TEST(LogDeterminant, AsymmetricWeightsMatchDenseDeterminant) {
  // Each of 300 random points' 4 nearest neighbours, row-standardized: W is not similar to a
  // symmetric matrix, so the eigenvalues are complex and the sparse method uses LU.
  const long n = 300, k = 4;
  std::mt19937 gen(11);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> x(n), y(n);
  for (long i = 0; i < n; ++i) x[i] = u(gen), y[i] = u(gen);
  std::vector<Eigen::Triplet<double>> t;
  for (long i = 0; i < n; ++i) {
    std::vector<std::pair<double, long>> d;
    for (long j = 0; j < n; ++j)
      if (j != i) d.emplace_back(std::hypot(x[i] - x[j], y[i] - y[j]), j);
    std::partial_sort(d.begin(), d.begin() + k, d.end());
    for (long m = 0; m < k; ++m) t.emplace_back(i, d[m].second, 1.0 / k);
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> w(n, n);
  w.setFromTriplets(t.begin(), t.end());
  const LogDeterminant eig(w, LogDetMethod::Eigenvalues), sparse(w, LogDetMethod::SparseLU);
  EXPECT_GT(eig.eigen_imag().cwiseAbs().maxCoeff(), 1e-3);
  const Eigen::MatrixXd dense = Eigen::MatrixXd(w);
  for (double rho : {-0.7, -0.1, 0.4, 0.85}) {
    SCOPED_TRACE(rho);
    const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n) - rho * dense;
    const double exact = std::log(std::abs(a.partialPivLu().determinant()));
    const double trace = -(dense * a.inverse()).trace();
    EXPECT_LT(rel(eig(rho), exact), 1e-10);
    EXPECT_LT(rel(sparse(rho), exact), 1e-10);
    EXPECT_LT(rel(eig.derivative(rho), trace), 1e-9);
    EXPECT_LT(rel(sparse.derivative(rho), trace), 1e-7);
  }
  EXPECT_NEAR(eig.rho_interval().second, 1.0, 1e-9);
  // Chebyshev's interpolation of ln(1 - rho x) is on real x in [-1, 1], where Pace and LeSage bound
  // its error; complex eigenvalues have no such bound: refused, as spatialreg's do_ldet does.
  try {
    const LogDeterminant cheb(w, LogDetMethod::Chebyshev);
    ADD_FAILURE() << "asymmetric weights accepted by chebyshev";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("'chebyshev' needs symmetric weights"), std::string::npos) << e.what();
  }
}

TEST(LogDeterminant, LargeSparseLatticeMatchesClosedForm) {
  // A 150 x 150 rook lattice (n = 22,500) with weights 1/4: Auto chooses the sparse Cholesky, and
  // the eigenvalues are known in closed form, (cos(pi a/(s+1)) + cos(pi b/(s+1))) / 2,
  // a, b = 1..s, so ln|I - rho W| = sum ln(1 - rho lambda_ab).
  const long side = 150, n = side * side;
  std::vector<Eigen::Triplet<double>> t;
  for (long r = 0; r < side; ++r)
    for (long c = 0; c < side; ++c) {
      const long i = r * side + c;
      if (r > 0) t.emplace_back(i, i - side, 0.25);
      if (r + 1 < side) t.emplace_back(i, i + side, 0.25);
      if (c > 0) t.emplace_back(i, i - 1, 0.25);
      if (c + 1 < side) t.emplace_back(i, i + 1, 0.25);
    }
  Eigen::SparseMatrix<double, Eigen::RowMajor> w(n, n);
  w.setFromTriplets(t.begin(), t.end());
  const LogDeterminant ld(w), cheb(w, LogDetMethod::Chebyshev), mc(w, LogDetMethod::MonteCarlo, 5);
  EXPECT_EQ(ld.method(), LogDetMethod::SparseLU);
  for (double rho : {-0.8, 0.3, 0.7, 0.95}) {
    SCOPED_TRACE(rho);
    double exact = 0, slope = 0;
    for (long a = 1; a <= side; ++a)
      for (long b = 1; b <= side; ++b) {
        const double lambda = 0.5 * (std::cos(M_PI * a / (side + 1.0)) + std::cos(M_PI * b / (side + 1.0)));
        exact += std::log(1 - rho * lambda);
        slope -= lambda / (1 - rho * lambda);
      }
    EXPECT_LT(rel(ld(rho), exact), 1e-9);
    EXPECT_LT(rel(ld.derivative(rho), slope), 1e-6);
    if (std::abs(rho) <= 0.7) {
      EXPECT_NEAR(cheb(rho), exact, 0.01 * std::abs(exact));
      EXPECT_NEAR(mc(rho), exact, 0.01 * std::abs(exact));
    }
  }
}

TEST(LogDeterminant, MethodNamesRoundTrip) {
  for (const char* m : {"auto", "eigen", "sparse", "chebyshev", "mc"}) EXPECT_EQ(log_det_method_name(parse_log_det_method(m)), m);
  EXPECT_THROW(parse_log_det_method("lu"), SpecError);
}
