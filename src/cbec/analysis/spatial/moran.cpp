// moran: global Moran's I of a variable, one per period of the time column (all rows without one),
// with analytic and permutation p-values for the chosen alternative, and the Moran scatterplot of
// one period (`year`, default the last).
#include <fmt/format.h>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

Analysis moran_analysis() {
  Analysis a;
  a.name = "moran";
  a.command = "spatial";
  a.summary = "Global Moran's I, by period of the time column; Moran scatterplot";
  a.options = {variable_option(), permutations_option(),
               choice_option("alternative", {"greater", "less", "two_sided"}, "greater",
                             "Alternative hypothesis of the analytic and permutation p-values (spdep's default: greater)"),
               year_option()};
  a.needs.panel = PanelNeed::Optional;
  a.needs.resampling = true;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string var = o.text("variable");
    const size_t perms = static_cast<size_t>(o.integer("permutations"));
    const Alternative alt = parse_alternative(o.text("alternative"));
    std::string scatter_label;
    rows_of_year(frame, ctx.time, o, scatter_label);
    Outcome out;
    Table t;
    t.title = fmt::format("Moran's I of {} ({} weights)", var, transform_label(s.transform));
    t.header = moran_header();
    out.json = {{"variable", var}, {"transform", s.transform}, {"alternative", o.text("alternative")}, {"permutations", perms},
                {"results", nlohmann::json::array()}};
    t.notes.push_back(fmt::format("E(I) = -1/(n-1), n without the islands (spdep's adjust.n); p-values for the alternative '{}' (spdep); permutation p = (M+1)/(R+1), {} permutations.",
                                  o.text("alternative"), perms));
    each_period(frame, s, var, ctx, t, out.json["results"], [&](const SpatialPeriod& p) {
      const MoranResult m = moran(p.x, p.w, perms, ctx.resampling.seed, ctx.resampling.threads, alt);
      if (p.label == scatter_label) {
        const LocalMoranResult l = local_moran(p.x, p.w, 0, ctx.resampling.seed, 0.05, ctx.resampling.threads);
        out.figures.push_back(moran_scatter("", fmt::format("Moran scatterplot of {}{} (I = {:.3f})", var, p.label == "all" ? "" : ", " + p.label, m.I),
                                            p.ids, l.z_value, l.lag, m.I));
      }
      return std::make_pair(moran_row(p.label, m), to_json(m));
    });
    out.tables.push_back(t);
    return out;
  };
  return a;
}

}  // namespace cbec
