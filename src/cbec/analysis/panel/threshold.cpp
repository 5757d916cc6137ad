// threshold: fixed-effects panel threshold regression (Hansen 1999) with bootstrap tests for the
// number of thresholds.
#include <fmt/format.h>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/estimate/panel/threshold.hpp"
#include "cbec/report/panel_json.hpp"
#include "cbec/report/threshold_tables.hpp"

namespace cbec {

Analysis threshold_analysis() {
  Analysis a;
  a.name = "threshold";
  a.command = "threshold";
  a.summary = "Panel threshold regression (Hansen 1999): thresholds, bootstrap F tests, regime slopes";
  OptionSpec regime = terms_option("regime", "Terms whose slopes change across regimes");
  regime.required = true;
  OptionSpec threshold = text_option("threshold", "Threshold variable or term, e.g. \"l(debt, 1)\"");
  threshold.required = true;
  OptionSpec thresholds = count_option("thresholds", 1, "Fit and test 1, 2 or 3 thresholds in sequence", 1);
  thresholds.max = 3;
  a.options = {column_option("y", "Dependent variable", true),
               threshold,
               regime,
               terms_option("x", "Terms with one slope (regime-independent controls)"),
               thresholds,
               count_option("draws", 300, "Bootstrap draws of each test (0: no p-values)"),
               number_option("trim", NAN, "Trimming share of every threshold (default 0.01, 0.01, 0.05 for the first, second, third)", 0, 0.5),
               count_option("quantiles", 400, "Grid of quantiles of the threshold variable", 1),
               number_option("level", 0.95, "Confidence level of the threshold regions", 0, 1),
               flag_option("hansen_sample", "Delete one period per unit after the within transformation, as Hansen (1999)")};
  a.needs.panel = PanelNeed::Required;
  a.needs.resampling = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    ThresholdSpec ts;
    ts.y = o.text("y");
    ts.threshold = o.text("threshold");
    ts.regime_dependent = o.list("regime");
    ts.regressors = o.list("x");
    ts.unit = ctx.unit;
    ts.time = ctx.time;
    ts.seed = ctx.resampling.seed;
    ts.threads = ctx.resampling.threads;
    ts.timer = ctx.timer;
    ts.max_thresholds = static_cast<int>(o.integer("thresholds"));
    ts.draws.assign(3, static_cast<size_t>(o.integer("draws")));
    if (o.has("trim")) ts.trim.assign(3, o.number("trim"));
    ts.quantiles = static_cast<int>(o.integer("quantiles"));
    ts.level = o.number("level");
    ts.delete_last_period = o.flag("hansen_sample");
    const ThresholdResult r = panel_threshold(frame, ts);
    Table tests = threshold_test_table(r);
    Table coefs = threshold_coefficient_table(r);
    coefs.notes.push_back("The model has unit fixed effects and no time effects, as Hansen (1999).");
    std::vector<LinePoint> curve;
    for (const auto& st : r.steps)
      for (size_t k = 0; k < st.grid.size(); ++k) curve.push_back({st.grid[k], st.lr[k], fmt::format("threshold {}", st.k)});
    Figure lr = line_chart("", fmt::format("LR statistic by candidate threshold of {} (region: LR <= {:.2f})", ts.threshold, r.lr_critical),
                           ts.threshold, "LR", curve);
    return Outcome{{tests, coefs}, {lr}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
