// Least squares by Householder QR (backward stable: the error is of order cond(X) * machine epsilon
// instead of the normal equations' cond(X)^2 * epsilon; NIST StRD certified digits, see
// tests/unit/ols/nist_strd_test.cpp).
//
// The triangular factor R of the n x p matrix [X y] is accumulated over fixed blocks of rows (a
// tall-skinny QR): each block's rows, scaled by sqrt(w), are folded into the running R by p
// Householder reflections. Q is never stored and the data are never copied whole, so the cost is
// about 2np^2 flops in one pass over the data with O(p^2) memory per thread (the normal equations
// cost np^2 flops). Chunks of rows are reduced in parallel and their factors folded in a fixed
// order, so results do not depend on the number of threads.
#pragma once
#include <Eigen/Core>

#include <vector>

namespace cbec {

// The factor is returned in long double: the small p x p algebra after it (collinearity screening,
// the triangular solves, (R'R)^-1) keeps the extended precision of an extended-precision factor.
using FactorMatrix = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;

// Upper-triangular R (p x p) with R'R = A'WA (W = diag(w), or I when w is empty), for the columns
// of A listed in `order` (all, in order, when empty). The factor is computed in double precision;
// when the condition number of the regressors (all columns but the last, scaled to unit length)
// exceeds `extended_above`, it is computed again in long double (x87 80-bit on x86-64: 64-bit
// significand, about 3 more digits; no gain where long double is double). A well-conditioned
// design, such as a large panel's, pays only the double-precision pass.
FactorMatrix triangular_factor(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w,
                               const std::vector<long>& order = {}, double extended_above = 1e3);

struct QrSolution {
  Eigen::VectorXd beta;   // coefficients of the last column of A on the columns `keep`
  Eigen::MatrixXd bread;  // (X_k'WX_k)^-1 = R_k^-1 R_k^-T
  double rss = 0;         // residual sum of squares from the factor
};

// Regression of the last column of A on the columns `keep` (indices among the first p-1), from the
// triangular factor R of A (p x p). Throws NumericError when the kept columns are rank deficient.
QrSolution solve_from_factor(const FactorMatrix& R, const std::vector<long>& keep);

}  // namespace cbec
