#include "cbec/io/polygons_reader.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

Polygons read_polygons(const std::string& path, const std::string& id_field, const std::string& wkt_field) {
  Polygons p;
  const bool csv = path.size() > 4 && path.substr(path.size() - 4) == ".csv";
  if (csv) {
    CsvOptions o;
    o.string_columns = {id_field, wkt_field};
    Frame f = read_csv(path, o);
    for (size_t i = 0; i < f.nrows(); ++i) {
      p.ids.push_back(f.get(id_field).text(i));
      p.wkt.push_back(f.get(wkt_field).text(i));
    }
    return p;
  }
  GDALAllRegister();
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  if (!ds || ds->GetLayerCount() == 0) throw DataError(fmt::format("cannot read polygons from '{}' (shapefile, GeoJSON, GeoPackage or CSV with WKT)", path));
  OGRLayer* layer = ds->GetLayer(0);
  const int field = layer->GetLayerDefn()->GetFieldIndex(id_field.c_str());
  if (field < 0) throw DataError(fmt::format("'{}' has no field '{}'", path, id_field));
  for (auto& feature : *layer) {
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) throw DataError(fmt::format("'{}': feature {} has no geometry", path, feature->GetFID()));
    p.ids.emplace_back(feature->GetFieldAsString(field));
    p.wkt.push_back(g->exportToWkt());
  }
  return p;
}

std::vector<LinkEdit> read_link_edits(const std::string& path) {
  CsvOptions o;
  o.string_columns = {"a", "b", "action"};
  Frame f = read_csv(path, o);
  std::vector<LinkEdit> edits;
  for (size_t r = 0; r < f.nrows(); ++r) {
    const std::string action = f.get("action").text(r);
    const std::string where = fmt::format("{} line {}", path, r + 2);
    if (action != "add" && action != "remove") throw DataError(fmt::format("{}: action must be add or remove", where));
    edits.push_back({f.get("a").text(r), f.get("b").text(r), action == "add", where});
  }
  return edits;
}

}  // namespace cbec
