#include "cbec/report/polygon_geojson.hpp"

#include "cbec/frame/gdal_module.hpp"

namespace cbec {

nlohmann::json polygons_to_geojson(const Polygons& p, double tolerance) {
  std::vector<std::string> geometry;
  throw_if_failed(gdal_module().geojson(p, tolerance, geometry));
  nlohmann::json features = nlohmann::json::array();
  for (size_t i = 0; i < p.ids.size(); ++i)
    features.push_back({{"type", "Feature"}, {"id", p.ids[i]}, {"properties", {{"id", p.ids[i]}}}, {"geometry", nlohmann::json::parse(geometry[i])}});
  return features;
}

}  // namespace cbec
