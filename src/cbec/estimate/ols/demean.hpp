// Projection of variables off any number of fixed-effect dimensions ("demeaning"), weighted or not.
//
// Algorithm: Gauss-Seidel sweeps over the fixed-effect coefficients (alternating projections,
// Guimaraes and Portugal 2010; Gaure 2013) with Irons and Tuck (1969) acceleration as in fixest
// (Berge 2018). One dimension is exact in one pass.
// Convergence criterion: stop when, for every coefficient, |a_new - a_old| <= tol * (0.1 + |a_old|)
// (default tol = 1e-10), or after max_iter sweeps (then `converged` is false and a warning is given).
#pragma once
#include <Eigen/Core>

#include <vector>

#include "cbec/formula/design.hpp"

namespace cbec {

struct DemeanStats {
  size_t max_iterations = 0;
  bool converged = true;
};

class Demeaner {
 public:
  Demeaner(const std::vector<Factor>& fes, const Eigen::VectorXd& weights, double tol = 1e-10, size_t max_iter = 100000);
  // Demeans every column of m in place (columns in parallel).
  DemeanStats demean(Eigen::MatrixXd& m) const;
  DemeanStats demean(Eigen::VectorXd& v) const;

 private:
  size_t demean_column(double* v) const;
  const std::vector<Factor>& fes_;
  const Eigen::VectorXd& w_;
  double tol_;
  size_t max_iter_;
  std::vector<std::vector<double>> wsum_;  // per dimension, per level: sum of weights
  size_t n_;
};

}  // namespace cbec
