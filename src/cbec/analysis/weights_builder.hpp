// Spatial weights as `cbec weights` and Python's cbec.weights build them: from coordinates (knn,
// distance band, inverse distance), economic distance or polygons (queen, rook), or read from a
// file; then link islands, edits, symmetrize, audit and transform, with one summary table and JSON.
// The command line and Python only gather the request.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "cbec/frame/frame.hpp"
#include "cbec/frame/spatial_weights.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

struct WeightsRequest {
  std::string type = "knn", id, x = "lon", y = "lat", wkt = "wkt", edits, var, file, transform = "B";
  bool projected = false, link_islands = false, matrix = false, symmetrize = false;
  bool ellipsoid = false;  // lon/lat distances on the WGS-84 ellipsoid (spdep longlat = TRUE), not the sphere
  double snap = 0, threshold = 0, power = 1;
  int k = 4;
};

struct BuiltWeights {
  SpatialWeights w;
  Table table;
  nlohmann::json json;
};

// `polygons`: the data file for queen/rook ("" when the data is not a file); `data`: loads the table
// of points or values.
BuiltWeights build_weights(const WeightsRequest& o, const std::string& polygons, const std::function<Frame()>& data);

}  // namespace cbec
