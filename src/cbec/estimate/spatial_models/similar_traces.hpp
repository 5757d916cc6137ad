// tr(G), tr(G G), tr(G'G) and G v for G = W (I - rho W)^-1, exactly, without a dense inverse, when
// W is similar to a symmetric matrix S = diag(s) W diag(s)^-1 (symmetric_form.hpp): then
// G = diag(s)^-1 H diag(s) with H = S (I - rho S)^-1 symmetric, so tr(G) = tr(H),
// tr(G G) = sum_ij H_ij^2 and tr(G'G) = sum_ij H_ij^2 s_j^2 / s_i^2. (I - rho S)^-1 comes from one
// sparse LDL' factorization (Pace & Barry 1997) solved for the columns of I: O(n nnz(L)) work
// instead of the O(n^3) of a dense LU inverse. These are the traces of the information matrix of
// the lag and error models (Anselin 1988, eq. 12.13 and 12.33).
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <optional>

namespace cbec {

struct SimilarTraces {
  double g = 0, gg = 0, gtg = 0;  // tr(G), tr(G G), tr(G'G)
  Eigen::VectorXd gv;             // G v
};

// None when W is not similar to a symmetric matrix (the caller then inverts densely).
std::optional<SimilarTraces> similar_traces(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, double rho, const Eigen::VectorXd& v);

}  // namespace cbec
