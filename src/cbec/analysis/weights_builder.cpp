#include "cbec/analysis/weights_builder.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/centroids.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

namespace {
// The units' ids, a row each: an empty or repeated id is refused by data line (a unit's two rows
// would be linked to each other as two units, and the saved file could not be read back).
std::vector<std::string> ids_of(const Frame& f, const std::string& id) {
  std::vector<std::string> ids;
  std::unordered_map<std::string, size_t> first_row;
  const Column& c = f.get(id);
  for (size_t i = 0; i < f.nrows(); ++i) {
    std::string unit = c.text(i);
    if (unit.empty()) throw DataError(fmt::format("the unit id '{}' is missing on data line {}: weights need the id of every unit", id, f.line(i)));
    const auto [at, fresh] = first_row.emplace(unit, i);
    if (!fresh)
      throw DataError(fmt::format("unit '{}' of '{}' is on data lines {} and {}: weights take one row per unit (one period of a panel)", unit, id,
                                  f.line(at->second), f.line(i)));
    ids.push_back(std::move(unit));
  }
  if (ids.size() < 2) throw DataError(fmt::format("weights need at least two units; the data has {}", ids.size()));
  return ids;
}
}  // namespace

BuiltWeights build_weights(const WeightsRequest& o, const std::string& polygons, const std::function<Frame()>& data) {
  BuiltWeights b;
  SpatialWeights& w = b.w;
  std::vector<std::string> edit_report;
  if (!o.file.empty()) {
    w = read_weights(o.file, o.matrix);
  } else if (!data || o.id.empty()) {
    throw SpecError("give the data and its unit id column (or a weights file to read)");
  } else if (o.type == "queen" || o.type == "rook") {
    if (polygons.empty()) throw SpecError(fmt::format("type '{}' reads polygons: give the polygons' file (CSV with WKT or a GDAL vector file)", o.type));
    const Polygons units = read_polygons(polygons, o.id, o.wkt);
    w = contiguity_weights(units, o.type == "queen", o.snap);
    // An island (Zhoushan) linked to the unit of the nearest centroid.
    if (o.link_islands)
      for (const auto& l : link_islands(w, polygon_centroids(units, !o.projected, o.ellipsoid))) edit_report.push_back("island linked: " + l);
  } else if (o.type == "econ") {
    const Frame f = data();
    if (o.var.empty()) throw SpecError("type 'econ' needs the variable of the economic distance (var)");
    w = economic_distance_weights(ids_of(f, o.id), f.numeric(o.var));
  } else {
    const Frame f = data();
    Points p;
    p.ids = ids_of(f, o.id);
    p.x = f.numeric(o.x);
    p.y = f.numeric(o.y);
    p.lonlat = !o.projected;
    p.ellipsoid = o.ellipsoid;
    if (o.type == "knn") w = knn_weights(p, o.k);
    else if (o.type == "band") w = distance_band_weights(p, o.threshold);
    else if (o.type == "idw") w = inverse_distance_weights(p, o.power, o.threshold);
    else throw SpecError(fmt::format("type '{}' is unknown; use knn, band, idw, econ, queen or rook", o.type));
    if (o.link_islands)  // the new link weighted as the others: 1, or d^-power for inverse distance
      for (const auto& l : link_islands(w, p, o.type == "idw" ? o.power : 0)) edit_report.push_back("island linked: " + l);
  }
  if (!o.edits.empty())
    for (const auto& e : apply_edits(w, read_link_edits(o.edits))) edit_report.push_back(e);
  if (o.symmetrize) w = symmetrize(w);
  const std::vector<std::string> audit = audit_notes(audit_weights(w));
  if (o.transform == "R") w = row_standardize(w);
  else if (o.transform == "S") w = variance_stabilize(w);
  else if (o.transform != "B") throw SpecError("the transform must be B, R or S");
  const WeightsSummary s = summarize_weights(w);
  b.table = weights_table(fmt::format("Spatial weights: {}{}", w.construction, o.transform == "R" ? ", row-standardized" : o.transform == "S" ? ", variance-stabilized" : ""), s);
  for (const auto& e : edit_report) b.table.notes.push_back("Edit: " + e);
  for (const auto& a : audit) b.table.notes.push_back(a);
  b.json = {{"cbec", CBEC_VERSION}, {"command", "weights"}, {"construction", w.construction}, {"transform", o.transform}};
  b.json.update(to_json(s));
  if (!audit.empty()) b.json["notes"] = audit;
  return b;
}

}  // namespace cbec
