// ln|I - rho W| of a spatial weights matrix W (n x n, sparse, not necessarily symmetric) and its
// derivative, as needed by the concentrated likelihood of the spatial models (Ord 1975; Anselin
// 1988, ch. 12; LeSage & Pace 2009, ch. 4). Never forms a dense matrix except for the
// eigenvalues of W (n <= 2000 under Auto).
//
// Methods:
//  - Eigenvalues (Ord 1975): ln|I - rho W| = sum_i ln|1 - rho lambda_i|. When W is similar to a
//    symmetric matrix (W = D^-1 B with B symmetric, e.g. a row-standardized symmetric W) the
//    symmetric form D^1/2 W D^-1/2 is decomposed, as spatialreg's "similar" listw; otherwise the
//    general (complex) eigenvalues are used.
//  - SparseLU: a sparse factorization per rho (Pace & Barry 1997): a simplicial LDL' Cholesky of
//    I - rho D^1/2 W D^-1/2 when W is similar to a symmetric matrix, else a sparse LU of I - rho W;
//    the log determinant is the sum of the logs of the factor's pivots.
//  - Chebyshev (Pace & LeSage 2004, eq. 10-12): a degree-q Chebyshev polynomial in rho with the
//    exact traces of T_j(W), the same approximation as spatialreg's method = "Chebyshev" (q = 5).
//  - MonteCarlo (Barry & Pace 1999, eq. 7-9): -sum_{k=1}^{m} rho^k tr(W^k) / k with tr(W), tr(W^2)
//    exact and tr(W^k), k >= 3, estimated from p random +-1 vectors (Hutchinson 1990); m = 30,
//    p = 16 as spatialreg's method = "MC".
// Auto: Eigenvalues for n <= 2000, SparseLU above.
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cbec {

enum class LogDetMethod { Auto, Eigenvalues, SparseLU, Chebyshev, MonteCarlo };

// "auto", "eigen", "sparse", "chebyshev", "mc": parse and name (throws SpecError on others).
LogDetMethod parse_log_det_method(const std::string& name);
std::string log_det_method_name(LogDetMethod m);

class LogDeterminant {
 public:
  LogDeterminant(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, LogDetMethod method = LogDetMethod::Auto,
                 unsigned seed = 0);

  double operator()(double rho) const;             // ln|I - rho W|
  // ln|I - rho W| at each rho: the same numbers as one at a time, the sparse symmetric
  // factorizations computed together (simultaneous_ldlt.hpp).
  std::vector<double> operator()(const std::vector<double>& rhos) const;
  double derivative(double rho) const;             // -tr(W (I - rho W)^{-1})
  std::pair<double, double> rho_interval() const;  // (1/lambda_min, 1/lambda_max) or (-1, 1) when unknown
  LogDetMethod method() const { return method_; }

  // The eigenvalues of W (real and imaginary parts) when method() is Eigenvalues, else empty.
  const Eigen::VectorXd& eigen_real() const;
  const Eigen::VectorXd& eigen_imag() const;

  struct State;  // the method's precomputation (eigenvalues, factorization pattern, traces)

 private:
  LogDetMethod method_;
  std::shared_ptr<State> state_;
};

}  // namespace cbec
