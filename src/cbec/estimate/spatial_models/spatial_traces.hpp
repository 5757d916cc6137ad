// G = W (I - rho W)^-1 for one spatial weights matrix and one rho: products G v and the traces
// tr(G), tr(G G) and tr(G'G) of the spatial models' information matrix (Anselin 1988, eq. 6.5;
// Lee and Yu 2010, eq. 3.4). Never dense beyond kExactTraceUnits units: there the traces are
// Hutchinson (1990) estimates, mean of z'Mz over Rademacher vectors z, from sparse LU solves.
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

namespace cbec {

inline constexpr long kExactTraceUnits = 2000;
inline constexpr int kTraceDraws = 100;

struct SpatialTraces {
  double g = 0, gg = 0, gtg = 0;   // tr(G), tr(G G), tr(G'G)
  bool exact = true;
};

class SpatialInverse {
 public:
  SpatialInverse(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, double rho);
  Eigen::VectorXd g(const Eigen::VectorXd& v) const;        // W (I - rho W)^-1 v
  SpatialTraces traces(unsigned long long seed) const;

 private:
  const Eigen::SparseMatrix<double, Eigen::RowMajor>& w_;
  double rho_;
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu_;
};

}  // namespace cbec
