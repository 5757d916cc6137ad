// dols: panel dynamic OLS, pooled (Kao-Chiang 2000), weighted (Mark-Sul 2003) or group mean
// (Pedroni 2001), leads and lags fixed or chosen per unit by AIC, BIC or HQ (estimate/ts/dols.hpp).
#include "cbec/analysis/ts/ts_coint_analyses.hpp"
#include "cbec/estimate/ts/dols.hpp"
#include "cbec/report/ts_coint_json.hpp"
#include "cbec/report/ts_coint_tables.hpp"

namespace cbec {

Analysis dols_analysis() {
  Analysis a;
  a.name = "dols";
  a.command = "ts";
  a.summary = "Panel DOLS (pooled, weighted, group mean) of a cointegrating regression, leads and lags fixed or by AIC/BIC/HQ";
  a.options = cointegration_options();
  a.options.push_back(choice_option("estimator", {"pooled", "weighted", "group_mean"}, "pooled", "Panel estimator: pooled (Kao-Chiang), weighted (Mark-Sul) or group_mean (Pedroni)"));
  a.options.push_back(choice_option("select", {"fixed", "aic", "bic", "hq"}, "fixed", "Leads and lags: fixed, or chosen per unit by AIC, BIC or Hannan-Quinn"));
  a.options.push_back(count_option("leads", 1, "Leads of the differenced regressors (select = fixed)"));
  a.options.push_back(count_option("lags", 1, "Lags of the differenced regressors (select = fixed)"));
  a.options.push_back(integer_option("max_leads_lags", -1, "Largest leads and lags tried by the criteria (-1: min((T-k)/3, 12) (T/100)^(1/4), reduced until the largest regression has twice its coefficients in rows)"));
  a.needs = cointegration_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const LongRunSpec s = long_run_option(o);
    LeadLagChoice c;
    c.rule = parse_lead_lag_rule(o.text("select"));
    c.leads = static_cast<int>(o.integer("leads"));
    c.lags = static_cast<int>(o.integer("lags"));
    c.max = static_cast<int>(o.integer("max_leads_lags"));
    StageLap lap(ctx.timer);
    const CointegrationData d = cointegration_input(frame, o, ctx);
    refuse_degenerate_units(d);
    lap.lap(Stage::Design);
    const PanelLongRun r = panel_dols(d, parse_panel_estimator(o.text("estimator")), c, s);
    lap.lap(Stage::Solve);
    return with_left_out(Outcome{long_run_tables(r, describe(s)), {}, to_json(r, describe(s), ctx.unit)}, d);
  };
  return a;
}

}  // namespace cbec
