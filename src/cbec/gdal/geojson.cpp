// Polygons as GeoJSON geometries for maps (report/polygon_geojson.hpp): simplified with GEOS's
// topology-preserving Douglas-Peucker (OGR SimplifyPreserveTopology), oriented for d3.
#include <cpl_conv.h>
#include <fmt/format.h>

#include "cbec/gdal/functions.hpp"

namespace cbec::gdal {

namespace {

// d3-geo, which Vega draws maps with, reads rings on the sphere: an exterior ring must run
// clockwise and a hole counter-clockwise, or the polygon covers the rest of the globe.
void orient_for_d3(OGRPolygon* poly) {
  for (int r = 0; r <= poly->getNumInteriorRings(); ++r) {
    OGRLinearRing* ring = r == 0 ? poly->getExteriorRing() : poly->getInteriorRing(r - 1);
    if (ring && (ring->isClockwise() != (r == 0))) ring->reverseWindingOrder();
  }
}

void orient_for_d3(OGRGeometry* g) {
  const auto type = wkbFlatten(g->getGeometryType());
  if (type == wkbPolygon) orient_for_d3(g->toPolygon());
  else if (type == wkbMultiPolygon)
    for (auto* part : *g->toMultiPolygon()) orient_for_d3(part);
}

}  // namespace

GdalStatus geojson(const Polygons& p, double tolerance, std::vector<std::string>& geometry) {
  GdalStatus status;
  for (size_t i = 0; i < p.ids.size(); ++i) {
    Geom g = from_wkt(p.wkt[i], p.ids[i], status);
    if (!g) return {GdalStatus::Data, fmt::format("the geometry of '{}' is not valid WKT", p.ids[i])};
    if (tolerance > 0) {
      if (OGRGeometry* s = g->SimplifyPreserveTopology(tolerance)) g.reset(s);
    }
    orient_for_d3(g.get());
    char* text = g->exportToJson();
    geometry.emplace_back(text);
    CPLFree(text);
  }
  return status;
}

}  // namespace cbec::gdal
