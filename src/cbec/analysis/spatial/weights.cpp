// weights: the structure of the spatial weights on the data's units (--w/--id, or the study's
// [spatial] section), after the transform: units, links, neighbours, symmetry, islands. Building
// weights from coordinates or polygons and saving them is `cbec weights` (cli/cmd_weights.cpp).
#include <fmt/format.h>

#include <unordered_set>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

Analysis weights_analysis() {
  Analysis a;
  a.name = "weights";
  a.command = "spatial";
  a.summary = "Summary of the spatial weights on the data's units (links, neighbours, symmetry, islands)";
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options&, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    check_units(frame, s, ctx.data);
    const Column& key = frame.get(s.key);
    std::unordered_set<std::string> seen;
    std::vector<std::string> ids;
    for (size_t r = 0; r < frame.nrows(); ++r)
      if (!key.is_missing(r) && seen.insert(key.text(r)).second) ids.push_back(key.text(r));
    const SpatialWeights w = weights_on(s, ids);
    const WeightsSummary sum = summarize_weights(w);
    Outcome out;
    Table t = weights_table(fmt::format("Spatial weights: {}, {}", s.w.construction, transform_label(s.transform)), sum);
    for (const auto& n : s.notes) t.notes.push_back(n);
    out.tables.push_back(t);
    out.json = {{"transform", s.transform}};
    out.json.update(to_json(sum));
    return out;
  };
  return a;
}

}  // namespace cbec
