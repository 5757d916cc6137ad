// Contiguity weights from polygons (WKT, or any layer GDAL/OGR reads: shapefile, GeoJSON,
// GeoPackage), with GEOS-backed geometry predicates through OGR: queen (the boundaries share at
// least a point, or lie within `snap` of each other) and rook (they share a boundary segment of
// positive length; with snapping, boundaries within `snap` over a positive length). Candidate
// pairs come from a bounding-box sweep, so only nearby polygons are tested.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/polygons.hpp"
#include "cbec/frame/spatial_weights.hpp"

namespace cbec {

// Dissolves polygons into groups (e.g. cities into provinces) with a GEOS cascaded union; the
// result has one polygon per distinct group label, in order of first appearance.
Polygons dissolve(const Polygons& p, const std::vector<std::string>& group);

SpatialWeights contiguity_weights(const Polygons& p, bool queen = true, double snap = 0.0);

// Applies link edits (io/polygons_reader.hpp reads them from a file); returns one line per edit
// saying what changed. Links are symmetric.
std::vector<std::string> apply_edits(SpatialWeights& w, const std::vector<LinkEdit>& edits);

}  // namespace cbec
