#include "cbec/estimate/ols/irons_tuck.hpp"

#include <algorithm>
#include <cmath>

#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {
namespace {

bool moved(double a, double b, double tol) {
  const double d = std::fabs(a - b);
  return d > tol && d / (0.1 + std::fabs(a)) > tol;
}

// The k problems interleaved in vectors of m entries each, and which of them are still iterating.
struct Lockstep {
  size_t k;
  const std::vector<char>& active;
};

// flag[j] |= some entry e in [first, last) of problem j moved, for the active problems.
void mark_moved(const std::vector<double>& a, const std::vector<double>& b, size_t first, size_t last, double tol,
                const Lockstep& ls, std::vector<double>& flag) {
  for (size_t e = first; e < last; ++e)
    for (size_t j = 0; j < ls.k; ++j)
      if (ls.active[j] && flag[j] == 0 && moved(a[e * ls.k + j], b[e * ls.k + j], tol)) flag[j] = 1;
}

// Per problem, whether any of its first n entries moved; with a split vector, any process's own
// entries or the shared ones.
std::vector<double> any_moved(const std::vector<double>& a, const std::vector<double>& b, size_t n, double tol,
                              const Lockstep& ls, const FixedPointSplit& split) {
  std::vector<double> flag(ls.k, 0.0);
  if (!split.exchange) {
    mark_moved(a, b, 0, n, tol, ls, flag);
    return flag;
  }
  mark_moved(a, b, split.n_local, n, tol, ls, flag);
  // The shared entries are the same everywhere, so every process skips the exchange together.
  bool undecided = false;
  for (size_t j = 0; j < ls.k; ++j) undecided = undecided || (ls.active[j] && flag[j] == 0);
  if (!undecided) return flag;
  std::vector<double> mine(ls.k, 0.0);
  mark_moved(a, b, 0, split.n_local, tol, ls, mine);
  split.exchange->max(mine.data(), ls.k);
  for (size_t j = 0; j < ls.k; ++j) flag[j] = std::max(flag[j], mine[j]);
  return flag;
}

// num[j] += dGX . d2X and den[j] += d2X . d2X over entries [first, last) of each problem.
void add_products(const std::vector<double>& X, const std::vector<double>& GX, const std::vector<double>& GGX,
                  size_t first, size_t last, size_t k, double* num, double* den) {
  for (size_t e = first; e < last; ++e)
    for (size_t j = 0; j < k; ++j) {
      const size_t i = e * k + j;
      const double dgx = GGX[i] - GX[i], d2 = dgx - GX[i] + X[i];
      num[j] += dgx * d2;
      den[j] += d2 * d2;
    }
}

// For each active problem: X <- GGX - (dGX . d2X / d2X . d2X) dGX, with dGX = GGX - GX and
// d2X = dGX - (GX - X), over the first n entries. ok[j] false when d2X is zero (nothing left to
// extrapolate: numerically converged); X is then left as it was.
std::vector<char> extrapolate(std::vector<double>& X, const std::vector<double>& GX, const std::vector<double>& GGX,
                              size_t n, const Lockstep& ls, const FixedPointSplit& split) {
  const size_t k = ls.k;
  std::vector<double> sums(2 * k, 0.0);  // num per problem, then den
  if (!split.exchange) {
    add_products(X, GX, GGX, 0, n, k, sums.data(), sums.data() + k);
  } else {
    add_products(X, GX, GGX, 0, split.n_local, k, sums.data(), sums.data() + k);
    split.exchange->sum(sums.data(), 2 * k);
    add_products(X, GX, GGX, split.n_local, n, k, sums.data(), sums.data() + k);
  }
  std::vector<char> ok(k, 0);
  std::vector<double> c(k, 0.0);
  for (size_t j = 0; j < k; ++j) {
    ok[j] = ls.active[j] && sums[k + j] != 0;
    if (ok[j]) c[j] = sums[j] / sums[k + j];
  }
  for (size_t e = 0; e < n; ++e)
    for (size_t j = 0; j < k; ++j) {
      const size_t i = e * k + j;
      if (ok[j]) X[i] = GGX[i] - c[j] * (GGX[i] - GX[i]);
    }
  return ok;
}

constexpr size_t kPlainStepAfter = 40;  // fixest's iter_projAfterAcc
constexpr size_t kGrandEvery = 4;       // fixest's iter_grandAcc
constexpr size_t kSsrEvery = 40;

}  // namespace

std::vector<FixedPointStats> irons_tuck_fixed_point(const std::function<void(const double*, double*)>& G,
                                                    const std::function<void(const double*, double*)>& ssr,
                                                    std::vector<double>& x, size_t k, size_t n_free, double tol,
                                                    const std::vector<size_t>& max_iter, const FixedPointSplit& split) {
  std::vector<FixedPointStats> st(k);
  std::vector<char> active(k, 1);
  const Lockstep ls{k, active};
  const size_t m = x.size();
  std::vector<double>& X = x;
  // Y, GY and GGY take their first values by assignment, only once kGrandEvery or kPlainStepAfter
  // iterations are reached: a solve of a few iterations never allocates (nor first touches) them.
  std::vector<double> GX(m), GGX(m), Y, GY, GGY, result(m);
  auto apply = [&](const std::vector<double>& in, std::vector<double>& out) {
    G(in.data(), out.data());
    for (size_t j = 0; j < k; ++j) st[j].evaluations += active[j];
  };
  // Problem j leaves the lockstep with its last G(x), which is GX at every stop.
  size_t n_active = k;
  auto stop = [&](size_t j, bool converged) {
    for (size_t i = j; i < m; i += k) result[i] = GX[i];
    st[j].converged = converged;
    active[j] = 0;
    --n_active;
  };
  auto stop_unmoved = [&](const std::vector<double>& moved_flag) {
    for (size_t j = 0; j < k; ++j)
      if (active[j] && moved_flag[j] == 0) stop(j, true);
  };
  auto stop_failed = [&](const std::vector<char>& ok) {
    for (size_t j = 0; j < k; ++j)
      if (active[j] && !ok[j]) stop(j, true);
  };
  apply(X, GX);
  stop_unmoved(any_moved(X, GX, n_free, tol, ls, split));
  size_t grand = 0, iteration = 0;
  std::vector<double> ssr_old(k, 0.0), s(k);
  while (n_active > 0) {
    for (size_t j = 0; j < k; ++j)
      if (active[j] && iteration >= max_iter[j]) stop(j, false);
    if (n_active == 0) break;
    ++iteration;
    for (size_t j = 0; j < k; ++j) st[j].iterations += active[j];
    apply(GX, GGX);
    stop_failed(extrapolate(X, GX, GGX, n_free, ls, split));
    if (n_active == 0) break;
    if (iteration >= kPlainStepAfter) {
      Y = X;
      apply(Y, X);
    }
    apply(X, GX);
    stop_unmoved(any_moved(X, GX, n_free, tol, ls, split));
    if (n_active == 0) break;
    if (iteration % kGrandEvery == 0) {
      // Irons-Tuck again over three iterates kGrandEvery iterations apart.
      ++grand;
      if (grand == 1) Y = GX;
      else if (grand == 2) GY = GX;
      else {
        GGY = GX;
        stop_failed(extrapolate(Y, GY, GGY, n_free, ls, split));
        if (n_active == 0) break;
        apply(Y, GX);
        grand = 0;
      }
    }
    if (iteration % kSsrEvery == 0) {
      ssr(GX.data(), s.data());
      for (size_t j = 0; j < k; ++j) {
        if (active[j] && !moved(ssr_old[j], s[j], tol)) stop(j, true);
        ssr_old[j] = s[j];
      }
    }
  }
  X.swap(result);
  return st;
}

}  // namespace cbec
