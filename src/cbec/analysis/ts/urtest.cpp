// urtest: univariate unit-root (ADF, Phillips-Perron) or stationarity (KPSS) tests of each unit's
// series, in levels and first differences.
#include <nlohmann/json.hpp>

#include "cbec/analysis/ts/ts_analyses.hpp"
#include "cbec/estimate/ts/unit_tests.hpp"
#include "cbec/report/ts_json.hpp"
#include "cbec/report/ts_tables.hpp"

namespace cbec {

Analysis urtest_analysis() {
  Analysis a;
  a.name = "urtest";
  a.command = "ts";
  a.summary = "Unit-root tests of each unit's series (ADF, Phillips-Perron with MacKinnon p-values; KPSS), levels and differences";
  a.options = unit_root_options("constant");
  a.options.insert(a.options.begin() + 1, choice_option("test", {"adf", "pp", "kpss"}, "adf",
                                                        "The test: adf (augmented Dickey-Fuller), pp (Phillips-Perron Z-tau), kpss (H0: stationarity)"));
  a.options.push_back(text_option("bandwidth", "PP and KPSS: Bartlett lag, short = floor(4 (T/100)^(1/4)), long = floor(12 (T/100)^(1/4)) or a number", "short"));
  a.needs = ts_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    UnitTestSpec spec;
    spec.test = o.text("test");
    spec.deterministic = deterministic_option(o);
    spec.adf_lags = lag_option(o);
    spec.bandwidth = o.text("bandwidth");
    spec.dfcor = !o.flag("mle_variance");
    spec.p_approx = p_approx_option(o);
    std::vector<UnitTests> blocks;
    SeriesLeftOut left_out;
    for (const auto& [label, s] : requested_series(frame, o, ctx, o.text("variable"), left_out)) {
      blocks.push_back(unit_tests(s, spec));
      blocks.back().label = label;
    }
    Outcome out;
    out.json = {{"method", "urtest"}, {"test", spec.test}, {"p_approx", describe(spec.p_approx)}, {"results", nlohmann::json::array()}};
    for (const auto& b : blocks) out.json["results"].push_back(to_json(b));
    out.tables.push_back(unit_tests_table(blocks));
    left_out.report(out);
    return out;
  };
  return a;
}

}  // namespace cbec
