// map: a choropleth of a variable in one period (`year`, default the last) in classes (natural
// breaks by default), from the units' polygons ([spatial] polygons); without polygons (command
// line) the classes are tabled and no map is drawn.
#include <fmt/format.h>

#include <map>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

OptionSpec class_method_option();
OptionSpec classes_option();

Analysis map_analysis() {
  Analysis a;
  a.name = "map";
  a.command = "spatial";
  a.summary = "Choropleth map of a variable in classes for one period (needs polygons: a study's [spatial] section)";
  a.options = {variable_option(), year_option(), class_method_option(), classes_option()};
  a.needs.panel = PanelNeed::Optional;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string var = o.text("variable"), method = o.text("method");
    std::string label;
    const auto rows = rows_of_year(frame, ctx.time, o, label);
    const SpatialPeriod p = spatial_period(frame, s, var, rows, label, ctx.data);
    const Classification c = classify(p.x, method, static_cast<int>(o.integer("classes")));
    const size_t k = c.breaks.size() - 1;
    const std::string when = label == "all" ? "" : ", " + label;
    Outcome out;
    Table t = classes_table(fmt::format("{} of {}{} ({} classes, {})", method == "fisher" || method == "jenks" ? "Natural breaks" : "Classes", var, when, k, method),
                            c, p.ids);
    if (s.features.is_null()) t.notes.push_back("No polygons (a study's [spatial] polygons draw the map): classes only.");
    add_weights_notes(t, s, {p});
    out.tables.push_back(t);
    if (!s.features.is_null()) {
      MapLegend legend;
      legend.title = var;
      for (size_t j = 0; j < k; ++j) legend.categories.push_back(fmt::format("{:.3f} - {:.3f}", c.breaks[j], c.breaks[j + 1]));
      legend.colors = blues(k);
      std::map<std::string, std::string> cls;
      std::map<std::string, double> value;
      for (size_t i = 0; i < p.ids.size(); ++i) {
        cls[p.ids[i]] = legend.categories[static_cast<size_t>(c.cls[i])];
        value[p.ids[i]] = p.x[i];
      }
      out.figures.push_back(choropleth(fmt::format("{} of {}{}", method == "fisher" || method == "jenks" ? "Natural breaks" : "Classes", var, when),
                                       s.features, cls, value, legend, fmt::format("{} Weights: {}.", kApproximateBoundaries, s.w.construction), var));
    }
    out.json = {{"variable", var}, {"period", label}, {"method", c.method}, {"breaks", c.breaks}, {"class", c.cls}, {"ids", p.ids}, {"dropped", p.dropped}, {"islands_created", p.islands_created}};
    return out;
  };
  return a;
}

}  // namespace cbec
