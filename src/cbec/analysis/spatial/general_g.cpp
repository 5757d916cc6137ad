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
    t.header = general_g_header();
    out.json = {{"variable", var}, {"transform", s.transform}, {"results", nlohmann::json::array()}};
    t.notes.push_back("p one-sided for high-value clustering (spdep::globalG.test); binary weights are the usual choice (--transform B).");
    each_period(frame, s, var, ctx, t, out.json["results"], [&](const SpatialPeriod& p) {
      const GeneralGResult g = general_g(p.x, p.w);
      return std::make_pair(general_g_row(p.label, g), to_json(g));
    });
    out.tables.push_back(t);
    return out;
  };
  return a;
}

}  // namespace cbec
