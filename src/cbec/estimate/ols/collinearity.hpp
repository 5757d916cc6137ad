// Perfectly collinear regressors, found in formula order as Stata and fixest do: a column is
// dropped when its residual sum of squares, after projection on the columns kept before it, is at
// most tol times its own sum of squares (incremental Cholesky of X'WX).
#pragma once
#include <Eigen/Core>

#include <vector>

namespace cbec {

// Indices of the columns to keep. `raw_ss` (optional) are the sums of squares before fixed effects
// were partialled out: a column whose partialled sum of squares is tiny relative to them is
// absorbed by the fixed effects.
std::vector<long> independent_columns(const Eigen::MatrixXd& XtX, const Eigen::VectorXd& raw_ss, double tol = 1e-10);

}  // namespace cbec
