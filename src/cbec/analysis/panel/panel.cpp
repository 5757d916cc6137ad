// panel: the panel structure (units, periods, balance, gaps, duplicates).
#include <fmt/format.h>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

Analysis panel_analysis() {
  Analysis a;
  a.name = "panel";
  a.command = "panel";
  a.summary = "Report the panel structure: units, periods, balance, gaps, duplicates";
  a.needs.panel = PanelNeed::Required;
  a.run = [](Frame& frame, const Options&, const AnalysisContext& ctx) {
    const Panel p = declare_panel(frame, ctx.unit, ctx.time);
    Table t;
    t.title = fmt::format("Panel structure of {}", ctx.data);
    t.header = {"Item", "Value"};
    t.rows = {{"Units", std::to_string(p.n_units)},
              {"Periods", fmt::format("{} ({}..{})", p.n_periods(), p.times.empty() ? 0 : p.times.front(), p.times.empty() ? 0 : p.times.back())},
              {"Observations", std::to_string(p.order.size())},
              {"Balanced", p.balanced ? "yes" : "no"},
              {"Gaps (missing periods inside a unit's span)", fmt::format("{} in {} units", p.n_gaps, p.units_with_gaps)},
              {"Rows with missing unit or time", std::to_string(p.rows_missing_id)}};
    nlohmann::json j{{"units", p.n_units}, {"periods", p.n_periods()}, {"observations", p.order.size()}, {"balanced", p.balanced},
                     {"gaps", p.n_gaps}, {"units_with_gaps", p.units_with_gaps}, {"rows_missing_id", p.rows_missing_id}, {"summary", p.summary()}};
    return Outcome{{t}, {}, j};
  };
  return a;
}

}  // namespace cbec
