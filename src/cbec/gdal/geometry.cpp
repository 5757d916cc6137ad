#include <fmt/format.h>

#include "cbec/gdal/functions.hpp"

namespace cbec::gdal {

Geom from_wkt(const std::string& wkt, const std::string& id, GdalStatus& status) {
  OGRGeometry* g = nullptr;
  if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE || !g) {
    status = {GdalStatus::Data, fmt::format("polygon of '{}' is not valid WKT", id)};
    return nullptr;
  }
  return Geom(g);
}

}  // namespace cbec::gdal
