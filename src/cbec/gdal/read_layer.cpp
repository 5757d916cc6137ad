// The first layer of a vector file GDAL reads (shapefile, GeoJSON, GeoPackage): ids and WKT
// (io/polygons_reader.hpp checks the file's parts and the ids).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <ogrsf_frmts.h>

#include "cbec/gdal/functions.hpp"

namespace cbec::gdal {

namespace {

// GDAL's error messages during a call, collected instead of printed to stderr, so that cbec's
// message can carry them.
class GdalMessages {
 public:
  GdalMessages() { CPLPushErrorHandlerEx(&GdalMessages::collect, this); }
  ~GdalMessages() { CPLPopErrorHandler(); }
  GdalMessages(const GdalMessages&) = delete;
  GdalMessages& operator=(const GdalMessages&) = delete;
  std::string text() const { return messages_.empty() ? "" : fmt::format(" (GDAL: {})", fmt::join(messages_, "; ")); }
  bool failed() const { return failed_; }

 private:
  static void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
    if (!self || level < CE_Warning) return;
    if (level >= CE_Failure) self->failed_ = true;
    if (message && self->messages_.size() < 5) self->messages_.emplace_back(message);
  }
  std::vector<std::string> messages_;
  bool failed_ = false;
};

}  // namespace

GdalStatus read_layer(const std::string& path, const std::string& id_field, Polygons& p) {
  GDALAllRegister();
  GdalMessages gdal;
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  if (!ds || ds->GetLayerCount() == 0)
    return {GdalStatus::Data, fmt::format("cannot read polygons from '{}' (shapefile, GeoJSON, GeoPackage or CSV with WKT){}", path, gdal.text())};
  OGRLayer* layer = ds->GetLayer(0);
  const int field = layer->GetLayerDefn()->GetFieldIndex(id_field.c_str());
  if (field < 0) return {GdalStatus::Data, fmt::format("'{}' has no field '{}'", path, id_field)};
  for (auto& feature : *layer) {
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) return {GdalStatus::Data, fmt::format("'{}': feature {} has no geometry{}", path, feature->GetFID(), gdal.text())};
    p.ids.emplace_back(feature->GetFieldAsString(field));
    p.wkt.push_back(g->exportToWkt());
  }
  if (gdal.failed() || (!gdal.text().empty() && p.ids.empty()))
    return {GdalStatus::Data, fmt::format("cannot read polygons from '{}': the file is damaged or incomplete{}", path, gdal.text())};
  return {};
}

}  // namespace cbec::gdal
