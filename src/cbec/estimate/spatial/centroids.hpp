// The centroids of units' polygons, as points for distance-based weights (inverse distance, kNN).
#pragma once
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/frame/polygons.hpp"

namespace cbec {

// Area-weighted centroid of each polygon (GEOS, in the polygons' own coordinates: for lon/lat a
// planar centroid in degrees, which for units of a country's size differs from the spherical
// centroid by far less than the distances between units). lonlat: distances are great-circle;
// ellipsoid: on the WGS-84 ellipsoid rather than the sphere.
Points polygon_centroids(const Polygons& p, bool lonlat, bool ellipsoid = false);

}  // namespace cbec
