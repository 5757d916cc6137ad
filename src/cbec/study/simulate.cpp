#include "cbec/study/simulate.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <utility>

#include "cbec/core/error.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {
// Standard normal draws from the project's random stream (Box-Muller), reproducible by seed.
struct Normal {
  Rng rng;
  double next() {
    double u1 = uniform01(rng), u2 = uniform01(rng);
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
};
}  // namespace

size_t simulated_periods(const SimulationSpec& s) {
  if (s.last_period < s.first_period) throw SpecError("the last period must not precede the first");
  const int64_t span = static_cast<int64_t>(s.last_period) - s.first_period + 1;  // in 64 bits: int's ends overflow in 32
  if (span > 10000) throw SpecError(fmt::format("{} periods from {} to {}: simulate at most 10,000 periods", span, s.first_period, s.last_period));
  for (const auto& [name, v] : {std::pair{"effect", s.effect}, {"dynamic", s.dynamic}, {"cohort gradient", s.cohort_gradient}, {"sigma", s.sigma}})
    if (!std::isfinite(v)) throw SpecError(fmt::format("the {} must be a finite number, not {}", name, v));
  return static_cast<size_t>(span);
}

Frame simulate_panel(const Frame& units, const SimulationSpec& s) {
  const size_t T = simulated_periods(s);
  const auto& g = units.numeric(s.first_treat);
  units.get(s.unit);
  double g_last = -std::numeric_limits<double>::infinity();
  for (double v : g)
    if (v > 0 && v <= s.last_period) g_last = std::max(g_last, v);
  const size_t n = units.nrows();
  Normal N{draw_stream(s.seed, 0)};
  std::vector<double> a(n), gt(T);
  for (auto& v : a) v = N.next();
  for (auto& v : gt) v = N.next();
  std::vector<size_t> rows;
  std::vector<double> time, x1, x2, y, tau, did;
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < T; ++k) {
      rows.push_back(i);
      const double t = s.first_period + static_cast<double>(k);
      const double v1 = 0.5 * a[i] + N.next(), v2 = 0.3 * gt[k] + N.next();
      double effect = 0;
      if (g[i] > 0 && t >= g[i])
        effect = (s.effect + s.dynamic * (t - g[i])) * (1 + s.cohort_gradient * (g_last - g[i]));
      time.push_back(t);
      did.push_back(g[i] > 0 && t >= g[i] ? 1.0 : 0.0);
      x1.push_back(v1);
      x2.push_back(v2);
      tau.push_back(effect);
      y.push_back(a[i] + gt[k] + s.trend * static_cast<double>(k) + s.b1 * v1 + s.b2 * v2 + effect + s.sigma * N.next());
    }
  Frame out = units.take(rows);
  out.set(Column::numeric("year", time));
  out.set(Column::numeric(s.control1, x1));
  out.set(Column::numeric(s.control2, x2));
  out.set(Column::numeric(s.outcome, y));
  out.set(Column::numeric("did", did));
  out.set(Column::numeric("tau", tau));
  return out;
}

nlohmann::json true_effects(const Frame& panel, const SimulationSpec& s) {
  const auto& g = panel.numeric(s.first_treat);
  const auto& t = panel.numeric("year");
  const auto& tau = panel.numeric("tau");
  std::map<int, std::pair<double, size_t>> by_rel;
  double sum = 0;
  size_t count = 0;
  for (size_t i = 0; i < tau.size(); ++i) {
    if (!(g[i] > 0) || g[i] > s.last_period) continue;
    const int rel = static_cast<int>(t[i] - g[i]);
    auto& cell = by_rel[rel];
    cell.first += tau[i];
    ++cell.second;
    if (rel >= 0) {
      sum += tau[i];
      ++count;
    }
  }
  nlohmann::json j;
  j["att"] = count ? sum / static_cast<double>(count) : 0.0;
  j["b1"] = s.b1;
  j["b2"] = s.b2;
  for (const auto& [rel, cell] : by_rel) {
    j["by_rel"][std::to_string(rel)] = cell.first / static_cast<double>(cell.second);
    j["by_rel_n"][std::to_string(rel)] = cell.second;   // treated observations: the weights of a binned endpoint
  }
  j["dgp"] = fmt::format("y = a_i + g_t + {} t + {} x1 + {} x2 + tau + {} e; tau = ({} + {} (t - G)) (1 + {} (G_last - G))",
                         s.trend, s.b1, s.b2, s.sigma, s.effect, s.dynamic, s.cohort_gradient);
  return j;
}

}  // namespace cbec
