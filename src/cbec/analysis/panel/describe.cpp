// describe: summary statistics as Stata's summarize (N, mean, SD, min, max), optionally by group.
#include "cbec/analysis/panel/panel_analyses.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cbec/core/error.hpp"
#include "cbec/estimate/describe/summarize.hpp"
#include "cbec/estimate/describe/two_way_means.hpp"
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
  a.options = {vars, column_option("by", "Summarize within the levels of this variable"),
               column_option("cross", "With by: a table of means of each variable, by's levels in rows and these in columns (region x year)")};
  a.names_every_column = [](const Options& o) { return !o.list("variables").empty(); };
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
    // Rows whose group is missing belong to no group: counted, never silently left out.
    if (o.has("by")) {
      const Column& by = frame.get(o.text("by"));
      size_t no_group = 0;
      for (size_t i = 0; i < frame.nrows(); ++i) no_group += by.is_missing(i);
      j["rows_without_group"] = no_group;
      if (no_group) t.notes.push_back(fmt::format("{} rows have no value of {} and are in no group.", no_group, o.text("by")));
    }
    Outcome out{{t}, {}, j};
    if (o.has("cross")) {
      if (!o.has("by")) throw SpecError("describe: cross needs by (the rows of the table of means), e.g. --by region --cross year");
      out.json["means"] = nlohmann::json::array();
      for (const auto& r : rows) {
        if (std::any_of(out.json["means"].begin(), out.json["means"].end(), [&](const nlohmann::json& m) { return m["variable"] == r.variable; })) continue;
        const TwoWayMeans m = two_way_means(frame, r.variable, o.text("by"), o.text("cross"));
        out.tables.push_back(two_way_means_table(m));
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& row : m.mean) {
          nlohmann::json line = nlohmann::json::array();
          for (double v : row) line.push_back(json_number(v));
          cells.push_back(line);
        }
        nlohmann::json row_mean = nlohmann::json::array(), column_mean = nlohmann::json::array();
        for (double v : m.row_mean) row_mean.push_back(json_number(v));
        for (double v : m.column_mean) column_mean.push_back(json_number(v));
        out.json["means"].push_back({{"variable", m.variable}, {"rows", m.row_levels}, {"columns", m.column_levels}, {"mean", cells}, {"n", m.n},
                                     {"row_mean", row_mean}, {"column_mean", column_mean}, {"overall", json_number(m.overall)}, {"missing", m.missing}});
      }
    }
    return out;
  };
  return a;
}

}  // namespace cbec
