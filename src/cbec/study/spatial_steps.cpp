#include "cbec/study/spatial_steps.hpp"

#include <fmt/format.h>

#include <set>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/polygon_geojson.hpp"

namespace cbec {

namespace {

const std::string& key_of(const StudySpec& s) { return s.spatial->key.empty() ? s.unit : s.spatial->key; }

}  // namespace

SpatialSetup build_spatial_context(const StudySpec& s, const Frame& frame) {
  const SpatialSpec& g = *s.spatial;
  Polygons all = read_polygons(g.polygons, g.dissolve.empty() ? g.id : g.dissolve, "wkt", !g.dissolve.empty());
  if (!g.dissolve.empty()) all = dissolve(all, all.ids);
  const Column& key = frame.get(key_of(s));
  std::set<std::string> wanted;
  for (size_t i = 0; i < frame.nrows(); ++i)
    if (!key.is_missing(i)) wanted.insert(key.text(i));
  Polygons mine;
  for (size_t i = 0; i < all.ids.size(); ++i)
    if (wanted.erase(all.ids[i])) {
      mine.ids.push_back(all.ids[i]);
      mine.wkt.push_back(all.wkt[i]);
    }
  if (!wanted.empty())
    throw DataError(fmt::format("{} unit{} of the data ('{}') have no polygon in {} (field '{}'): {}; set [spatial] key to the data column that holds the polygons' ids",
                                wanted.size(), wanted.size() == 1 ? "" : "s", key_of(s), g.polygons, g.dissolve.empty() ? g.id : g.dissolve, fmt::join(wanted, ", ")));
  SpatialSetup ctx;
  ctx.key = key_of(s);
  ctx.transform = g.transform;
  ctx.w = contiguity_weights(mine, g.contiguity == "queen", g.snap);
  if (!g.edits.empty())
    for (const auto& line : apply_edits(ctx.w, read_link_edits(g.edits))) ctx.notes.push_back("Link edit: " + line);
  std::vector<std::string> islands;
  for (Eigen::Index i = 0; i < ctx.w.W.rows(); ++i)
    if (ctx.w.W.row(i).nonZeros() == 0) islands.push_back(ctx.w.ids[static_cast<size_t>(i)]);
  if (!islands.empty())
    ctx.notes.push_back(fmt::format("Island{} without neighbours (left unlinked; their spatial lag is 0): {}.", islands.size() == 1 ? "" : "s", fmt::join(islands, ", ")));
  ctx.features = polygons_to_geojson(mine);
  return ctx;
}

}  // namespace cbec
