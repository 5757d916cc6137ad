// Global Moran's I and Geary's C with analytic moments and permutation inference.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/autocorrelation_common.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

// Units with at least one neighbour: spdep's moran.test, moran.mc, geary.test, geary.mc and
// globalG.test count n without the islands (adjust.n = TRUE, their default), which is n when W has
// no island.
double linked_units(const SpatialWeights& w) { return static_cast<double>(w.units_with_neighbours()); }

double moran_statistic(const std::vector<double>& z, const SpatialWeights& w, double S0, double n) {
  const auto lag = detail::spatial_lag(w, z);
  double num = 0, den = 0;
  for (size_t i = 0; i < z.size(); ++i) {
    num += z[i] * lag[i];
    den += z[i] * z[i];
  }
  return n / S0 * num / den;
}

double geary_statistic(const std::vector<double>& z, const SpatialWeights& w, double S0, double n) {
  double num = 0, den = 0;
  for (long i = 0; i < w.W.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) {
      const double d = z[static_cast<size_t>(i)] - z[static_cast<size_t>(it.col())];
      num += it.value() * d * d;
    }
  for (double v : z) den += v * v;
  return (n - 1) * num / (2 * S0 * den);
}

// A random permutation of z (Fisher-Yates).
std::vector<double> shuffled(std::vector<double> z, Rng& rng) {
  for (size_t i = z.size() - 1; i > 0; --i) std::swap(z[i], z[static_cast<size_t>(uniform01(rng) * static_cast<double>(i + 1))]);
  return z;
}

// Permutation pseudo p-value for an alternative: (M + 1) / (R + 1), M the draws at least as extreme.
double pseudo_p(const std::vector<double>& sims, double observed, Alternative alt) {
  size_t above = 0, below = 0;
  for (double s : sims) {
    above += s >= observed;
    below += s <= observed;
  }
  const double r = static_cast<double>(sims.size()) + 1;
  const double greater = (static_cast<double>(above) + 1) / r, less = (static_cast<double>(below) + 1) / r;
  if (alt == Alternative::Greater) return greater;
  if (alt == Alternative::Less) return less;
  return std::min(1.0, 2 * std::min(greater, less));
}

double p_normal(double z, Alternative alt) {
  if (alt == Alternative::Greater) return p_normal_upper(z);
  if (alt == Alternative::Less) return p_normal_upper(-z);
  return p_normal_two_sided(z);
}


}  // namespace

Alternative parse_alternative(const std::string& name) {
  if (name == "greater") return Alternative::Greater;
  if (name == "less") return Alternative::Less;
  if (name == "two_sided") return Alternative::TwoSided;
  throw SpecError(fmt::format("the alternative must be greater, less or two_sided, not '{}'", name));
}

std::string alternative_name(Alternative a) { return a == Alternative::Greater ? "greater" : a == Alternative::Less ? "less" : "two_sided"; }

MoranResult moran(const std::vector<double>& x, const SpatialWeights& w, size_t permutations, uint64_t seed, int threads, Alternative alternative) {
  detail::check_units(x, w);
  const auto c = detail::center(x);
  const auto s = detail::weight_sums(w);
  const double n = linked_units(w), S02 = s.S0 * s.S0;
  MoranResult r;
  r.alternative = alternative;
  r.n = x.size();
  r.I = moran_statistic(c.z, w, s.S0, n);
  r.EI = -1 / (n - 1);
  r.VI_norm = (n * n * s.S1 - n * s.S2 + 3 * S02) / ((n * n - 1) * S02) - r.EI * r.EI;
  const double k = c.m4 / (c.m2 * c.m2);  // kurtosis
  r.VI_rand = (n * ((n * n - 3 * n + 3) * s.S1 - n * s.S2 + 3 * S02) - k * ((n * n - n) * s.S1 - 2 * n * s.S2 + 6 * S02)) /
                  ((n - 1) * (n - 2) * (n - 3) * S02) -
              r.EI * r.EI;
  r.z_norm = (r.I - r.EI) / std::sqrt(r.VI_norm);
  r.z_rand = (r.I - r.EI) / std::sqrt(r.VI_rand);
  r.p_norm = p_normal(r.z_norm, alternative);
  r.p_rand = p_normal(r.z_rand, alternative);
  if (permutations) {
    auto sims = replicate(permutations, seed, [&](size_t, Rng& rng) { return moran_statistic(shuffled(c.z, rng), w, s.S0, n); }, threads);
    r.permutations = permutations;
    r.p_sim = pseudo_p(sims, r.I, alternative);
    double m = 0, v = 0;
    for (double a : sims) m += a / static_cast<double>(permutations);
    for (double a : sims) v += (a - m) * (a - m) / static_cast<double>(permutations - 1 ? permutations - 1 : 1);
    r.EI_sim = m;
    r.seI_sim = std::sqrt(v);
  }
  return r;
}

GearyResult geary(const std::vector<double>& x, const SpatialWeights& w, size_t permutations, uint64_t seed, int threads) {
  detail::check_units(x, w);
  const auto c = detail::center(x);
  const auto s = detail::weight_sums(w);
  const double n = linked_units(w), S02 = s.S0 * s.S0;
  GearyResult r;
  r.C = geary_statistic(c.z, w, s.S0, n);
  // With islands spdep::geary.test mixes the linked units n (in n^2, n - 1, n - 2, n - 3 and the
  // kurtosis) with all units N (the remaining n's of the moments); without islands N = n and these
  // are the moments of Cliff and Ord (1981).
  const double N = static_cast<double>(x.size());
  r.VC_norm = ((2 * s.S1 + s.S2) * (n - 1) - 4 * S02) / (2 * (N + 1) * S02);
  const double k = c.m4 / (c.m2 * c.m2) * n / N;
  r.VC_rand = ((n - 1) * s.S1 * (n * n - 3 * N + 3 - (n - 1) * k) - 0.25 * (n - 1) * s.S2 * (n * n + 3 * N - 6 - (n * n - N + 2) * k) +
               S02 * (n * n - 3 - (n - 1) * (n - 1) * k)) /
              (N * (n - 2) * (n - 3) * S02);
  // Positive autocorrelation makes C small: the z-scores are (E(C) - C) / sd, as spdep::geary.test.
  r.z_norm = (r.EC - r.C) / std::sqrt(r.VC_norm);
  r.z_rand = (r.EC - r.C) / std::sqrt(r.VC_rand);
  r.p_norm = p_normal_upper(r.z_norm);
  r.p_rand = p_normal_upper(r.z_rand);
  if (permutations) {
    auto sims = replicate(permutations, seed, [&](size_t, Rng& rng) { return geary_statistic(shuffled(c.z, rng), w, s.S0, n); }, threads);
    r.permutations = permutations;
    // One-sided for positive autocorrelation (small C), as the analytic p-values and spdep's geary.mc.
    r.p_sim = pseudo_p(sims, r.C, Alternative::Less);
  }
  return r;
}

GeneralGResult general_g(const std::vector<double>& values, const SpatialWeights& w) {
  detail::check_units(values, w);
  for (double v : values)
    if (!(v >= 0)) throw DataError("General G needs non-negative values");
  if (std::count_if(values.begin(), values.end(), [](double v) { return v > 0; }) < 2)
    throw DataError("General G needs positive values in at least two units (it is a ratio of their cross-products)");
  if (std::all_of(values.begin(), values.end(), [&](double v) { return v == values.front(); }))
    throw DataError("the variable is constant: General G equals its expectation under every permutation and its variance is 0");
  // x scaled by a power of two (exact: G and its moments are invariant to the scale, so the same
  // bits) whose fourth powers stay representable.
  const std::vector<double> x = detail::scaled_by_power_of_two(values, "General G");
  const auto s = detail::weight_sums(w);
  // Islands leave n and the sums of x (spdep's globalG.test defaults adjust.n and adjust.x; with
  // no island these are all units): n the units with neighbours, m_k the sums of their x^k.
  const double n = linked_units(w);
  double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!w.has_neighbours(i)) continue;
    const double v = x[i];
    m1 += v;
    m2 += v * v;
    m3 += v * v * v;
    m4 += v * v * v * v;
  }
  const auto lag = detail::spatial_lag(w, x);
  double num = 0;
  for (size_t i = 0; i < x.size(); ++i) num += x[i] * lag[i];
  GeneralGResult r;
  r.G = num / (m1 * m1 - m2);
  r.EG = s.S0 / (n * (n - 1));
  const double S02 = s.S0 * s.S0;
  const double B0 = (n * n - 3 * n + 3) * s.S1 - n * s.S2 + 3 * S02;
  const double B1 = -((n * n - n) * s.S1 - 2 * n * s.S2 + 6 * S02);
  const double B2 = -(2 * n * s.S1 - (n + 3) * s.S2 + 6 * S02);
  const double B3 = 4 * (n - 1) * s.S1 - 2 * (n + 1) * s.S2 + 8 * S02;
  const double B4 = s.S1 - s.S2 + S02;
  const double EG2 = (B0 * m2 * m2 + B1 * m4 + B2 * m1 * m1 * m2 + B3 * m1 * m3 + B4 * m1 * m1 * m1 * m1) /
                     (std::pow(m1 * m1 - m2, 2) * n * (n - 1) * (n - 2) * (n - 3));
  r.VG = EG2 - r.EG * r.EG;
  r.z = (r.G - r.EG) / std::sqrt(r.VG);
  r.p = p_normal_upper(r.z);
  return r;
}

}  // namespace cbec
