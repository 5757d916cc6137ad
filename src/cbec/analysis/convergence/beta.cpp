// beta and beta_panel: beta convergence (Barro and Sala-i-Martin 1992). beta: cross-section, the
// average annual growth (ln y_iT - ln y_i0) / T on ln y_i0; beta_panel: annual growth on the
// lagged log level with unit, year or two-way fixed effects. Both by subgroup, with the speed
// -ln(1 + T beta) / T and the half-life.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/analysis/convergence/convergence_analyses.hpp"
#include "cbec/report/convergence_json.hpp"
#include "cbec/report/convergence_tables.hpp"

namespace cbec {

namespace {

Outcome beta_outcome(const std::string& method, const std::vector<BetaResult>& results, bool panel) {
  Outcome out;
  out.json = {{"method", method}, {"results", nlohmann::json::array()}};
  for (const auto& r : results) out.json["results"].push_back(to_json(r));
  out.tables.push_back(beta_table(results, panel));
  return out;
}

}  // namespace

Analysis beta_analysis() {
  Analysis a;
  a.name = "beta";
  a.command = "converge";
  a.summary = "Beta convergence, cross-section: average growth on the initial log level";
  a.options = convergence_options(true);
  a.needs = convergence_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    return beta_outcome("beta", beta_cross_section(frame, convergence_spec(o, ctx, "iid")), false);
  };
  return a;
}

Analysis beta_panel_analysis() {
  Analysis a;
  a.name = "beta_panel";
  a.command = "converge";
  a.summary = "Beta convergence, panel: annual growth on the lagged log level with unit, year or two-way fixed effects";
  a.options = convergence_options(true);
  a.options.push_back(choice_option("fe", {"unit", "time", "twoway"}, "unit", "Fixed effects: unit (within a unit over time), time (across units within a year) or twoway"));
  a.needs = convergence_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    Outcome out = beta_outcome("beta_panel", beta_panel(frame, convergence_spec(o, ctx, "cluster:" + ctx.unit)), true);
    out.json["fe"] = o.text("fe");
    out.tables.front().title = fmt::format("Beta convergence (panel, {} fixed effects)", o.text("fe") == "twoway" ? "two-way" : o.text("fe"));
    return out;
  };
  return a;
}

}  // namespace cbec
