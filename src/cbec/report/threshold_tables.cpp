#include "cbec/report/threshold_tables.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {
const char* kModel[] = {"Single", "Double", "Triple"};
}

Table threshold_test_table(const ThresholdResult& r) {
  Table t;
  t.title = fmt::format("Panel threshold regression of {} on the threshold {} (Hansen 1999)", r.y, r.threshold);
  t.header = {"Model", "Threshold", "Estimate", "95% region", "SSE", "F", "Bootstrap p", "Crit. 10%", "Crit. 5%", "Crit. 1%"};
  auto region = [](double lo, double hi) { return fmt::format("[{}, {}]", format_fixed(lo), format_fixed(hi)); };
  for (const auto& s : r.steps) {
    const std::string name = kModel[s.k - 1];
    t.rows.push_back({name, fmt::format("gamma_{}", s.k), format_fixed(s.estimate), region(s.ci_low, s.ci_high), format_fixed(s.sse), format_fixed(s.F),
                      std::isnan(s.p_value) ? "" : format_fixed(s.p_value), format_fixed(s.crit90), format_fixed(s.crit95), format_fixed(s.crit99)});
    if (s.k == 2) t.rows.push_back({name, "gamma_1 (refined)", format_fixed(s.refined), region(s.refined_ci_low, s.refined_ci_high), "", "", "", "", "", ""});
  }
  t.notes.push_back(fmt::format("{} units x {} periods; {} grid points; linear model SSE = {}.", r.n_units, r.n_periods, r.grid_size, format_fixed(r.sse0)));
  t.notes.push_back(fmt::format("F tests k against k - 1 thresholds, p-values from {} bootstrap draws of unit residual vectors; regions: LR <= {:.3f}.",
                                r.steps.empty() ? 0 : r.steps.front().draws, r.lr_critical));
  if (r.delete_last_period) t.notes.push_back("Hansen's sample: one period per unit deleted after the within transformation.");
  for (const auto& [why, n] : r.dropped) t.notes.push_back(fmt::format("Dropped: {} {}.", n, why));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

Table threshold_coefficient_table(const ThresholdResult& r) {
  std::vector<RegressionResult> models;
  RegressionTableOptions o;
  for (const auto& s : r.steps) {
    models.push_back(s.model);
    o.model_names.push_back(fmt::format("{} threshold", kModel[s.k - 1]));
  }
  Table t = regression_table(models, o);
  t.title = "Threshold regression coefficients (unit fixed effects; homoskedastic SEs)";
  return t;
}

}  // namespace cbec
