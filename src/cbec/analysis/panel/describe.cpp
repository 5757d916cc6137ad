// describe: summary statistics as Stata's summarize (N, mean, SD, min, max), optionally by group.
#include "cbec/analysis/panel/panel_analyses.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cbec/estimate/describe/summarize.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/summary_table.hpp"

namespace cbec {

Analysis describe_analysis() {
  Analysis a;
  a.name = "describe";
  a.command = "describe";
  a.summary = "Summary statistics (N, mean, SD, min, max), optionally by group";
  OptionSpec vars = columns_option("variables", "Variables (default: every numeric column)");
  vars.positional = true;
  a.options = {vars, column_option("by", "Summarize within the levels of this variable")};
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    const auto rows = summarize(frame, o.list("variables"), o.text("by"));
    nlohmann::json j{{"nobs", frame.nrows()}, {"summary", nlohmann::json::array()}};
    for (const auto& r : rows) {
      nlohmann::json s{{"variable", r.variable}, {"n", r.n}, {"missing", r.missing}, {"mean", json_number(r.mean)},
                       {"sd", json_number(r.sd)}, {"min", json_number(r.min)}, {"max", json_number(r.max)}};
      if (o.has("by")) s["group"] = r.group;
      j["summary"].push_back(s);
    }
    Table t = summary_table(rows);
    // Without a variable list, text columns are not summarised: say which, never silently.
    if (o.list("variables").empty()) {
      std::vector<std::string> text;
      for (const auto& c : frame.columns())
        if (!c.is_numeric() && c.name != o.text("by")) text.push_back(c.name);
      if (!text.empty()) {
        t.notes.push_back(fmt::format("Text columns, not summarised: {}.", fmt::join(text, ", ")));
        j["text_columns"] = text;
      }
    }
    return Outcome{{t}, {}, j};
  };
  return a;
}

}  // namespace cbec
