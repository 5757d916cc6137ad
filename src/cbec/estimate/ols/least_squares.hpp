// Least squares by Householder QR (backward stable: the error is of order cond(X) * machine epsilon
// instead of the normal equations' cond(X)^2 * epsilon; NIST StRD certified digits, see
// tests/unit/ols/nist_strd_test.cpp).
//
// The triangular factor R of the n x p matrix [X y] is accumulated over fixed blocks of rows (a
// tall-skinny QR): each block's rows, scaled by sqrt(w), are folded into the running R by p
// Householder reflections. Q is never stored and the data are never copied whole, so the cost is
// about 2np^2 flops in one pass over the data with O(p^2) memory per thread (the normal equations
// cost np^2 flops; measured, the two take the same time). Chunks of rows are reduced in parallel
// and their factors folded in a fixed order, so results do not depend on the number of threads.
//
// A QR solution still loses digits in proportion to cond(X)^2 ||r|| / ||Xb|| when the residuals are
// large (NIST's Wampler4 and Wampler5). When the predicted error is above 1e-13, refine() takes
// steps of iterative refinement with the residuals and X'Wr accumulated in extended precision
// (long double; corrected semi-normal equations, Bjorck 1996, 2.9 and 6.6), usually one: a pass
// over the data costing about 3 times the factor (0.065 s per step for 2 million rows of 5
// regressors on 2 cores), for designs where it matters only (the benchmark's panel has cond ~ 1.5
// and a predicted error of 1e-16; a year trend beside an intercept, cond ~ 1e3, is refined).
#pragma once
#include <Eigen/Core>

#include <vector>

namespace cbec {

class ReduceExchange;

// Upper-triangular R (p x p) with R'R = A'WA (W = diag(w), or I when w is empty), for the columns
// of A listed in `order` (all, in order, when empty).
Eigen::MatrixXd triangular_factor(const Eigen::Ref<const Eigen::MatrixXd>& A, const Eigen::VectorXd& w,
                                  const std::vector<long>& order = {});

// Folds the rows of B into the upper-triangular R (p x p; B has p columns): afterwards
// R'R = R0'R0 + B'B. B is overwritten. Rows split across processes: each process's factor of its
// own rows, folded in rank order, is the factor of all rows (a tall-skinny QR over processes).
void fold_factor(Eigen::MatrixXd& R, Eigen::MatrixXd& B);

struct QrSolution {
  Eigen::VectorXd beta;   // coefficients of the last column of A on the columns `keep`
  Eigen::MatrixXd bread;  // (X_k'WX_k)^-1 = R_k^-1 R_k^-T
  Eigen::MatrixXd R;      // R_k, the factor of the kept columns
  double condition = 0;   // 1-norm condition number of R_k with unit-length columns
  double predicted_error = 0;  // eps cond (1 + cond ||r|| / ||X b||) (Golub and Van Loan, 5.3.8)
  int refinement_steps = 0;
};

// Regression of the last column of A on the columns `keep` (indices among the first p-1), from the
// triangular factor R of A (p x p). Throws NumericError when the kept columns are rank deficient.
QrSolution solve_from_factor(const Eigen::MatrixXd& R, const std::vector<long>& keep);

// Iterative refinement of s.beta for the regression of y on Z (the kept columns, weights w) when
// s.predicted_error exceeds `above` and the design is well enough conditioned for it to converge
// (cond^2 eps < 0.1); at most 3 steps, stopping when the correction no longer shrinks or what it
// leaves is below machine precision.
// Rows split across processes: `exchange` adds the processes' Z'Wr (in extended precision, rank
// order), so every process takes the same steps.
void refine(QrSolution& s, const Eigen::Ref<const Eigen::MatrixXd>& Z, const Eigen::Ref<const Eigen::VectorXd>& y, const Eigen::VectorXd& w,
            double above = 1e-13, ReduceExchange* exchange = nullptr);

}  // namespace cbec
