#include "cbec/estimate/did/did_multiplegt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Units x periods (all periods observed anywhere, in order); NaN where a cell is not observed.
struct Cells {
  size_t G = 0, T = 0;
  std::vector<double> y, d;   // row-major: unit * T + period
  double Y(size_t g, size_t t) const { return y[g * T + t]; }
  double D(size_t g, size_t t) const { return d[g * T + t]; }
};

Cells build_cells(const Frame& frame, const StaggeredSpec& spec, const DidMultiplegtOptions& o) {
  const Panel p = declare_panel(frame, spec.unit, spec.time);
  const auto& y = frame.numeric(spec.y);
  std::vector<double> d;
  if (!o.treatment.empty()) {
    d = frame.numeric(o.treatment);
    for (size_t i = 0; i < d.size(); ++i)
      if (!std::isnan(d[i]) && d[i] != 0 && d[i] != 1)
        throw DataError(fmt::format("treatment '{}' is {:g} in data line {}: DID_M needs a binary 0/1 treatment", o.treatment, d[i], frame.line(i)));
  } else {
    const std::vector<double> g = first_treatment(frame, spec);
    const auto& t = frame.numeric(spec.time);
    d.resize(g.size());
    for (size_t i = 0; i < d.size(); ++i) d[i] = !std::isnan(g[i]) && t[i] >= g[i] ? 1.0 : 0.0;
  }
  Cells c;
  c.G = p.n_units;
  c.T = p.n_periods();
  c.y.assign(c.G * c.T, kNaN);
  c.d.assign(c.G * c.T, kNaN);
  for (size_t i = 0; i < frame.nrows(); ++i) {
    if (p.unit_code[i] < 0 || std::isnan(y[i]) || std::isnan(d[i])) continue;
    const size_t t = static_cast<size_t>(std::lower_bound(p.times.begin(), p.times.end(), p.time_value[i]) - p.times.begin());
    const size_t k = static_cast<size_t>(p.unit_code[i]) * c.T + t;
    c.y[k] = y[i];
    c.d[k] = d[i];
  }
  return c;
}

// One estimate of the family: horizon 0 is DID_M, l > 0 the dynamic effect DID_l, l < 0 the
// placebo at lag |l|. m[g] is the number of times unit g is drawn (all ones for the estimate).
struct Estimate { double value = kNaN, n_obs = 0, n_switchers = 0; };

Estimate estimate_horizon(const Cells& c, int horizon, const std::vector<double>& m) {
  const size_t lead = horizon > 0 ? static_cast<size_t>(horizon) : 0, lag = horizon < 0 ? static_cast<size_t>(-horizon) : 0;
  double effect = 0, n_switch_total = 0, n_obs = 0;
  for (size_t t = 1 + lag; t + lead < c.T; ++t) {
    for (const double base : {0.0, 1.0}) {
      // Switchers leave `base` at t; controls keep it at t. Dynamic: both keep their period-t
      // treatment through t + l. Placebo: both had `base` from t - l - 1 to t - 1.
      // Outcome change: Y_{t+l} - Y_{t-1} (dynamic, l >= 0), Y_{t-l} - Y_{t-l-1} (placebo).
      double w_s = 0, sum_s = 0, w_c = 0, sum_c = 0;
      for (size_t g = 0; g < c.G; ++g) {
        if (m[g] == 0 || c.D(g, t - 1) != base || std::isnan(c.D(g, t))) continue;
        bool kept = true;
        for (size_t k = 1; k <= lead && kept; ++k) kept = c.D(g, t + k) == c.D(g, t);
        for (size_t k = 1; k <= lag && kept; ++k) kept = c.D(g, t - 1 - k) == base;
        if (!kept) continue;
        const double dy = lag ? c.Y(g, t - lag) - c.Y(g, t - lag - 1) : c.Y(g, t + lead) - c.Y(g, t - 1);
        if (std::isnan(dy)) continue;
        if (c.D(g, t) != base) w_s += m[g], sum_s += m[g] * dy;
        else w_c += m[g], sum_c += m[g] * dy;
      }
      if (w_s == 0 || w_c == 0) continue;   // switchers without controls do not enter (N_S excludes them)
      // DID_M: N_{1,0,t} DID_{+,t} for joiners, N_{0,1,t} DID_{-,t} for leavers, where
      // DID_{-,t} = (change of the stayers) - (change of the leavers).
      const double did = sum_s / w_s - sum_c / w_c;
      effect += (base == 0 ? 1.0 : -1.0) * w_s * did;
      n_switch_total += w_s;
      n_obs += w_s + w_c;
    }
  }
  Estimate e;
  e.n_obs = n_obs;
  e.n_switchers = n_switch_total;
  if (n_switch_total > 0) e.value = effect / n_switch_total;   // DID_M = sum_t (...) / N_S
  return e;
}

}  // namespace

DidMultiplegtResult did_multiplegt(const Frame& frame, const StaggeredSpec& spec, const DidMultiplegtOptions& o) {
  if (!spec.controls.empty()) throw SpecError("DID_M (method didm) does not take controls yet; drop --controls");
  if (!spec.weights.empty()) throw SpecError("DID_M (method didm) does not take weights; drop --weights");
  if (!spec.extra_fe.empty()) throw SpecError("DID_M (method didm) does not take further fixed effects; drop --fe");
  if (o.treatment.empty() && spec.first_treat.empty())
    throw SpecError("DID_M needs the treatment: give a 0/1 treatment column or the first treatment period");
  if (o.placebo < 0 || o.dynamic < 0) throw SpecError("the numbers of placebos and dynamic effects must be 0 or more");
  const Cells c = build_cells(frame, spec, o);
  if (c.T < 2) throw DataError(fmt::format("'{}' has fewer than two periods: DID_M needs at least two", spec.time));
  // A horizon l needs periods t - 1 and t + l (dynamic) or t - l - 1 (placebo) within the T.
  const auto most = static_cast<long>(c.T) - 2;
  if (o.placebo > most || o.dynamic > most)
    throw SpecError(fmt::format("{} periods allow at most {} placebos and {} dynamic effects; asked {} and {}", c.T, most, most, o.placebo, o.dynamic));

  std::vector<int> horizons{0};
  for (int l = 1; l <= o.dynamic; ++l) horizons.push_back(l);
  for (int l = 1; l <= o.placebo; ++l) horizons.push_back(-l);
  auto all = [&](const std::vector<double>& m) {
    std::vector<Estimate> e;
    for (int h : horizons) e.push_back(estimate_horizon(c, h, m));
    return e;
  };

  DidMultiplegtResult r;
  r.n_units = c.G;
  r.n_periods = c.T;
  for (double v : c.y) r.n_cells += std::isnan(v) ? 0 : 1;
  r.treatment = o.treatment.empty() ? fmt::format("1[{} >= {}]", spec.time, spec.first_treat) : o.treatment;
  r.draws = o.draws;
  r.seed = o.seed;
  const std::vector<Estimate> point = all(std::vector<double>(c.G, 1.0));
  if (std::isnan(point[0].value)) throw DataError("no unit switches treatment next to a unit with stable treatment: DID_M is not defined");

  // Unit-cluster bootstrap: draw G units with replacement; the SE is the SD of the draws.
  std::vector<std::vector<double>> boot;
  if (o.draws) {
    boot = replicate(o.draws, o.seed, [&](size_t, Rng& rng) {
      std::vector<double> m(c.G, 0.0);
      for (size_t k = 0; k < c.G; ++k) m[rng(static_cast<uint32_t>(c.G))] += 1;
      std::vector<double> v;
      for (const Estimate& e : all(m)) v.push_back(e.value);
      return v;
    }, o.threads);
  }
  for (size_t h = 0; h < horizons.size(); ++h) {
    DidMultiplegtEffect e;
    const int l = horizons[h];
    e.horizon = l;
    e.name = l == 0 ? "effect" : l > 0 ? fmt::format("dynamic_{}", l) : fmt::format("placebo_{}", -l);
    e.estimate = point[h].value;
    e.n_obs = point[h].n_obs;
    e.n_switchers = point[h].n_switchers;
    e.se = e.ci_low = e.ci_high = kNaN;
    if (std::isnan(e.estimate)) r.warnings.push_back(fmt::format("{} is not defined: no switcher has a control at that horizon", e.name));
    if (o.draws) {
      double n = 0, sum = 0, ss = 0;
      for (const auto& b : boot)
        if (!std::isnan(b[h])) n += 1, sum += b[h];
      for (const auto& b : boot)
        if (!std::isnan(b[h])) ss += (b[h] - sum / n) * (b[h] - sum / n);
      r.failed_draws = std::max(r.failed_draws, o.draws - static_cast<size_t>(n));
      if (n > 1) {
        e.se = std::sqrt(ss / (n - 1));
        e.ci_low = e.estimate - 1.96 * e.se;    // normal interval, as did_multiplegt
        e.ci_high = e.estimate + 1.96 * e.se;
      }
    }
    r.effects.push_back(e);
  }
  if (r.failed_draws)
    r.warnings.push_back(fmt::format("{} of {} bootstrap draws had an undefined estimate and were left out of its standard error", r.failed_draws, o.draws));
  return r;
}

}  // namespace cbec
