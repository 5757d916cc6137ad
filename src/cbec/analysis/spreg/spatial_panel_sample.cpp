#include "cbec/analysis/spreg/spatial_panel_sample.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

namespace {

// Period labels sorted numerically when all are numbers, else as text.
void sort_periods(std::vector<std::string>& labels) {
  auto number = [](const std::string& s, double& v) {
    char* end = nullptr;
    v = std::strtod(s.c_str(), &end);
    return !s.empty() && end && *end == '\0';
  };
  bool numeric = true;
  double v = 0;
  for (const auto& l : labels) numeric = numeric && number(l, v);
  std::sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) {
    if (!numeric) return a < b;
    double x = 0, y = 0;
    number(a, x);
    number(b, y);
    return x < y;
  });
}

}  // namespace

SpatialPanelSample spatial_panel_sample(const Frame& frame, const std::string& formula, bool intercept, const std::string& time,
                                        const SpatialSetup& setup, const std::string& data_name, const std::vector<size_t>& rows) {
  if (time.empty()) throw SpecError("spatial panel models need the time column (--time, or [data] time)");
  ModelSpec spec = parse_formula(formula);
  if (!spec.fixed_effects.empty() || spec.has_iv())
    throw SpecError("spatial panel models take a formula without fixed-effect or IV parts; choose the effects with 'effect'");
  spec.intercept = spec.intercept && intercept;
  DesignOptions dopt;
  dopt.panel_unit = setup.key;
  dopt.panel_time = time;
  dopt.drop_singletons = false;
  Design d;
  if (rows.empty()) {
    d = build_design(frame, spec, dopt);
  } else {
    // A subgroup: its rows only, the rest counted apart.
    Frame sub = frame.take(rows);
    d = build_design(sub, spec, dopt);
  }
  refuse_unrepresentable_scale(d);
  SpatialPanelSample s;
  s.n_input = rows.empty() ? frame.nrows() : rows.size();
  s.dropped = d.dropped;
  for (size_t r : d.rows) s.frame_rows.push_back(rows.empty() ? r : rows[r]);

  const Column& key = frame.get(setup.key);
  const Column& tcol = frame.get(time);
  std::unordered_map<std::string, long> in_w;
  for (size_t i = 0; i < setup.w.ids.size(); ++i) in_w[setup.w.ids[i]] = static_cast<long>(i);
  std::vector<std::string> unknown;
  std::map<std::string, std::vector<size_t>> by_period;   // label -> observations
  std::unordered_map<std::string, int32_t> unit_code;
  std::vector<std::string> unit_ids;
  const size_t n = s.frame_rows.size();
  SpatialPanelData& p = s.data;
  p.unit.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t r = s.frame_rows[i];
    if (key.is_missing(r) || tcol.is_missing(r)) throw DataError(fmt::format("{}: data line {} has no unit or time", data_name, frame.line(r)));
    const std::string id = key.text(r);
    if (!in_w.count(id)) {
      if (std::find(unknown.begin(), unknown.end(), id) == unknown.end()) unknown.push_back(id);
      continue;
    }
    auto [it, fresh] = unit_code.emplace(id, static_cast<int32_t>(unit_ids.size()));
    if (fresh) unit_ids.push_back(id);
    p.unit[i] = it->second;
    by_period[tcol.text(r)].push_back(i);
  }
  if (!unknown.empty())
    throw DataError(fmt::format("{} ('{}'): units in the data but not in the weights: [{}]", data_name, setup.key, unit_list(unknown)));
  for (const auto& id : setup.w.ids)
    if (!unit_code.count(id)) s.absent_units.push_back(id);

  for (const auto& [label, obs] : by_period) s.periods.push_back(label);
  sort_periods(s.periods);
  p.depvar = d.depvar;
  p.y = d.y;
  p.X = d.X;
  p.x_names = d.x_names;
  p.n_units = unit_ids.size();
  p.n_periods = s.periods.size();
  p.period.resize(n);
  std::map<std::vector<long>, size_t> distinct;   // the units of a period (weights order) -> weights index
  for (size_t t = 0; t < s.periods.size(); ++t) {
    std::vector<size_t> obs = by_period[s.periods[t]];
    std::sort(obs.begin(), obs.end(), [&](size_t a, size_t b) {
      return in_w[unit_ids[static_cast<size_t>(p.unit[a])]] < in_w[unit_ids[static_cast<size_t>(p.unit[b])]];
    });
    std::vector<long> members;
    std::vector<std::string> ids;
    for (size_t a = 0; a < obs.size(); ++a) {
      const std::string& id = unit_ids[static_cast<size_t>(p.unit[obs[a]])];
      if (a > 0 && id == unit_ids[static_cast<size_t>(p.unit[obs[a - 1]])])
        throw DataError(fmt::format("{}: unit {} appears twice in period {}", data_name, id, s.periods[t]));
      members.push_back(in_w[id]);
      ids.push_back(id);
      p.period[obs[a]] = static_cast<int32_t>(t);
    }
    auto [it, fresh] = distinct.emplace(members, p.weights.size());
    if (fresh) p.weights.push_back(weights_on(setup, ids).W);
    p.period_weights.push_back(it->second);
    p.period_rows.emplace_back(obs.begin(), obs.end());
  }
  return s;
}

}  // namespace cbec
