// panel: the panel structure (units, periods, balance, gaps, duplicates).
#include <fmt/format.h>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/report/panel_tables.hpp"

namespace cbec {

Analysis panel_analysis() {
  Analysis a;
  a.name = "panel";
  a.command = "panel";
  a.summary = "Report the panel structure: units, periods, balance, gaps, duplicates";
  a.needs.panel = PanelNeed::Required;
  a.needs.panel_view = true;
  a.run = [](Frame& frame, const Options&, const AnalysisContext& ctx) {
    Panel declared;
    const Panel& p = ctx.panel ? *ctx.panel : (declared = declare_panel(frame, ctx.unit, ctx.time));
    if (p.n_units == 0)
      throw DataError(fmt::format("{}: no row has both a unit ({}) and a time ({}); {} rows miss one of them", ctx.data, ctx.unit, ctx.time,
                                  p.rows_missing_id));
    nlohmann::json j{{"units", p.n_units}, {"periods", p.n_periods()}, {"observations", p.order.size()}, {"balanced", p.balanced},
                     {"step", p.step}, {"n_absent_times", p.n_absent_times}, {"absent_times", p.absent_times}, {"gaps", p.n_gaps}, {"units_with_gaps", p.units_with_gaps}, {"rows_missing_id", p.rows_missing_id}, {"summary", p.summary()}};
    return Outcome{{panel_structure_table(p, ctx.data)}, {}, j};
  };
  return a;
}

}  // namespace cbec
