// hansen_lc: Hansen's (1992) Lc test of parameter stability in each unit's FMOLS cointegrating
// regression (estimate/ts/hansen_lc.hpp).
#include <cmath>

#include "cbec/analysis/ts/ts_coint_analyses.hpp"
#include "cbec/estimate/ts/fmols.hpp"
#include "cbec/estimate/ts/hansen_lc.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/ts_coint_tables.hpp"

namespace cbec {

Analysis hansen_lc_analysis() {
  Analysis a;
  a.name = "hansen_lc";
  a.command = "ts";
  a.summary = "Hansen (1992) Lc parameter-instability test of each unit's FMOLS cointegrating regression";
  a.options = cointegration_options();
  a.needs = cointegration_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const LongRunSpec s = long_run_option(o);
    const CointegrationData d = cointegration_input(frame, o, ctx);
    refuse_degenerate_units(d);
    const PanelLongRun r = panel_fmols(d, PanelEstimator::GroupMean, s);
    const auto crit = hansen_lc_critical(static_cast<int>(r.x.size()), r.trend);
    nlohmann::json j{{"test", "hansen_lc"}, {"null", "cointegration with stable coefficients"}, {"variable", r.y}, {"regressors", r.x},
                     {"trend", r.trend}, {"long_run", describe(s)},
                     {"critical_values", {{"10%", json_number(crit[0])}, {"5%", json_number(crit[1])}, {"2.5%", json_number(crit[2])}, {"1%", json_number(crit[3])}}},
                     {"by_unit", nlohmann::json::array()}};
    for (size_t u = 0; u < r.units.size(); ++u) {
      const double lc = r.unit_fits[u].hansen_lc;
      nlohmann::json ju{{"unit", r.units[u]}, {"nobs", r.unit_fits[u].nobs}, {"lc", json_number(lc)}};
      if (!std::isnan(crit[1])) ju["reject_5pct"] = lc > crit[1];
      j["by_unit"].push_back(ju);
    }
    return with_left_out(Outcome{{hansen_lc_table(r, describe(s))}, {}, j}, d, true);
  };
  return a;
}

}  // namespace cbec
