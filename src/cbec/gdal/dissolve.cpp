// Dissolving polygons into groups with a GEOS cascaded union (estimate/spatial/contiguity.hpp).
#include <ogrsf_frmts.h>

#include "cbec/gdal/functions.hpp"

namespace cbec::gdal {

GdalStatus dissolve(const Polygons& p, const std::vector<size_t>& group, size_t groups, std::vector<std::string>& wkt) {
  GdalStatus status;
  std::vector<std::unique_ptr<OGRMultiPolygon>> parts;
  for (size_t g = 0; g < groups; ++g) parts.push_back(std::make_unique<OGRMultiPolygon>());
  for (size_t i = 0; i < p.ids.size(); ++i) {
    Geom g = from_wkt(p.wkt[i], p.ids[i], status);
    if (!g) return status;
    OGRGeometry* flat = g.release();
    if (wkbFlatten(flat->getGeometryType()) == wkbMultiPolygon) {
      for (auto* poly : *flat->toMultiPolygon()) parts[group[i]]->addGeometry(poly);
      OGRGeometryFactory::destroyGeometry(flat);
    } else {
      parts[group[i]]->addGeometryDirectly(flat);
    }
  }
  for (auto& part : parts) {
    Geom u(part->UnionCascaded());
    if (!u) return {GdalStatus::Numeric, "the union of polygons failed (invalid geometries?)"};
    wkt.push_back(u->exportToWkt());
  }
  return status;
}

}  // namespace cbec::gdal
