// Perfectly collinear regressors, found in formula order as Stata and fixest do: a column is
// dropped when its residual sum of squares, after projection on the columns kept before it, is at
// most tol times its own sum of squares (1e-10: a relative residual norm below 1e-5; lm's
// qr(tol = 1e-7) compares the unsquared ratio, so it drops fewer near-collinear columns; fixest
// compares the residual sum of squares itself with collin.tol = 1e-9, a rule that depends on the
// variables' units; README "What is dropped, and why"). Formula order rather than QR column pivoting,
// so that the dropped term is the later one, as Stata, fixest and lm report it.
//
// Two implementations of the same rule: from the triangular factor R of the regressors (R'R = X'WX,
// least_squares.hpp; what feols uses, accurate up to cond(X) ~ 1e15) and from X'WX by an
// incremental Cholesky (cond(X)^2 limited; for callers that only have the cross-product).
#pragma once
#include <Eigen/Core>

#include <vector>

namespace cbec {

// Indices of the columns to keep. `raw_ss` (optional) are the sums of squares before fixed effects
// were partialled out: a column whose partialled sum of squares is tiny relative to them is
// absorbed by the fixed effects.
std::vector<long> independent_columns(const Eigen::MatrixXd& XtX, const Eigen::VectorXd& raw_ss, double tol = 1e-10);

// The same rule from the upper-triangular factor R of the regressors (its first k columns are the
// candidates; later columns, such as y's, are ignored): residual sums of squares come from small
// QR factorizations of R's columns, never from differences of squares.
std::vector<long> independent_columns_qr(const Eigen::MatrixXd& R, long k, const Eigen::VectorXd& raw_ss, double tol = 1e-10);

// The first column of `within` (the regressors after fixed effects were partialled out of `raw`,
// column for column; only raw's sums of squares are read) that this rule drops, in order, or -1
// when none is: a term absorbed by the effects (its partialled sum of squares tiny against its raw
// one: rounding, not exact zeros) or collinear with the terms before it.
long first_dependent_column(const Eigen::MatrixXd& within, const Eigen::MatrixXd& raw, double tol = 1e-10);
// The same from the raw columns' sums of squares.
long first_dependent_column_given_ss(const Eigen::MatrixXd& within, const Eigen::VectorXd& raw_ss, double tol = 1e-10);

// Whether v is rounding noise next to `reference`: a sum of squares at most 1e-20 of reference's (a
// relative norm of 1e-10), what a constant response leaves once centred or its effects removed, and a
// response its regressors fit exactly leaves as residuals.
bool is_rounding_noise(const Eigen::VectorXd& v, const Eigen::VectorXd& reference);

}  // namespace cbec
