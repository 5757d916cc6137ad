#include "cbec/estimate/ols/irons_tuck.hpp"

#include <cmath>

#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {
namespace {

bool moved(double a, double b, double tol) {
  const double d = std::fabs(a - b);
  return d > tol && d / (0.1 + std::fabs(a)) > tol;
}

bool any_moved(const std::vector<double>& a, const std::vector<double>& b, size_t first, size_t n, double tol) {
  for (size_t k = first; k < n; ++k)
    if (moved(a[k], b[k], tol)) return true;
  return false;
}

// Over the first n entries; with a split vector, any process's own entries or the shared ones.
bool any_moved(const std::vector<double>& a, const std::vector<double>& b, size_t n, double tol, const FixedPointSplit& split) {
  if (!split.exchange) return any_moved(a, b, 0, n, tol);
  // The shared entries are the same everywhere, so every process skips the exchange together.
  if (any_moved(a, b, split.n_local, n, tol)) return true;
  double mine = any_moved(a, b, 0, split.n_local, tol) ? 1.0 : 0.0;
  split.exchange->max(&mine, 1);
  return mine > 0;
}

void add_products(const std::vector<double>& X, const std::vector<double>& GX, const std::vector<double>& GGX, size_t first,
                  size_t n, double& num, double& den) {
  for (size_t k = first; k < n; ++k) {
    const double dgx = GGX[k] - GX[k], d2 = dgx - GX[k] + X[k];
    num += dgx * d2;
    den += d2 * d2;
  }
}

// X <- GGX - (dGX . d2X / d2X . d2X) dGX, with dGX = GGX - GX and d2X = dGX - (GX - X), over the
// first n entries. False when d2X is zero (nothing left to extrapolate: numerically converged).
bool extrapolate(std::vector<double>& X, const std::vector<double>& GX, const std::vector<double>& GGX, size_t n,
                 const FixedPointSplit& split) {
  double num = 0, den = 0;
  if (!split.exchange) {
    add_products(X, GX, GGX, 0, n, num, den);
  } else {
    double own[2] = {0, 0};
    add_products(X, GX, GGX, 0, split.n_local, own[0], own[1]);
    split.exchange->sum(own, 2);
    num = own[0];
    den = own[1];
    add_products(X, GX, GGX, split.n_local, n, num, den);
  }
  if (den == 0) return false;
  const double c = num / den;
  for (size_t k = 0; k < n; ++k) X[k] = GGX[k] - c * (GGX[k] - GX[k]);
  return true;
}

constexpr size_t kPlainStepAfter = 40;  // fixest's iter_projAfterAcc
constexpr size_t kGrandEvery = 4;       // fixest's iter_grandAcc
constexpr size_t kSsrEvery = 40;

}  // namespace

FixedPointStats irons_tuck_fixed_point(const std::function<void(const double*, double*)>& G,
                                       const std::function<double(const double*)>& ssr, std::vector<double>& x,
                                       size_t n_free, double tol, size_t max_iter, const FixedPointSplit& split) {
  FixedPointStats st;
  const size_t m = x.size();
  std::vector<double>& X = x;
  std::vector<double> GX(m), GGX(m), Y(m), GY(m), GGY(m);
  auto apply = [&](const std::vector<double>& in, std::vector<double>& out) {
    G(in.data(), out.data());
    ++st.evaluations;
  };
  apply(X, GX);
  bool going = any_moved(X, GX, n_free, tol, split);
  size_t grand = 0;
  double ssr_old = 0;
  while (going && st.iterations < max_iter) {
    // Every break below is a convergence: `going` is cleared first.
    ++st.iterations;
    apply(GX, GGX);
    if (!extrapolate(X, GX, GGX, n_free, split)) { going = false; break; }
    if (st.iterations >= kPlainStepAfter) {
      Y = X;
      apply(Y, X);
    }
    apply(X, GX);
    going = any_moved(X, GX, n_free, tol, split);
    if (!going) break;
    if (st.iterations % kGrandEvery == 0) {
      // Irons-Tuck again over three iterates kGrandEvery iterations apart.
      ++grand;
      if (grand == 1) Y = GX;
      else if (grand == 2) GY = GX;
      else {
        GGY = GX;
        if (!extrapolate(Y, GY, GGY, n_free, split)) { going = false; break; }
        apply(Y, GX);
        grand = 0;
      }
    }
    if (st.iterations % kSsrEvery == 0) {
      const double s = ssr(GX.data());
      if (!moved(ssr_old, s, tol)) { going = false; break; }
      ssr_old = s;
    }
  }
  st.converged = !going;
  X.swap(GX);
  return st;
}

}  // namespace cbec
