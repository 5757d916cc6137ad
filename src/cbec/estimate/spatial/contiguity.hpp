// Contiguity weights from polygons (WKT, or any layer GDAL/OGR reads: shapefile, GeoJSON,
// GeoPackage), with GEOS-backed geometry predicates through OGR: queen (the boundaries share at
// least a point, or lie within `snap` of each other) and rook (they share a boundary segment of
// positive length; with snapping, boundaries within `snap` over a positive length). Candidate
// pairs come from a bounding-box sweep, so only nearby polygons are tested.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/spatial/weights.hpp"

namespace cbec {

struct Polygons {
  std::vector<std::string> ids;
  std::vector<std::string> wkt;
};

// Reads id and geometry from a CSV with a WKT column, or from a GDAL vector file (first layer).
Polygons read_polygons(const std::string& path, const std::string& id_field, const std::string& wkt_field = "wkt");

// Dissolves polygons into groups (e.g. cities into provinces) with a GEOS cascaded union; the
// result has one polygon per distinct group label, in order of first appearance.
Polygons dissolve(const Polygons& p, const std::vector<std::string>& group);

SpatialWeights contiguity_weights(const Polygons& p, bool queen = true, double snap = 0.0);

// Link edits from a CSV (a,b,action with action add or remove); returns one line per edit saying
// what changed. Links are symmetric.
std::vector<std::string> apply_edits(SpatialWeights& w, const std::string& path);

}  // namespace cbec
