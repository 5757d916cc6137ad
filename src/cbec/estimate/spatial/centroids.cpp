#include "cbec/estimate/spatial/centroids.hpp"

#include "cbec/frame/gdal_module.hpp"

namespace cbec {

Points polygon_centroids(const Polygons& p, bool lonlat, bool ellipsoid) {
  Points out;
  out.lonlat = lonlat;
  out.ellipsoid = ellipsoid;
  throw_if_failed(gdal_module().centroids(p, out.x, out.y));
  out.ids = p.ids;
  return out;
}

}  // namespace cbec
