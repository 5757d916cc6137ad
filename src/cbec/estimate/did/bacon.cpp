#include "cbec/estimate/did/bacon.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

namespace {
struct Group {
  double start;                  // first treated period (<= first period: always treated; +inf: never)
  std::vector<size_t> units;
  double n = 0, D = 0;           // share of units, share of periods treated
};
}  // namespace

BaconResult bacon_decomposition(const Frame& frame, const StaggeredSpec& spec) {
  if (!spec.controls.empty() || !spec.extra_fe.empty())
    throw SpecError("the Goodman-Bacon decomposition is implemented without controls or extra fixed effects");
  Panel p = declare_panel(frame, spec.unit, spec.time);
  p.require_observations("the Goodman-Bacon decomposition");
  if (!p.balanced) throw DataError(fmt::format("the Goodman-Bacon decomposition needs a balanced panel; {}", p.summary()));
  const auto& y = frame.numeric(spec.y);
  const auto g = first_treatment(frame, spec);
  const size_t T = p.n_periods(), N = p.n_units;
  const double first = static_cast<double>(p.times.front());
  // Outcome matrix by unit and period, and each unit's timing group.
  std::vector<std::vector<double>> Y(N, std::vector<double>(T));
  std::map<double, Group> groups;
  for (size_t u = 0; u < N; ++u) {
    const size_t row0 = p.order[p.unit_start[u]];
    double start = std::isnan(g[row0]) ? INFINITY : std::max(g[row0], first);
    for (size_t k = 0; k < T; ++k) {
      const size_t row = p.order[p.unit_start[u] + k];
      if (std::isnan(y[row])) {
        const std::string label = frame.get(spec.unit).is_numeric() ? p.unit_labels[u] : "'" + p.unit_labels[u] + "'";
        throw DataError(fmt::format("'{0}' is missing for {1} = {2} in period {3}; the decomposition needs every unit's '{0}' in every period (as R's "
                                    "bacondecomp): leave the unit out (--if \"{1} != {2}\") or fill the gap (cbec transform --interpolate {0})",
                                    spec.y, spec.unit, label, p.time_value[row]));
      }
      const double gi = std::isnan(g[row]) ? INFINITY : std::max(g[row], first);
      if (gi != start) throw DataError(fmt::format("'{}' changes within unit '{}'", spec.first_treat, p.unit_labels[u]));
      Y[u][k] = y[row];
    }
    groups[start].units.push_back(u);
    groups[start].start = start;
  }
  auto treated_share = [&](double start) {
    size_t c = 0;
    for (int64_t t : p.times) c += static_cast<double>(t) >= start;
    return static_cast<double>(c) / static_cast<double>(T);
  };
  for (auto& [start, gr] : groups) {
    gr.n = static_cast<double>(gr.units.size()) / static_cast<double>(N);
    gr.D = treated_share(start);
  }
  // Mean outcome of a group over periods in [from, to).
  auto mean = [&](const Group& gr, double from, double to) {
    double s = 0;
    size_t c = 0;
    for (size_t k = 0; k < T; ++k) {
      const double t = static_cast<double>(p.times[k]);
      if (t < from || t >= to) continue;
      for (size_t u : gr.units) s += Y[u][k];
      c += gr.units.size();
    }
    return s / static_cast<double>(c);
  };
  // Variance of the treatment dummy after two-way demeaning (balanced: D_it - Dbar_i - Dbar_t + Dbar).
  std::vector<double> Dt(T, 0.0);
  double Dbar = 0;
  for (const auto& [start, gr] : groups)
    for (size_t k = 0; k < T; ++k) Dt[k] += gr.n * (static_cast<double>(p.times[k]) >= start);
  for (double v : Dt) Dbar += v / static_cast<double>(T);
  double VD = 0;
  for (const auto& [start, gr] : groups)
    for (size_t k = 0; k < T; ++k) {
      const double d = (static_cast<double>(p.times[k]) >= start) - gr.D - Dt[k] + Dbar;
      VD += gr.n * d * d / static_cast<double>(T);
    }
  if (VD <= 0) throw DataError("the treatment does not vary after removing unit and period effects: nothing to decompose");
  BaconResult r;
  const double inf = INFINITY;
  std::vector<const Group*> timing;
  const Group* never = nullptr;
  for (const auto& [start, gr] : groups) {
    if (std::isinf(start)) never = &gr;
    else timing.push_back(&gr);
  }
  auto label = [&](double s) { return std::isinf(s) ? 0.0 : s; };
  for (const Group* k : timing) {
    if (never && k->D < 1) {  // treated vs never treated (eq. 10a)
      const double nkU = k->n / (k->n + never->n);
      TwoByTwo c{label(k->start), 0, "Treated vs Untreated", 0, 0};
      c.estimate = (mean(*k, k->start, inf) - mean(*k, -inf, k->start)) - (mean(*never, k->start, inf) - mean(*never, -inf, k->start));
      c.weight = std::pow(k->n + never->n, 2) * nkU * (1 - nkU) * k->D * (1 - k->D) / VD;
      r.comparisons.push_back(c);
    }
    for (const Group* l : timing) {
      if (!(l->start > k->start)) continue;  // k earlier than l
      const double nkl = k->n / (k->n + l->n);
      if (k->D < 1) {  // early k vs later l as control, before l is treated (eq. 10b)
        TwoByTwo c{label(k->start), label(l->start), "Earlier vs Later Treated", 0, 0};
        c.estimate = (mean(*k, k->start, l->start) - mean(*k, -inf, k->start)) - (mean(*l, k->start, l->start) - mean(*l, -inf, k->start));
        c.weight = std::pow((k->n + l->n) * (1 - l->D), 2) * nkl * (1 - nkl) * ((k->D - l->D) / (1 - l->D)) * ((1 - k->D) / (1 - l->D)) / VD;
        r.comparisons.push_back(c);
      }
      {  // later l vs earlier k as control, after k is treated (eq. 10c): the "forbidden" comparison
        TwoByTwo c{label(l->start), label(k->start), k->D >= 1 ? "Later vs Always Treated" : "Later vs Earlier Treated", 0, 0};
        c.estimate = (mean(*l, l->start, inf) - mean(*l, k->start, l->start)) - (mean(*k, l->start, inf) - mean(*k, k->start, l->start));
        c.weight = std::pow((k->n + l->n) * k->D, 2) * nkl * (1 - nkl) * (l->D / k->D) * ((k->D - l->D) / k->D) / VD;
        r.comparisons.push_back(c);
      }
    }
  }
  std::map<std::string, std::pair<double, double>> types;
  for (const auto& c : r.comparisons) {
    r.twfe += c.weight * c.estimate;
    types[c.type].first += c.weight;
    types[c.type].second += c.weight * c.estimate;
    if (c.type != "Treated vs Untreated" && c.type != "Earlier vs Later Treated") r.forbidden_weight += c.weight;
  }
  for (auto& [type, wt] : types) r.by_type.push_back({type, {wt.first, wt.first > 0 ? wt.second / wt.first : 0.0}});
  if (r.forbidden_weight > 0.1)
    r.warnings.push_back(fmt::format("{:.0f}% of the TWFE weight comes from comparisons that use already-treated units as controls; "
                                     "if effects change over time these bias the TWFE estimate (Goodman-Bacon 2021). "
                                     "Compare with the heterogeneity-robust estimators (Sun-Abraham, Callaway-Sant'Anna).",
                                     100 * r.forbidden_weight));
  return r;
}

}  // namespace cbec
