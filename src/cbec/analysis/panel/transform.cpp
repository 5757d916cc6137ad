// transform: new columns (log, lags, leads, differences, growth, interpolation, winsorizing,
// standardization) for the analyses after it, with the table of what each computed.
#include <fmt/format.h>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/frame/transform_specs.hpp"
#include "cbec/report/transform_json.hpp"
#include "cbec/report/transform_table.hpp"

namespace cbec {

namespace {

TransformSpecs specs_of(const Options& o, const std::string& unit, const std::string& time) {
  TransformSpecs t;
  t.unit = unit;
  t.time = time;
  for (auto [key, list] : {std::pair{"log", &t.log}, {"lag", &t.lag}, {"lead", &t.lead}, {"diff", &t.diff}, {"growth", &t.growth},
                           {"interpolate", &t.interpolate}, {"winsor", &t.winsor}, {"std", &t.std}})
    *list = o.list(key);
  t.extrapolate = o.flag("extrapolate");
  if (t.extrapolate && t.interpolate.empty())
    throw SpecError("transform: extrapolate extends an interpolation beyond the first and last observations; give interpolate = [\"x\"] with it");
  if (t.log.empty() && t.lag.empty() && t.lead.empty() && t.diff.empty() && t.growth.empty() && t.interpolate.empty() && t.winsor.empty() && t.std.empty())
    throw SpecError("transform: no transformation asked for; give one or more of log, lag, lead, diff, growth, interpolate, winsor, std");
  return t;
}

}  // namespace

Analysis transform_analysis() {
  Analysis a;
  a.name = "transform";
  a.command = "transform";
  a.summary = "Add transformed variables (log, lags, growth, interpolation, winsorizing, standardization)";
  a.options = {list_option("log", "x -> log_x (values <= 0 become missing, counted)"),
               list_option("lag", "x[:k] -> l<k>_x (gap-aware)"),
               list_option("lead", "x[:k] -> f<k>_x"),
               list_option("diff", "x[:k] -> d<k>_x"),
               list_option("growth", "x -> g_x = x_t / x_{t-1} - 1"),
               list_option("interpolate", "x -> i_x, linear within unit over time"),
               flag_option("extrapolate", "Also extrapolate linearly beyond the first and last observations"),
               list_option("winsor", "x:lower:upper[:by=g] -> w_x (percentiles as Stata winsor2)"),
               list_option("std", "x:z|minmax|minmax_neg[:by=g] -> z_x / mm_x")};
  a.needs.panel = PanelNeed::Optional;   // lags, differences, growth, interpolation
  a.reads = [](const Options& o) { return transform_inputs(specs_of(o, "", "")); };
  a.creates = [](const Options& o) { return transform_outputs(specs_of(o, "", "")); };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const auto reports = apply_transforms(frame, specs_of(o, ctx.unit, ctx.time));
    Outcome out{{transform_table(reports, "New variables")}, {}, nlohmann::json{{"transforms", to_json(reports)}}};
    // Rows without a unit or a period have no place in a panel: their lags, leads, differences,
    // growth and interpolation are among the not computable, said here by count.
    if (!ctx.unit.empty() && !ctx.time.empty()) {
      const Column &u = frame.get(ctx.unit), &t = frame.get(ctx.time);
      size_t unplaced = 0;
      for (size_t i = 0; i < frame.nrows(); ++i) unplaced += u.is_missing(i) || t.is_missing(i);
      out.json["rows_without_unit_or_time"] = unplaced;
      if (unplaced)
        out.tables.front().notes.push_back(fmt::format("{} row{} without a unit or a time: their panel transforms (lags, leads, differences, growth, "
                                                       "interpolation) are not computable.", unplaced, unplaced == 1 ? "" : "s"));
    }
    return out;
  };
  return a;
}

}  // namespace cbec
