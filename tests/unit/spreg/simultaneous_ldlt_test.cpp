// SimultaneousLdlt (simultaneous_ldlt.hpp): ln|det(I - rho S)| at 11 values of rho in one call
// (a group of 8 and one of 3) equals, bit for bit, Eigen's SimplicialLDLT of each matrix on its
// own (the factorization it replaces in log_determinant.cpp), and the dense log-determinant to
// 1e-10; a zero pivot throws.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/SparseCholesky>

#include <cmath>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/simultaneous_ldlt.hpp"
#include "cbec/estimate/spatial_models/symmetric_form.hpp"
#include "rook_lattice.hpp"

using namespace cbec;

namespace {
using ColSparse = Eigen::SparseMatrix<double>;
using RowValues = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
}  // namespace

TEST(SpatialSimultaneousLdlt, EqualsOneFactorizationPerMatrixBitForBit) {
  const Eigen::SparseMatrix<double, Eigen::RowMajor> w = cbec::testing::rook_lattice(20);  // n = 400
  const ColSparse s = symmetrized(w, *symmetrizing_scales(w));
  const long n = s.rows();
  ColSparse id(n, n);
  id.setIdentity();
  ColSparse upper = ColSparse(s + 0.0 * id).triangularView<Eigen::Upper>();
  upper.makeCompressed();
  const Eigen::VectorXd s_values = Eigen::Map<const Eigen::VectorXd>(upper.valuePtr(), upper.nonZeros());
  Eigen::VectorXd id_values = Eigen::VectorXd::Zero(upper.nonZeros());
  for (long j = 0; j < n; ++j)
    for (int k = upper.outerIndexPtr()[j]; k < upper.outerIndexPtr()[j + 1]; ++k)
      if (upper.innerIndexPtr()[k] == j) id_values[k] = 1;

  const std::vector<double> rhos{-0.9, -0.5, -0.1, 0.0, 0.2, 0.4, 0.5, 0.5002, 0.7, 0.9, 0.99};
  RowValues values(upper.nonZeros(), static_cast<long>(rhos.size()));
  for (size_t j = 0; j < rhos.size(); ++j) values.col(static_cast<long>(j)) = id_values - rhos[j] * s_values;
  const std::vector<double> together = SimultaneousLdlt(upper).log_abs_dets(values);
  ASSERT_EQ(together.size(), rhos.size());

  Eigen::SimplicialLDLT<ColSparse, Eigen::Upper, Eigen::NaturalOrdering<int>> one;
  ColSparse a = upper;
  one.analyzePattern(a);
  for (size_t j = 0; j < rhos.size(); ++j) {
    SCOPED_TRACE(rhos[j]);
    Eigen::Map<Eigen::VectorXd>(a.valuePtr(), a.nonZeros()) = values.col(static_cast<long>(j));
    one.factorize(a);
    ASSERT_EQ(one.info(), Eigen::Success);
    EXPECT_EQ(together[j], one.vectorD().array().abs().log().sum());
    const double dense = Eigen::MatrixXd(Eigen::MatrixXd::Identity(n, n) - rhos[j] * Eigen::MatrixXd(s)).partialPivLu().matrixLU().diagonal().array().abs().log().sum();
    EXPECT_NEAR(together[j], dense, 1e-10 * std::max(1.0, std::abs(dense)));
  }
}

TEST(SpatialSimultaneousLdlt, ZeroPivotThrows) {
  // [[0, 1], [1, 0]]: the first pivot is zero (the matrix needs pivoting).
  ColSparse upper(2, 2);
  upper.insert(0, 0) = 0;
  upper.insert(0, 1) = 1;
  upper.insert(1, 1) = 0;
  upper.makeCompressed();
  RowValues values(3, 1);
  values << 0, 1, 0;
  EXPECT_THROW(SimultaneousLdlt(upper).log_abs_dets(values), NumericError);
}
