// lisa: local Moran (LISA) of one period (`year`, default the last): Ii, analytic and conditional
// permutation p-values, optionally adjusted, HH/LL/HL/LH clusters; a cluster map when the units
// have polygons.
#include <fmt/format.h>

#include <map>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

Analysis lisa_analysis() {
  Analysis a;
  a.name = "lisa";
  a.command = "spatial";
  a.summary = "Local Moran (LISA) clusters of one period; cluster map with polygons";
  a.options = {variable_option(), year_option(), permutations_option(), alpha_option(), adjust_option()};
  a.needs.panel = PanelNeed::Optional;
  a.needs.resampling = true;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string var = o.text("variable"), adjust = o.text("adjust");
    const size_t perms = static_cast<size_t>(o.integer("permutations"));
    const double alpha = o.number("alpha");
    std::string label;
    const auto rows = rows_of_year(frame, ctx.time, o, label);
    SpatialPeriod p = spatial_period(frame, s, var, rows, label, ctx.data);
    const LocalMoranResult l = local_moran(p.x, p.w, perms, ctx.resampling.seed, alpha, ctx.resampling.threads);
    const LisaClusters c = lisa_clusters(l, alpha, adjust);
    const std::string when = label == "all" ? "" : ", " + label;
    Outcome out;
    Table t = lisa_table(fmt::format("Local Moran (LISA) of {}{}", var, when), p.ids, l, c, adjust);
    t.notes.push_back(fmt::format("{}; clusters at {}p < {:g}.",
                                  perms ? fmt::format("Conditional permutation pseudo p-values ({} permutations), one-sided folded (M + 1) / (R + 1) as PySAL "
                                                      "and GeoDa: about half spdep localmoran_perm's default two-sided value; the analytic p is two-sided", perms)
                                        : std::string("Analytic p-values (spdep::localmoran, two-sided)"),
                                  adjust.empty() ? "" : adjust + "-adjusted ", alpha));
    add_weights_notes(t, s, {p});
    out.tables.push_back(t);
    if (!s.features.is_null()) {
      std::map<std::string, std::string> cluster;
      std::map<std::string, double> local_i;
      for (size_t i = 0; i < p.ids.size(); ++i) {
        cluster[p.ids[i]] = c.cluster[i];
        local_i[p.ids[i]] = l.Is[i];
      }
      out.figures.push_back(choropleth(fmt::format("LISA clusters of {}{}", var, when), s.features, cluster, local_i, lisa_legend(),
                                       fmt::format("{} Weights: {}.", kApproximateBoundaries, s.w.construction), "local I"));
    }
    out.json = {{"variable", var}, {"period", label}, {"transform", s.transform}, {"permutations", perms}, {"alpha", alpha},
                {"adjust", adjust.empty() ? nlohmann::json(nullptr) : nlohmann::json(adjust)}, {"dropped", p.dropped}, {"islands_created", p.islands_created},
                {"units", lisa_units_json(p.ids, l, c)}};
    return out;
  };
  return a;
}

}  // namespace cbec
