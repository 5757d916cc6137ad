// Local Moran (LISA) and Getis-Ord Gi / Gi*, with multiple-testing adjustments.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/autocorrelation_common.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

LocalMoranResult local_moran(const std::vector<double>& x, const SpatialWeights& w, size_t permutations, uint64_t seed, double alpha,
                             int threads) {
  detail::check_units(x, w);
  const auto c = detail::center(x);
  const size_t n = x.size();
  const double nd = static_cast<double>(n);
  const auto lag = detail::spatial_lag(w, c.z);
  LocalMoranResult r;
  r.Is.resize(n);
  r.EIs.resize(n);
  r.VIs.resize(n);
  r.z.resize(n);
  r.p.resize(n);
  r.quadrant.resize(n);
  const double sd = std::sqrt(c.m2 * nd / (nd - 1));
  // spdep::localmoran defaults: s2 = m2 (mlvar), conditional moments (Sokal et al. 1998).
  for (size_t i = 0; i < n; ++i) {
    double Wi = 0, Wi2 = 0;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, static_cast<long>(i)); it; ++it) {
      Wi += it.value();
      Wi2 += it.value() * it.value();
    }
    const double zi = c.z[i];
    r.Is[i] = zi / c.m2 * lag[i];
    r.EIs[i] = -(zi * zi * Wi) / ((nd - 1) * c.m2);
    r.VIs[i] = (zi / c.m2) * (zi / c.m2) * (nd / (nd - 2)) * (Wi2 - Wi * Wi / (nd - 1)) * (c.m2 - zi * zi / (nd - 1));
    // A unit at the mean (z_i = 0) or without neighbours has Var(I_i) = 0: no z or p (spdep: NaN).
    const bool defined = r.VIs[i] > 0;
    r.z[i] = defined ? (r.Is[i] - r.EIs[i]) / std::sqrt(r.VIs[i]) : std::numeric_limits<double>::quiet_NaN();
    r.p[i] = defined ? p_normal_two_sided(r.z[i]) : std::numeric_limits<double>::quiet_NaN();
    // A unit without neighbours has no lag to compare with: no quadrant (its p-value is missing).
    // A value at the mean, or a lag of 0, is Low, as spdep's cut(., c(-Inf, 0, Inf)) and PySAL's z > 0.
    r.quadrant[i] = Wi == 0 ? "none" : std::string(zi > 0 ? "H" : "L") + (lag[i] > 0 ? "H" : "L");
    r.z_value.push_back(zi / sd);
    r.lag.push_back(lag[i] / sd);
  }
  const std::vector<double>* sig = &r.p;
  if (permutations) {
    // Conditional randomization: x_i fixed, its neighbours drawn without replacement from the
    // other n - 1 values; folded pseudo p-value (M + 1) / (R + 1) as PySAL's crand and GeoDa:
    // M = #{I_b >= I_i}, or R - M when that is smaller (a tied draw counts on the upper side).
    // Undefined (NaN) where Var(I_i) = 0: a unit at the mean has I_b = I_i = 0 in every draw.
    r.p_sim.resize(n);
    // Each unit costs O(permutations x k): with k << n the k neighbours are drawn by rejecting
    // repeats (no pass over all n units); with many neighbours a pool of the others is shuffled.
    auto rows = replicate(n, seed, [&](size_t i, Rng& rng) {
      std::vector<double> wts;
      for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, static_cast<long>(i)); it; ++it) wts.push_back(it.value());
      const size_t k = wts.size();
      if (k == 0 || !(r.VIs[i] > 0)) return std::numeric_limits<double>::quiet_NaN();  // an island (spdep: NA) or a unit at the mean
      const bool sparse = 4 * k * k <= n - 1;
      std::vector<size_t> pick(sparse ? k : 0), pool(sparse ? 0 : n - 1);
      std::iota(pool.begin(), pool.end(), 0);
      for (auto& p : pool) p += p >= i;  // every unit but i
      const auto other = [&](size_t bound) { return static_cast<size_t>(uniform01(rng) * static_cast<double>(bound)); };
      size_t larger = 0;
      for (size_t b = 0; b < permutations; ++b) {
        double l = 0;
        for (size_t a = 0; a < k; ++a) {
          size_t j;
          if (sparse) {
            do {
              j = other(n - 1);
              j += j >= i;
            } while (std::find(pick.begin(), pick.begin() + static_cast<long>(a), j) != pick.begin() + static_cast<long>(a));
            pick[a] = j;
          } else {  // partial Fisher-Yates: k distinct neighbours
            std::swap(pool[a], pool[a + other(pool.size() - a)]);
            j = pool[a];
          }
          l += wts[a] * c.z[j];
        }
        const double Ib = c.z[i] / c.m2 * l;
        larger += Ib >= r.Is[i];
      }
      return (static_cast<double>(std::min(larger, permutations - larger)) + 1) / (static_cast<double>(permutations) + 1);
    }, threads);
    r.p_sim = rows;
    sig = &r.p_sim;
  }
  for (size_t i = 0; i < n; ++i) r.cluster.push_back((*sig)[i] < alpha ? r.quadrant[i] : "ns");
  return r;
}

namespace {

// Whether every weight is 1 on the original scale (contiguity, kNN, a distance band): the weights
// for which Getis and Ord's (1992) w_ii = 1 is the natural self-weight.
bool binary_weights(const SpatialWeights& w) {
  for (long i = 0; i < w.W.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it)
      if (std::abs(it.value() / w.row_scale_of(static_cast<size_t>(i)) - 1.0) > 1e-9) return false;
  return true;
}

}  // namespace

GetisOrdResult getis_ord(const std::vector<double>& values, const SpatialWeights& w, bool star, double self_weight) {
  detail::check_units(values, w);
  if (star && std::isnan(self_weight)) {
    if (!binary_weights(w))
      throw SpecError(fmt::format("Gi* includes each unit in its own neighbourhood, and the weights ({}) are not 0/1: give the unit's own "
                                  "weight on their scale with self_weight (--self-weight), e.g. the largest weight, or use gi (the unit "
                                  "excluded); a weight of 1 would make Gi* depend on the distance unit",
                                  w.construction.empty() ? "from a file" : w.construction));
    self_weight = 1.0;
  }
  const size_t n = values.size();
  const double nd = static_cast<double>(n);
  for (double v : values)
    if (!std::isfinite(v)) throw DataError("Getis-Ord statistics need a value for every unit");
  // x scaled by a power of two (exact: z is invariant to the scale, so the same bits) whose squares
  // stay representable.
  const std::vector<double> x = detail::scaled_by_power_of_two(values, "Getis-Ord statistics");
  double sum = 0, sum2 = 0;
  for (double v : x) {
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / nd, var = sum2 / nd - mean * mean;
  if (!(var > 1e-20 * std::max(1.0, mean * mean))) throw DataError("the variable is constant: Getis-Ord statistics are undefined");
  GetisOrdResult r;
  r.star = star;
  r.z.resize(n);
  r.p.resize(n);
  for (size_t i = 0; i < n; ++i) {
    double lx = 0, Wi = 0, S1i = 0;
    bool self = false;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, static_cast<long>(i)); it; ++it) {
      lx += it.value() * x[static_cast<size_t>(it.col())];
      Wi += it.value();
      S1i += it.value() * it.value();
      self |= it.col() == static_cast<long>(i);
    }
    if (star && !self) {
      // Gi*: the unit counts in its own neighbourhood with its self-weight (1 for 0/1 weights) on
      // the weights' original scale, added before any row transform (spdep: nb2listw(include.self(nb),
      // style), glist for other weights). z is invariant to rescaling a row, so Gi* is the same for
      // styles B, W and S.
      const double wii = self_weight * w.row_scale_of(i);
      lx += wii * x[i];
      Wi += wii;
      S1i += wii * wii;
    }
    double xibar, si2, VG;
    if (star) {
      xibar = mean;
      si2 = var;
      VG = si2 * ((nd * S1i - Wi * Wi) / (nd - 1));
    } else {
      xibar = (sum - x[i]) / (nd - 1);
      si2 = (sum2 - x[i] * x[i]) / (nd - 1) - xibar * xibar;
      VG = si2 * (((nd - 1) * S1i - Wi * Wi) / (nd - 2));
    }
    r.z[i] = (lx - Wi * xibar) / std::sqrt(VG);
    r.p[i] = p_normal_two_sided(r.z[i]);
  }
  return r;
}

std::vector<double> adjust_p(const std::vector<double>& p, const std::string& method) {
  if (method != "bonferroni" && method != "fdr") throw SpecError("multiple-testing adjustment must be bonferroni or fdr");
  // As R's p.adjust: a missing p-value (an island's) stays missing and is not one of the m tests.
  std::vector<size_t> tested;
  for (size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) tested.push_back(i);
  const auto m = static_cast<double>(tested.size());
  std::vector<double> out(p.size(), std::numeric_limits<double>::quiet_NaN());
  if (method == "bonferroni") {
    for (size_t i : tested) out[i] = std::min(1.0, p[i] * m);
    return out;
  }
  // Benjamini-Hochberg step-up, as R p.adjust(method = "BH").
  std::stable_sort(tested.begin(), tested.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  double running = 1.0;
  for (size_t k = 0; k < tested.size(); ++k) {
    const size_t i = tested[k];
    running = std::min(running, p[i] * m / (m - static_cast<double>(k)));
    out[i] = running;
  }
  return out;
}

}  // namespace cbec
