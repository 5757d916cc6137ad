// The GDAL module's functions (frame/gdal_module.hpp says what each does), one file each; they
// report failures in a GdalStatus and may throw only what module.cpp catches at the boundary.
#pragma once
#include <ogr_geometry.h>

#include <memory>

#include "cbec/frame/gdal_module.hpp"

namespace cbec::gdal {

struct GeomDeleter {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using Geom = std::unique_ptr<OGRGeometry, GeomDeleter>;

// The geometry of unit `id` parsed from WKT; null (and `status` set) when it is not valid WKT.
Geom from_wkt(const std::string& wkt, const std::string& id, GdalStatus& status);

GdalStatus read_layer(const std::string& path, const std::string& id_field, Polygons& out);
GdalStatus dissolve(const Polygons& p, const std::vector<size_t>& group, size_t groups, std::vector<std::string>& wkt);
GdalStatus contiguity(const Polygons& p, bool queen, double snap, std::vector<std::pair<size_t, size_t>>& links);
GdalStatus centroids(const Polygons& p, std::vector<double>& x, std::vector<double>& y);
GdalStatus geojson(const Polygons& p, double tolerance, std::vector<std::string>& geometry);

}  // namespace cbec::gdal
