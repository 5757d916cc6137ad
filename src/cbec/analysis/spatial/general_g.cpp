// generalg: Getis-Ord General G of a non-negative variable, one per period of the time column.
#include <fmt/format.h>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

Analysis general_g_analysis() {
  Analysis a;
  a.name = "generalg";
  a.command = "spatial";
  a.summary = "Getis-Ord General G (high-value clustering), by period of the time column";
  a.options = {variable_option()};
  a.needs.panel = PanelNeed::Optional;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string var = o.text("variable");
    Outcome out;
    Table t;
    t.title = fmt::format("Getis-Ord General G of {} ({} weights)", var, transform_label(s.transform));
    t.header = moran_header();
    out.json = {{"variable", var}, {"transform", s.transform}, {"results", nlohmann::json::array()}};
    std::vector<SpatialPeriod> periods;
    for (const auto& [label, rows] : periods_of(frame, ctx.time)) {
      SpatialPeriod p = spatial_period(frame, s, var, rows, label, ctx.data);
      const GeneralGResult g = general_g(p.x, p.w);
      t.rows.push_back(general_g_row(label, g));
      nlohmann::json r = {{"period", label}, {"n", p.ids.size()}, {"dropped", p.dropped.size()}};
      r.update(to_json(g));
      out.json["results"].push_back(r);
      periods.push_back(std::move(p));
    }
    t.notes.push_back("p one-sided for high-value clustering (spdep::globalG.test); binary weights are the usual choice (--transform B).");
    add_weights_notes(t, s, periods);
    out.tables.push_back(t);
    return out;
  };
  return a;
}

}  // namespace cbec
