// cips: Pesaran's (2007) cross-sectionally augmented IPS test, robust to one common factor.
#include <nlohmann/json.hpp>

#include "cbec/analysis/ts/ts_analyses.hpp"
#include "cbec/estimate/ts/cips.hpp"
#include "cbec/report/ts_json.hpp"
#include "cbec/report/ts_tables.hpp"

namespace cbec {

Analysis cips_analysis() {
  Analysis a;
  a.name = "cips";
  a.command = "ts";
  a.summary = "Pesaran (2007) CIPS panel unit-root test under cross-section dependence, with its critical values";
  a.options = {column_option("variable", "The variable tested", true),
               choice_option("deterministic", {"none", "constant", "trend"}, "constant", "Deterministic terms of the CADF regressions"),
               count_option("lags", 1, "Lagged differences p in each CADF regression (0: none)"),
               choice_option("series", {"both", "levels", "differences"}, "both", "Test the levels, the first differences, or both"),
               flag_option("truncated", "Truncated CADF* statistics (Pesaran 2007, sec. 4.1) and CIPS* critical values")};
  a.needs = ts_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const Deterministic det = deterministic_option(o);
    std::vector<std::pair<std::string, CipsResult>> results;
    Outcome out;
    out.json = {{"method", "cips"}, {"results", nlohmann::json::array()}};
    SeriesLeftOut left_out;
    for (const auto& [label, s] : requested_series(frame, o, ctx, o.text("variable"), left_out)) {
      results.emplace_back(label, cips_test(s, det, static_cast<int>(o.integer("lags")), o.flag("truncated")));
      nlohmann::json j = to_json(results.back().second);
      j["series"] = label;
      out.json["results"].push_back(j);
    }
    out.tables.push_back(cips_table(results));
    left_out.report(out);
    return out;
  };
  return a;
}

}  // namespace cbec
