// The one-dimensional searches behind the concentrated likelihood of the cross-section spatial
// models (spatial_ml.cpp): the maximum of ln L(rho) = ln|I - rho W| + g(rho), where g (the sum of
// squares part) is cheap and ln|I - rho W| is cheap with eigenvalues but costs a sparse
// factorization per rho otherwise. Internal to estimate/spatial_models.
#pragma once
#include <functional>
#include <utility>
#include <vector>

namespace cbec::detail {

using Function1 = std::function<double(double)>;
using BatchFunction = std::function<std::vector<double>(const std::vector<double>&)>;  // f at each point

// The maximum (x, f(x)) of f on [lo, hi] by Brent's method alone (as R's optimize): comparisons of
// values stop at ~sqrt(epsilon) in x.
std::pair<double, double> maximize_brent(const Function1& f, double lo, double hi);

// The maximum (x, f(x)) of f on `search`: Brent's method (as R's optimize), whose comparisons of
// values stop at ~sqrt(epsilon) in x, then Newton steps on f' from five-point differences (error
// O(h^4)), kept while they raise f (or promise a gain below its rounding) and stay inside `bounds`.
std::pair<double, double> maximize(const Function1& f, std::pair<double, double> search, std::pair<double, double> bounds);
inline std::pair<double, double> maximize(const Function1& f, std::pair<double, double> interval) {
  return maximize(f, interval, interval);
}

// The maximum of f on `interval` when f may have several local maxima: f on a grid of `points`
// evenly spaced values, then maximize() between the best grid value's neighbours (a local search
// from the whole interval can stop at a lower peak: the SAC's profile likelihood in rho). Ends: the
// grid includes the interval's ends; Midpoints: the midpoints of `points` equal cells, off the
// bounds, where the spatial panels' log-determinants and error covariances lose their digits (a
// random-effects likelihood rising there by rounding), the search between neighbours still
// reaching the bounds. Without `polish`, Brent's method alone between the neighbours (nested
// searches, where the polish's extra values multiply). `peaks` > 1: the search from each of the
// best `peaks` local maxima of the grid values, the highest result kept (a SAC's two peaks with rho
// and lambda swapped, the lower one nearer a grid point than the higher).
enum class GridPlacement { Ends, Midpoints };
std::pair<double, double> maximize_on_grid(const Function1& f, std::pair<double, double> interval, int points,
                                           GridPlacement placement = GridPlacement::Ends, bool polish = true, int peaks = 1);

struct CostlySearch {
  double x = 0;             // the maximizer
  double ldet = 0;          // ln|I - x W| from the polishing quartic (within ~1e-12 of the exact value)
  double ldet_second = 0;   // d2/dx2 ln|I - x W| from the polishing quartic (nodes 2e-4 apart)
  int factorizations = 0;   // exact evaluations of ln|I - rho W| used
};

// The maximum of ldet(x) + g(x) on `interval` with few exact values of ldet (Pace & Barry 1997
// interpolate ln|I - rho W| between exact values on a grid; here the nodes go where the maximum
// is). Locating: nodes at start and start +- 0.05, then a trust-region iteration (Nocedal &
// Wright 2006, algorithm 4.1) on P + g, P the cubic through the four nodes nearest the current
// point (Newton's divided differences), each step's maximizer becoming a node, until a step is
// below 2e-4 (if it stalls: Brent on exact values to 1e-4). Polishing: exact values at x + k s,
// k = -2..2, s = 2e-4, and the maximum of the quartic through them plus g; the quartic's
// derivative error (~|ldet^(5)| s^4 / 30, rounding ~3e-11 / s) puts the maximizer within ~1e-10 of
// Brent's on exact values (tests/unit/spreg/spatial_ml_search_test.cpp). ldet and ldet_second at
// the maximizer are the quartic's: x lies inside the stencil, where the interpolation's error
// (~|ldet^(5)| s^5 / 120) is far below the exact values' rounding (~1e-12 at n = 20,000), so ln L
// there equals its exact value to about 1e-16 relative without another factorization. Falls back to
// Brent on exact values if the maximum does not settle inside the stencil. `ldet` takes the points
// whose values are needed together (the three first nodes, the five of a stencil) at once, which
// LogDeterminant factorizes in one pass.
CostlySearch maximize_costly_ldet(const BatchFunction& ldet, const Function1& g, std::pair<double, double> interval, double start);

}  // namespace cbec::detail
