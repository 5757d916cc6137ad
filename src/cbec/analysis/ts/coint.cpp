// coint: residual-based panel cointegration tests; test = kao (Kao 1999: DF_rho, DF_t, DF*_rho,
// DF*_t, ADF; estimate/ts/kao.hpp).
#include "cbec/analysis/ts/ts_coint_analyses.hpp"
#include "cbec/estimate/ts/kao.hpp"
#include "cbec/report/ts_coint_json.hpp"
#include "cbec/report/ts_coint_tables.hpp"

namespace cbec {

Analysis coint_analysis() {
  Analysis a;
  a.name = "coint";
  a.command = "ts";
  a.summary = "Panel cointegration tests: Kao (1999) DF and ADF statistics (H0: no cointegration)";
  a.options = cointegration_options(false);
  a.options.push_back(choice_option("test", {"kao"}, "kao", "Test: kao"));
  a.options.push_back(count_option("lags", 1, "Lags of the differenced residuals in the ADF regression"));
  a.needs = cointegration_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const LongRunSpec s = long_run_option(o);
    const KaoResult r = kao_test(cointegration_input(frame, o, ctx), static_cast<int>(o.integer("lags")), s);
    nlohmann::json j = to_json(r);
    j["variable"] = o.text("variable");
    j["regressors"] = o.list("regressors");
    j["long_run"] = describe(s);
    return Outcome{{kao_table(r, describe(s))}, {}, j};
  };
  return a;
}

}  // namespace cbec
