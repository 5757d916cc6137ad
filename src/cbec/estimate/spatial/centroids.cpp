#include "cbec/estimate/spatial/centroids.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "cbec/core/error.hpp"

namespace cbec {

Points polygon_centroids(const Polygons& p, bool lonlat) {
  Points out;
  out.lonlat = lonlat;
  for (size_t i = 0; i < p.ids.size(); ++i) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(p.wkt[i].c_str(), nullptr, &g) != OGRERR_NONE || !g)
      throw DataError(fmt::format("polygon of '{}' is not valid WKT", p.ids[i]));
    OGRPoint c;
    const OGRErr err = g->Centroid(&c);
    OGRGeometryFactory::destroyGeometry(g);
    if (err != OGRERR_NONE || c.IsEmpty()) throw DataError(fmt::format("polygon of '{}' has no centroid (empty geometry?)", p.ids[i]));
    out.ids.push_back(p.ids[i]);
    out.x.push_back(c.getX());
    out.y.push_back(c.getY());
  }
  return out;
}

}  // namespace cbec
