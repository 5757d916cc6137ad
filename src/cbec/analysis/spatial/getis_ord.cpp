// gi and gistar: Getis-Ord local Gi and Gi* z-scores of one period (`year`, default the last), hot
// and cold spots from one classification (report/spatial_tables.hpp: hot_spots) used by the table,
// the map and the JSON.
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

namespace {

Analysis getis_ord_analysis(bool star) {
  Analysis a;
  a.name = star ? "gistar" : "gi";
  a.command = "spatial";
  a.summary = star ? "Getis-Ord Gi* hot and cold spots of one period (the unit included); map with polygons"
                   : "Getis-Ord Gi hot and cold spots of one period (the unit excluded); map with polygons";
  a.options = {variable_option(), year_option(), alpha_option(), adjust_option()};
  if (star)
    a.options.push_back(number_option("self_weight", std::numeric_limits<double>::quiet_NaN(),
                                      "Each unit's weight in its own neighbourhood, on the weights' original scale (default 1, for 0/1 "
                                      "weights; needed for inverse-distance and other weights, e.g. their largest weight)",
                                      1e-300));
  a.needs.panel = PanelNeed::Optional;
  a.needs.spatial = true;
  a.run = [star](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string var = o.text("variable"), adjust = o.text("adjust");
    const double alpha = o.number("alpha");
    const std::string stat = star ? "Gi*" : "Gi";
    std::string label;
    const auto rows = rows_of_year(frame, ctx.time, o, label);
    SpatialPeriod p = spatial_period(frame, s, var, rows, label, ctx.data);
    const double self_weight = star && o.has("self_weight") ? o.number("self_weight") : std::numeric_limits<double>::quiet_NaN();
    const GetisOrdResult g = getis_ord(p.x, p.w, star, self_weight);
    const HotSpots h = hot_spots(g, alpha, adjust);
    const std::string when = label == "all" ? "" : ", " + label;
    Outcome out;
    Table t = hot_spot_table(fmt::format("Getis-Ord {} of {}{}", stat, var, when), p.ids, g, h, adjust);
    t.notes.push_back(fmt::format("Getis-Ord {} (Getis and Ord 1992; Ord and Getis 1995) as spdep::localG{}; two-sided normal p-values{}; "
                                  "spot: p < {:g}; band: p < 0.01, 0.05, 0.10.",
                                  stat, star ? fmt::format(" with the unit itself included (self-weight {:g})", std::isnan(self_weight) ? 1.0 : self_weight) : "", adjust.empty() ? "" : ", " + adjust + "-adjusted", alpha));
    add_weights_notes(t, s, {p});
    out.tables.push_back(t);
    if (!s.features.is_null()) {
      std::map<std::string, std::string> band;
      std::map<std::string, double> z;
      for (size_t i = 0; i < p.ids.size(); ++i) {
        band[p.ids[i]] = h.band[i];
        z[p.ids[i]] = g.z[i];
      }
      out.figures.push_back(choropleth(fmt::format("Getis-Ord {} hot and cold spots of {}{}", stat, var, when), s.features, band, z, hot_spot_legend(),
                                       fmt::format("{} Weights: {}.", kApproximateBoundaries, s.w.construction), "z"));
    }
    out.json = {{"variable", var}, {"period", label}, {"transform", s.transform}, {"alpha", alpha},
                {"adjust", adjust.empty() ? nlohmann::json(nullptr) : nlohmann::json(adjust)}, {"dropped", p.dropped}, {"islands_created", p.islands_created},
                {"units", hot_spot_units_json(p.ids, g, h)}};
    return out;
  };
  return a;
}

}  // namespace

Analysis gi_analysis() { return getis_ord_analysis(false); }
Analysis gistar_analysis() { return getis_ord_analysis(true); }

}  // namespace cbec
