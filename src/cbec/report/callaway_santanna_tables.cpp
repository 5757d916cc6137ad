#include "cbec/report/callaway_santanna_tables.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>

#include "cbec/report/known_truth.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {

std::string band_note(const CallawaySantAnnaResult& r, double crit) {
  const auto& o = r.options;
  return o.bootstrap ? fmt::format("Standard errors: multiplier bootstrap, {} draws (seed {}){}; {} bands, critical value {:.3f}.", o.draws, o.seed,
                                   o.cluster.empty() ? "" : ", clustered by " + o.cluster, o.uniform_bands ? "uniform (sup-t)" : "pointwise", crit)
                     : "Standard errors: analytical, from the influence functions; pointwise bands.";
}

std::string design_note(const CallawaySantAnnaResult& r) {
  const auto& o = r.options;
  return fmt::format("Callaway-Sant'Anna (2021), {} estimator; comparison: {}; base period: {}{}; {} units ({} never treated), {} periods.",
                     o.method == "dr" ? "doubly robust" : o.method == "ipw" ? "inverse probability weighting" : "outcome regression",
                     o.control_group == "never" ? "never-treated units" : "not-yet-treated units", o.base_period,
                     o.anticipation ? fmt::format("; anticipation {} period(s)", o.anticipation) : "", r.n_units, r.n_never_treated, r.n_periods);
}

}  // namespace

Table cs_dynamic_table(const CallawaySantAnnaResult& r, const nlohmann::json& truth) {
  Table t;
  t.title = "Callaway-Sant'Anna event-time effects";
  t.header = {"Periods relative to treatment", "ATT", "Std. error", fmt::format("{:g}% band", r.options.level * 100)};
  const bool has_truth = has_true_effects(truth);
  if (has_truth) t.header.push_back("True effect (simulated)");
  for (const auto& e : r.dynamic.effects) {
    std::vector<std::string> row = {fmt::format("{:g}", e.key), format_fixed(e.att), format_fixed(e.se), fmt::format("[{}, {}]", format_fixed(e.ci_low), format_fixed(e.ci_high))};
    if (has_truth) row.push_back(true_effect_cell(truth, e.key));
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(fmt::format("Average over periods since treatment >= 0: {} (SE {}).", format_fixed(r.dynamic.att), format_fixed(r.dynamic.se)));
  const CallawaySantAnnaOptions& o = r.options;
  if (o.min_e != INT_MIN || o.max_e != INT_MAX)
    t.notes.push_back(fmt::format("Event times {} only (did's aggte min_e, max_e).",
                                  o.max_e == INT_MAX   ? fmt::format("from {}", o.min_e)
                                  : o.min_e == INT_MIN ? fmt::format("up to {}", o.max_e)
                                                       : fmt::format("{} to {}", o.min_e, o.max_e)));
  if (o.balance_e)
    t.notes.push_back(fmt::format("Balanced in event time: only the cohorts observed for event times 0 to {} (did's aggte balance_e).", *o.balance_e));
  t.notes.push_back(design_note(r));
  t.notes.push_back(band_note(r, r.dynamic.crit_value));
  return t;
}

Table cs_group_time_table(const CallawaySantAnnaResult& r) {
  Table t;
  t.title = "Callaway-Sant'Anna group-time effects ATT(g, t)";
  t.header = {"Cohort g", "Period t", "Base period", "ATT(g, t)", "Std. error", fmt::format("{:g}% band", r.options.level * 100), "Treated", "Comparison"};
  for (const auto& e : r.group_time)
    t.rows.push_back({fmt::format("{:g}", e.group), fmt::format("{:g}", e.time), fmt::format("{:g}", e.base_time),
                      e.estimated ? format_fixed(e.att) : "not estimated", format_fixed(e.se), e.estimated ? fmt::format("[{}, {}]", format_fixed(e.ci_low), format_fixed(e.ci_high)) : "",
                      std::to_string(e.n_treated), std::to_string(e.n_comparison)});
  t.notes.push_back(design_note(r));
  t.notes.push_back(band_note(r, r.crit_value));
  return t;
}

Table cs_summary_table(const CallawaySantAnnaResult& r) {
  Table t;
  t.title = "Callaway-Sant'Anna aggregated effects";
  t.header = {"Aggregation", "ATT", "Std. error", fmt::format("{:g}% CI", r.options.level * 100)};
  const std::pair<const char*, const CsAggregation*> rows[] = {
      {"Simple (weighted by cohort size)", &r.simple}, {"Dynamic (average over event time >= 0)", &r.dynamic},
      {"Group (average of cohort effects)", &r.group}, {"Calendar (average of period effects)", &r.calendar}};
  auto interval = [](double low, double high) { return fmt::format("[{}, {}]", format_fixed(low), format_fixed(high)); };
  for (const auto& [name, a] : rows) {
    t.rows.push_back({name, format_fixed(a->att), format_fixed(a->se), interval(a->ci_low, a->ci_high)});
    if (a == &r.group)  // the cohort effects the group aggregation averages, right under it
      for (const auto& e : r.group.effects)
        t.rows.push_back({fmt::format("  cohort {:g}", e.key), format_fixed(e.att), format_fixed(e.se), interval(e.ci_low, e.ci_high)});
  }
  if (r.pretest)
    t.notes.push_back(fmt::format("Pre-test of parallel trends (all pre-treatment ATT(g, t) = 0): {}.", chi2_test_text(*r.pretest)));
  if (!r.group.effects.empty() && r.options.bootstrap && r.options.uniform_bands)
    t.notes.push_back(fmt::format("The cohort rows' intervals are uniform (sup-t) bands over the cohorts, critical value {:.3f} (as did's aggte); "
                                  "the aggregations' are pointwise.", r.group.crit_value));
  t.notes.push_back(design_note(r));
  for (const auto& [why, count] : r.dropped) t.notes.push_back(fmt::format("Dropped: {} {}.", count, why));
  // The warnings (thin support, single-unit cohorts) with the aggregates they concern, in the first table.
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

}  // namespace cbec
