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
    t.notes.push_back("E(C) = 1; z = (E(C) - C) / sd: p-values one-sided for positive autocorrelation (spdep::geary.test); permutation p = (M+1)/(R+1).");
    each_period(frame, s, var, ctx, t, out.json["results"], [&](const SpatialPeriod& p) {
      const GearyResult g = geary(p.x, p.w, perms, ctx.resampling.seed, ctx.resampling.threads);
      return std::make_pair(geary_row(p.label, g), to_json(g));
    });
    out.tables.push_back(t);
    return out;
  };
  return a;
}

}  // namespace cbec
