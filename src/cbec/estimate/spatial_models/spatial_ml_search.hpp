// The one-dimensional searches behind the concentrated likelihood of the cross-section spatial
// models (spatial_ml.cpp): the maximum of ln L(rho) = ln|I - rho W| + g(rho), where g (the sum of
// squares part) is cheap and ln|I - rho W| is cheap with eigenvalues but costs a sparse
// factorization per rho otherwise. Internal to estimate/spatial_models.
#pragma once
#include <functional>
#include <utility>

namespace cbec::detail {

using Function1 = std::function<double(double)>;

// The maximum (x, f(x)) of f on `search`: Brent's method (as R's optimize), whose comparisons of
// values stop at ~sqrt(epsilon) in x, then Newton steps on f' from five-point differences (error
// O(h^4)), kept while they do not lower f beyond its rounding and stay inside `bounds`.
std::pair<double, double> maximize(const Function1& f, std::pair<double, double> search, std::pair<double, double> bounds);
inline std::pair<double, double> maximize(const Function1& f, std::pair<double, double> interval) {
  return maximize(f, interval, interval);
}

struct CostlySearch {
  double x = 0;             // the maximizer
  double ldet = 0;          // ln|I - x W|, exact (a factorization at x itself)
  double ldet_second = 0;   // d2/dx2 ln|I - x W| from the interpolant (nodes 1e-3 apart around x)
  int factorizations = 0;   // exact evaluations of ln|I - rho W| used
};

// The maximum of ldet(x) + g(x) on `interval` with few exact values of ldet (Pace & Barry 1997
// interpolate ln|I - rho W| between exact values on a grid; here the nodes are placed where the
// maximum is): from `start`, nodes at start and start +- 0.05; then repeatedly the polynomial P
// through the (at most five) nodes nearest the current point (Newton's divided differences),
// the maximum of P + g inside a trust region around those nodes, and a new node there, until the
// step is below 1e-3; then nodes at x +- 1e-3 and a last maximum of P + g. P's derivative error
// at x is ~ |ldet^(m+1)| / (m+1)! times the product of the other nodes' distances, so the
// maximizer agrees with the exact one to ~1e-10 (the unit tests compare with Brent on exact
// values). ldet is then evaluated exactly at the maximizer, so ln L there is exact. Falls back to
// Brent on exact values if the interpolation has not settled after 25 nodes.
CostlySearch maximize_costly_ldet(const Function1& ldet, const Function1& g, std::pair<double, double> interval, double start);

}  // namespace cbec::detail
