// Area-weighted centroids of polygons (GEOS through OGR; estimate/spatial/centroids.hpp).
#include <fmt/format.h>

#include "cbec/gdal/functions.hpp"

namespace cbec::gdal {

GdalStatus centroids(const Polygons& p, std::vector<double>& x, std::vector<double>& y) {
  GdalStatus status;
  for (size_t i = 0; i < p.ids.size(); ++i) {
    Geom g = from_wkt(p.wkt[i], p.ids[i], status);
    if (!g) return status;
    OGRPoint c;
    if (g->Centroid(&c) != OGRERR_NONE || c.IsEmpty())
      return {GdalStatus::Data, fmt::format("polygon of '{}' has no centroid (empty geometry?)", p.ids[i])};
    x.push_back(c.getX());
    y.push_back(c.getY());
  }
  return status;
}

}  // namespace cbec::gdal
