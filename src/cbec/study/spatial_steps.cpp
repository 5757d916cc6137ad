#include "cbec/study/spatial_steps.hpp"

#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/centroids.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/polygon_geojson.hpp"

namespace cbec {

namespace {

// The units of the data: the key column's values.
std::set<std::string> data_units(const Frame& frame, const std::string& key) {
  const Column& c = frame.get(key);
  std::set<std::string> out;
  for (size_t i = 0; i < frame.nrows(); ++i)
    if (!c.is_missing(i)) out.insert(c.text(i));
  return out;
}

// The positions in `ids` of the data's units, in the order of `ids`; every unit of the data must be there.
std::vector<size_t> positions_of_units(const std::vector<std::string>& ids, std::set<std::string> wanted, const std::string& key,
                                       const std::string& source, const std::string& what) {
  std::vector<size_t> out;
  for (size_t i = 0; i < ids.size(); ++i)
    if (wanted.erase(ids[i])) out.push_back(i);
  if (!wanted.empty())
    throw DataError(fmt::format("{} unit{} of the data ('{}') have no {} in {}: {}; set key to the data column that holds its ids", wanted.size(),
                                wanted.size() == 1 ? "" : "s", key, what, source, fmt::join(wanted, ", ")));
  return out;
}

Polygons polygons_of_units(const std::string& file, const std::string& id, const std::string& dissolve_by, const Frame& frame, const std::string& key) {
  Polygons all = read_polygons(file, dissolve_by.empty() ? id : dissolve_by, "wkt", !dissolve_by.empty());
  if (!dissolve_by.empty()) all = dissolve(all, all.ids);
  Polygons mine;
  for (size_t i : positions_of_units(all.ids, data_units(frame, key), key, file + " (field '" + (dissolve_by.empty() ? id : dissolve_by) + "')", "polygon")) {
    mine.ids.push_back(all.ids[i]);
    mine.wkt.push_back(all.wkt[i]);
  }
  return mine;
}

// A weights file restricted to the data's units.
SpatialWeights file_on_units(const std::string& file, const Frame& frame, const std::string& key) {
  const SpatialWeights all = read_weights(file);
  const std::vector<size_t> keep = positions_of_units(all.ids, data_units(frame, key), key, file, "row");
  std::unordered_map<long, long> pos;
  for (size_t i = 0; i < keep.size(); ++i) pos[static_cast<long>(keep[i])] = static_cast<long>(i);
  std::vector<Eigen::Triplet<double>> t;
  for (size_t i = 0; i < keep.size(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(all.W, static_cast<long>(keep[i])); it; ++it)
      if (auto j = pos.find(it.col()); j != pos.end()) t.emplace_back(static_cast<long>(i), j->second, it.value());
  SpatialWeights w;
  for (size_t i : keep) w.ids.push_back(all.ids[i]);
  w.construction = all.construction.empty() ? "weights file " + file : all.construction;
  w.W.resize(static_cast<long>(keep.size()), static_cast<long>(keep.size()));
  w.W.setFromTriplets(t.begin(), t.end());
  return w;
}

void note_islands(SpatialSetup& ctx) {
  std::vector<std::string> islands;
  for (Eigen::Index i = 0; i < ctx.w.W.rows(); ++i)
    if (ctx.w.W.row(i).nonZeros() == 0) islands.push_back(ctx.w.ids[static_cast<size_t>(i)]);
  if (!islands.empty())
    ctx.notes.push_back(fmt::format("Island{} without neighbours (left unlinked; their spatial lag is 0): {}.", islands.size() == 1 ? "" : "s", fmt::join(islands, ", ")));
}

}  // namespace

SpatialSetup build_named_weights(const WeightsSpec& g, const StudySpec& s, const Frame& frame) {
  SpatialSetup ctx;
  ctx.key = g.key.empty() ? s.unit : g.key;
  ctx.transform = g.transform;
  Polygons polygons;
  if (!g.polygons.empty()) {
    polygons = polygons_of_units(g.polygons, g.id, g.dissolve, frame, ctx.key);
    ctx.features = polygons_to_geojson(polygons);
  }
  if (g.type == "queen" || g.type == "rook") {
    ctx.w = contiguity_weights(polygons, g.type == "queen", g.snap);
  } else if (g.type == "file") {
    ctx.w = file_on_units(g.file, frame, ctx.key);
  } else {
    Points p;
    if (!g.points.empty()) {
      const Frame pts = read_table(g.points);
      std::vector<std::string> ids;
      for (size_t i = 0; i < pts.nrows(); ++i) ids.push_back(pts.get(g.id).text(i));
      const auto& x = pts.numeric(g.x);
      const auto& y = pts.numeric(g.y);
      for (size_t i : positions_of_units(ids, data_units(frame, ctx.key), ctx.key, g.points + " (column '" + g.id + "')", "point")) {
        p.ids.push_back(ids[i]);
        p.x.push_back(x[i]);
        p.y.push_back(y[i]);
      }
      p.lonlat = !g.projected;
      p.ellipsoid = g.ellipsoid;
    } else {
      p = polygon_centroids(polygons, !g.projected, g.ellipsoid);
      ctx.notes.push_back(fmt::format("Distances between the polygons' centroids{}.", g.projected ? "" : g.ellipsoid ? " (on the WGS-84 ellipsoid)" : " (great-circle)"));
    }
    if (g.type == "knn") ctx.w = knn_weights(p, g.k);
    else if (g.type == "idw") ctx.w = inverse_distance_weights(p, g.power, g.threshold);
    else ctx.w = distance_band_weights(p, g.threshold);
  }
  if (!g.edits.empty())
    for (const auto& line : apply_edits(ctx.w, read_link_edits(g.edits))) ctx.notes.push_back("Link edit: " + line);
  note_islands(ctx);
  ctx.notes.insert(ctx.notes.begin(), fmt::format("Weights {}: {}.", g.name, ctx.w.construction));
  return ctx;
}

SpatialSetup build_spatial_context(const StudySpec& s, const Frame& frame) {
  const SpatialSpec& g = *s.spatial;
  SpatialSetup ctx;
  ctx.key = g.key.empty() ? s.unit : g.key;
  ctx.transform = g.transform;
  const Polygons mine = polygons_of_units(g.polygons, g.id, g.dissolve, frame, ctx.key);
  ctx.w = contiguity_weights(mine, g.contiguity == "queen", g.snap);
  if (!g.edits.empty())
    for (const auto& line : apply_edits(ctx.w, read_link_edits(g.edits))) ctx.notes.push_back("Link edit: " + line);
  note_islands(ctx);
  ctx.features = polygons_to_geojson(mine);
  return ctx;
}

}  // namespace cbec
