// fmols: panel fully modified OLS, pooled (Phillips-Moon 1999), weighted (EViews' pooled weighted) or group
// mean (Pedroni 2001), with each unit's FMOLS, Hansen's (1992) Lc and Jarque-Bera on the residuals
// (estimate/ts/fmols.hpp).
#include "cbec/analysis/ts/ts_coint_analyses.hpp"
#include "cbec/estimate/ts/fmols.hpp"
#include "cbec/report/ts_coint_json.hpp"
#include "cbec/report/ts_coint_tables.hpp"

namespace cbec {

Analysis fmols_analysis() {
  Analysis a;
  a.name = "fmols";
  a.command = "ts";
  a.summary = "Panel FMOLS (pooled, weighted, group mean) of a cointegrating regression, with each unit's and Hansen's Lc";
  a.options = cointegration_options();
  a.options.push_back(choice_option("estimator", {"pooled", "weighted", "group_mean"}, "pooled", "Panel estimator: pooled (Phillips-Moon), weighted (EViews' pooled weighted: each unit by its conditional long-run variance) or group_mean (Pedroni)"));
  a.needs = cointegration_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const LongRunSpec s = long_run_option(o);
    StageLap lap(ctx.timer);
    const CointegrationData d = cointegration_input(frame, o, ctx);
    refuse_degenerate_units(d);
    lap.lap(Stage::Design);
    const PanelLongRun r = panel_fmols(d, parse_panel_estimator(o.text("estimator")), s);
    lap.lap(Stage::Solve);
    return with_left_out(Outcome{long_run_tables(r, describe(s)), {}, to_json(r, describe(s), ctx.unit)}, d, true);
  };
  return a;
}

}  // namespace cbec
