// tr(G), tr(G G), tr(G'G) and G v for G = W (I - rho W)^-1 by the sparse factorization of the
// symmetric similar matrix (similar_traces.hpp) against a dense inverse: 1e-10 relative on a
// row-standardized rook lattice (unequal numbers of neighbours: W itself is not symmetric), for a
// positive and a negative rho; none for a W not similar to a symmetric matrix.
#include <gtest/gtest.h>

#include <Eigen/Dense>

#include "cbec/estimate/spatial_models/similar_traces.hpp"
#include "rook_lattice.hpp"

using namespace cbec;

TEST(SimilarTraces, EqualTheDenseInverse) {
  const auto w = cbec::testing::rook_lattice(9);
  const long n = w.rows();
  const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0);
  for (double rho : {0.6, -0.45}) {
    const auto t = similar_traces(w, rho, v);
    ASSERT_TRUE(t.has_value());
    const Eigen::MatrixXd wd(w);
    const Eigen::MatrixXd g = wd * (Eigen::MatrixXd::Identity(n, n) - rho * wd).inverse();
    const double gg = g.cwiseProduct(g.transpose()).sum();
    EXPECT_NEAR(t->g, g.trace(), 1e-10 * std::abs(g.trace()));
    EXPECT_NEAR(t->gg, gg, 1e-10 * gg);
    EXPECT_NEAR(t->gtg, g.squaredNorm(), 1e-10 * g.squaredNorm());
    EXPECT_LT((t->gv - g * v).norm(), 1e-10 * (g * v).norm());
  }
}

TEST(SimilarTraces, NoneForAnAsymmetricPattern) {
  Eigen::SparseMatrix<double, Eigen::RowMajor> w(3, 3);
  w.insert(0, 1) = 1;
  w.insert(1, 2) = 1;
  w.insert(2, 0) = 1;
  EXPECT_FALSE(similar_traces(w, 0.5, Eigen::VectorXd::Ones(3)).has_value());
}
