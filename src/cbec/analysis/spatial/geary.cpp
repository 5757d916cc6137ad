// geary: Geary's C of a variable, one per period of the time column (all rows without one).
#include <fmt/format.h>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

Analysis geary_analysis() {
  Analysis a;
  a.name = "geary";
  a.command = "spatial";
  a.summary = "Geary's C, by period of the time column";
  a.options = {variable_option(), permutations_option()};
  a.needs.panel = PanelNeed::Optional;
  a.needs.resampling = true;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string var = o.text("variable");
    const size_t perms = static_cast<size_t>(o.integer("permutations"));
    Outcome out;
    Table t;
    t.title = fmt::format("Geary's C of {} ({} weights)", var, transform_label(s.transform));
    t.header = moran_header();
    out.json = {{"variable", var}, {"transform", s.transform}, {"permutations", perms}, {"results", nlohmann::json::array()}};
    std::vector<SpatialPeriod> periods;
    for (const auto& [label, rows] : periods_of(frame, ctx.time)) {
      SpatialPeriod p = spatial_period(frame, s, var, rows, label, ctx.data);
      const GearyResult g = geary(p.x, p.w, perms, ctx.resampling.seed, ctx.resampling.threads);
      t.rows.push_back(geary_row(label, g));
      nlohmann::json r = {{"period", label}, {"n", p.ids.size()}, {"dropped", p.dropped.size()}};
      r.update(to_json(g));
      out.json["results"].push_back(r);
      periods.push_back(std::move(p));
    }
    t.notes.push_back("E(C) = 1; z = (E(C) - C) / sd: p-values one-sided for positive autocorrelation (spdep::geary.test); permutation p = (M+1)/(R+1).");
    add_weights_notes(t, s, periods);
    out.tables.push_back(t);
    return out;
  };
  return a;
}

}  // namespace cbec
