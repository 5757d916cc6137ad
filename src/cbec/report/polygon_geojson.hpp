// Polygons as GeoJSON features for maps: each WKT geometry parsed by GDAL/OGR, simplified with
// GEOS's topology-preserving Douglas-Peucker (OGR SimplifyPreserveTopology) so a report page stays
// small, and exported with the unit id as the feature's "id" and properties.id.
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/frame/polygons.hpp"

namespace cbec {

// tolerance in the polygons' units (degrees for longitude/latitude; 0 keeps every vertex).
nlohmann::json polygons_to_geojson(const Polygons& polygons, double tolerance = 0.01);

}  // namespace cbec
