// The symmetric matrix similar to a spatial weights matrix: when W = D^-1 B with B symmetric
// (e.g. a row-standardized symmetric W), S = D^1/2 W D^-1/2 is symmetric with W's eigenvalues
// (spatialreg's similar.listw; Ord 1975). Used by the log-determinant and the variance.
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <optional>

namespace cbec {

// The scales s with S = diag(s) W diag(s)^-1 symmetric, when W = D^-1 B with B symmetric: then
// d_i W_ij = d_j W_ji on every link, found by walking each connected component from one unit
// (s = sqrt(d)). None when W's pattern is not symmetric or the ratios disagree on some link.
std::optional<Eigen::VectorXd> symmetrizing_scales(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w);

// diag(s) W diag(s)^-1, made exactly symmetric.
Eigen::SparseMatrix<double> symmetrized(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const Eigen::VectorXd& s);

}  // namespace cbec
