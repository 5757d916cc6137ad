// coint: residual-based panel cointegration tests; test = kao (Kao 1999: DF_rho, DF_t, DF*_rho,
// DF*_t, ADF; estimate/ts/kao.hpp) or pedroni (Pedroni 1999, 2004: panel v, rho, PP, ADF and group
// rho, PP, ADF; estimate/ts/pedroni.hpp) or westerlund (Westerlund 2007: Gt, Ga, Pt, Pa, with an optional
// bootstrap for cross-sectionally dependent panels; estimate/ts/westerlund.hpp).
#include <fmt/format.h>

#include "cbec/analysis/ts/ts_coint_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/cross_section_demean.hpp"
#include "cbec/estimate/ts/kao.hpp"
#include "cbec/estimate/ts/pedroni.hpp"
#include "cbec/estimate/ts/westerlund_bootstrap.hpp"
#include "cbec/report/ts_coint_json.hpp"
#include "cbec/report/ts_coint_tables.hpp"

namespace cbec {

Analysis coint_analysis() {
  Analysis a;
  a.name = "coint";
  a.command = "ts";
  a.summary = "Panel cointegration tests (H0: no cointegration): Kao (1999) DF and ADF, Pedroni (1999, 2004) panel and group statistics, Westerlund (2007) ECM tests";
  a.options = cointegration_options(true);
  a.options.push_back(choice_option("test", {"kao", "pedroni", "westerlund"}, "kao", "Test: kao, pedroni or westerlund"));
  a.options.push_back(count_option("lags", 1, "Lags of the differenced residuals in the ADF regression (the fixed number, or with lag_select the chosen ones)"));
  a.options.push_back(count_option("leads", 0, "Westerlund: leads of the differenced regressors in each unit's ECM"));
  a.options.push_back(choice_option("lag_select", {"fixed", "aic", "bic", "tsig"}, "fixed",
                                    "Pedroni: each unit's ADF lags fixed or chosen by AIC, BIC or Hall's t rule up to max_lags; Westerlund: ECM lags and leads fixed or by AIC or BIC"));
  a.options.push_back(count_option("max_lags", nullptr, "Largest lag order lag_select considers (Pedroni default: Schwert's floor(12 (T/100)^(1/4)); Westerlund default 2)"));
  a.options.push_back(count_option("max_leads", 2, "Westerlund: largest number of leads lag_select considers"));
  a.options.push_back(count_option("bootstrap", 0, "Westerlund: draws of the sieve bootstrap for cross-sectionally dependent panels (0: none; e.g. 999)"));
  a.options.push_back(flag_option("no_intercept", "Pedroni and Westerlund: no unit intercepts (d_t = 0: Pedroni 1999 Table 2's first case, Westerlund 2007 sec. 2); "
                                                  "not with trend, not for Kao (1999), whose statistics assume unit intercepts"));
  a.options.push_back(flag_option("demean", "Subtract the cross-sectional mean of each period from y and x first (Stata's xtcointtest demean)"));
  a.needs = cointegration_needs();
  a.needs.resampling = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    StageLap lap(ctx.timer);
    const LongRunSpec s = long_run_option(o);
    CointegrationData d = cointegration_input(frame, o, ctx);
    if (o.flag("no_intercept")) {
      if (d.trend) throw SpecError("no_intercept and trend: a unit trend needs its intercept; give one of them");
      if (o.text("test") == "kao") throw SpecError("no_intercept: Kao's (1999) DF and ADF statistics are derived for unit intercepts only; use pedroni or westerlund");
      d.intercept = false;
    }
    if (o.flag("demean")) d = cross_section_demeaned(d);
    refuse_degenerate_units(d);
    lap.lap(Stage::Design);
    const std::string select = o.text("lag_select");
    nlohmann::json j;
    std::vector<Table> tables;
    if (o.text("test") == "kao") {
      if (select != "fixed") throw SpecError("lag_select: Kao's ADF takes a fixed number of lags; give lags and drop lag_select");
      const KaoResult r = kao_test(d, static_cast<int>(o.integer("lags")), s);
      lap.lap(Stage::Solve);
      j = to_json(r);
      tables.push_back(kao_table(r, describe(s)));
    } else if (o.text("test") == "westerlund") {
      if (select == "tsig") throw SpecError("lag_select: Westerlund's ECM lags and leads are fixed or chosen by aic or bic");
      EcmLagChoice c;
      c.rule = select;
      c.lags = static_cast<int>(o.integer("lags"));
      c.leads = static_cast<int>(o.integer("leads"));
      c.max_lags = o.has("max_lags") ? static_cast<int>(o.integer("max_lags")) : 2;
      c.max_leads = static_cast<int>(o.integer("max_leads"));
      WesterlundResult r = westerlund_test(d, c, s);
      lap.lap(Stage::Solve);
      if (o.integer("bootstrap") > 0) westerlund_bootstrap(d, r, s, static_cast<int>(o.integer("bootstrap")), ctx.resampling.seed, ctx.resampling.threads);
      lap.lap(Stage::Replications);
      j = to_json(r);
      tables.push_back(westerlund_table(r, select == "fixed" ? fmt::format("{} lags, {} leads", c.lags, c.leads) : fmt::format("{} up to {} lags and {} leads", select, c.max_lags, c.max_leads), describe(s)));
    } else {
      const LagChoice c = parse_lag_choice(select == "fixed" ? std::to_string(o.integer("lags")) : select, o.has("max_lags") ? o.integer("max_lags") : -1);
      const PedroniResult r = pedroni_test(d, c, s);
      lap.lap(Stage::Solve);
      j = to_json(r);
      j["lag_rule"] = describe(c);
      tables.push_back(pedroni_table(r, describe(c), describe(s)));
    }
    j["variable"] = o.text("variable");
    j["regressors"] = o.list("regressors");
    j["demean"] = o.flag("demean");
    j["no_intercept"] = o.flag("no_intercept");
    j["long_run"] = describe(s);
    return with_left_out(Outcome{tables, {}, j}, d);
  };
  return a;
}

}  // namespace cbec
