#include "dickey_fuller_tau.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cbec::df_tau {

double NormalSource::next() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double v1 = 0, v2 = 0, s = 0;
  do {
    v1 = 2 * uniform01(rng_) - 1;
    v2 = 2 * uniform01(rng_) - 1;
    s = v1 * v1 + v2 * v2;
  } while (s >= 1 || s == 0);
  const double m = std::sqrt(-2 * std::log(s) / s);
  spare_ = v2 * m;
  has_spare_ = true;
  return v1 * m;
}

// tau from running sums, no regression per replication: by Frisch-Waugh, with a = y_{-1}' M y_{-1},
// b = y_{-1}' M dy, d = dy' M dy (M: the annihilator of d_t), rho_hat = b / a, rss = d - b^2 / a and
// tau = b / sqrt(a rss / (T - K)). With the trend centred, c_t = t - (T + 1) / 2, the constant and
// c_t are orthogonal, so x' M z = x'z - (1'x)(1'z) / T - (c'x)(c'z) / (c'c), c'c = T (T^2 - 1) / 12.
std::array<double, n_cases> simulate_taus(int T, NormalSource& normal) {
  const double n = T, mid = (n + 1) / 2;
  double y = 0, sy = 0, syy = 0, scy = 0, se = 0, see = 0, sye = 0, sce = 0;
  for (int t = 1; t <= T; ++t) {
    const double e = normal.next(), c = t - mid;   // dy_t = e_t, regressor y_{t-1} = y
    sy += y;
    syy += y * y;
    scy += c * y;
    se += e;
    see += e * e;
    sye += y * e;
    sce += c * e;
    y += e;
  }
  const auto tau = [n](double a, double b, double d, int k) { return b / std::sqrt(a * (d - b * b / a) / (n - k)); };
  const double scc = n * (n * n - 1) / 12;
  const double a_c = syy - sy * sy / n, b_c = sye - sy * se / n, d_c = see - se * se / n;
  return {tau(syy, sye, see, 1), tau(a_c, b_c, d_c, 2), tau(a_c - scy * scy / scc, b_c - scy * sce / scc, d_c - sce * sce / scc, 3)};
}

namespace {

// The p-quantile of sorted x: the order statistic at position h = p (R + 1), interpolated
// (Hyndman and Fan's type 6), whose probability F(x_(h)) has expectation h / (R + 1) = p, so the
// average over experiments has no bias in probability even in the tails.
double quantile_sorted(const std::vector<double>& x, double p) {
  const double h = p * static_cast<double>(x.size() + 1);
  const auto k = std::clamp(static_cast<size_t>(std::floor(h)), size_t{1}, x.size() - 1);
  return x[k - 1] + (h - static_cast<double>(k)) * (x[k] - x[k - 1]);
}

}  // namespace

Quantiles experiment_quantiles(int T, size_t replications, Rng rng) {
  NormalSource normal(rng);
  std::array<std::vector<double>, n_cases> taus;
  for (auto& v : taus) v.reserve(replications);
  for (size_t r = 0; r < replications; ++r) {
    const auto t = simulate_taus(T, normal);
    for (size_t c = 0; c < n_cases; ++c) taus[c].push_back(t[c]);
  }
  Quantiles q{};
  for (size_t c = 0; c < n_cases; ++c) {
    std::sort(taus[c].begin(), taus[c].end());
    for (size_t j = 0; j < df_tau_n_probabilities; ++j) q[c][j] = quantile_sorted(taus[c], df_tau_probabilities()[j]);
  }
  return q;
}

}  // namespace cbec::df_tau
