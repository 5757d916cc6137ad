// inequality: regional differences of one or more variables per period: Theil T and L split into
// between- and within-group parts (Shorrocks 1980) and the Gini split into within, net between and
// transvariation (Dagum 1997), between the groups of a column (e.g. a `cbec regions` column), as
// the regional-disparity tables of composite-index papers print them.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "cbec/analysis/convergence/convergence_analyses.hpp"
#include "cbec/report/zones_report.hpp"

namespace cbec {

namespace {

// Each period's inequality of x among the rows with a group; values <= 0 are left out and counted,
// and so are the rows without a value or a group (each period's `missing`).
std::vector<PeriodInequality> by_period(const Frame& frame, const std::vector<double>& x, const Column& group, const std::string& time) {
  std::map<double, std::vector<size_t>> rows;
  const std::vector<double>& t = frame.numeric(time);
  for (size_t i = 0; i < frame.nrows(); ++i)
    if (!std::isnan(t[i])) rows[t[i]].push_back(i);
  std::vector<PeriodInequality> out;
  for (const auto& [period, members] : rows) {
    PeriodUnits units;
    for (size_t i : members) units.add(x[i], !group.is_missing(i), group.is_missing(i) ? std::string() : group.text(i));
    out.push_back(units.result(period));
  }
  return out;
}

}  // namespace

Analysis inequality_analysis() {
  Analysis a;
  a.name = "inequality";
  a.command = "converge";
  a.summary = "Regional differences by period: Theil T and L (between and within groups) and Dagum's Gini decomposition";
  a.options = {columns_option("variables", "Variables whose inequality is measured (values <= 0 are left out and counted)", true),
               column_option("group", "Groups of the decomposition, e.g. a region column from `cbec regions`", true)};
  a.needs = convergence_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const Column& group = frame.get(o.text("group"));
    Outcome out;
    out.json = {{"method", "inequality"}, {"group", o.text("group")}, {"time", ctx.time},
                {"variables", nlohmann::json::array()}};
    for (const auto& name : o.list("variables")) {
      const std::vector<PeriodInequality> rows = by_period(frame, frame.numeric(name), group, ctx.time);
      size_t missing = 0;
      for (const auto& r : rows) missing += r.missing;
      out.tables.push_back(inequality_table(name, rows, o.text("group")));
      out.json["variables"].push_back({{"variable", name}, {"missing", missing}, {"inequality", inequality_json(rows)}});
    }
    return out;
  };
  return a;
}

}  // namespace cbec
