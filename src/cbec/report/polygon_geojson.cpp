#include "cbec/report/polygon_geojson.hpp"

#include <fmt/format.h>
#include <ogr_api.h>
#include <ogr_geometry.h>

#include <memory>

#include "cbec/core/error.hpp"

namespace cbec {

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

nlohmann::json polygons_to_geojson(const Polygons& p, double tolerance) {
  nlohmann::json features = nlohmann::json::array();
  for (size_t i = 0; i < p.ids.size(); ++i) {
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkt(p.wkt[i].c_str(), nullptr, &raw) != OGRERR_NONE || !raw)
      throw DataError(fmt::format("the geometry of '{}' is not valid WKT", p.ids[i]));
    std::unique_ptr<OGRGeometry, void (*)(OGRGeometry*)> g(raw, [](OGRGeometry* x) { OGRGeometryFactory::destroyGeometry(x); });
    if (tolerance > 0) {
      if (OGRGeometry* s = g->SimplifyPreserveTopology(tolerance)) g.reset(s);
    }
    orient_for_d3(g.get());
    char* text = g->exportToJson();
    nlohmann::json geometry = nlohmann::json::parse(text);
    CPLFree(text);
    features.push_back({{"type", "Feature"}, {"id", p.ids[i]}, {"properties", {{"id", p.ids[i]}}}, {"geometry", geometry}});
  }
  return features;
}

}  // namespace cbec
