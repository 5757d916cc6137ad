// cbec's GDAL/OGR code (reading vector files, contiguity, dissolving, centroids, GeoJSON of
// polygons) is a separate shared module, libcbec_gdal.so (src/cbec/gdal/), loaded with dlopen the
// first time polygons are handled. The program, the tests and the Python module do not link GDAL,
// whose ~110 shared libraries the dynamic loader would otherwise resolve at every start.
// The module takes and returns plain values (polygons as WKT) and throws nothing: its outcome is a
// GdalStatus, turned into cbec's errors on this side.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "cbec/frame/polygons.hpp"

namespace cbec {

struct GdalStatus {
  enum Kind { Ok, Data, Numeric } kind = Ok;
  std::string message;
};

// The module's functions. `version` refuses a module from another build of cbec.
struct GdalModule {
  int version;
  // The first layer of a GDAL vector file (shapefile, GeoJSON, GeoPackage): each feature's
  // `id_field` and its geometry as WKT, GDAL's own messages in the error.
  GdalStatus (*read_layer)(const std::string& path, const std::string& id_field, Polygons& out);
  // The GEOS cascaded union of each group's polygons (group[i] in 0..groups-1), as WKT.
  GdalStatus (*dissolve)(const Polygons& p, const std::vector<size_t>& group, size_t groups, std::vector<std::string>& wkt);
  // The pairs (i, j), i != j once each, of contiguous polygons (estimate/spatial/contiguity.hpp);
  // a successful status's message names the invalid polygons it repaired first.
  GdalStatus (*contiguity)(const Polygons& p, bool queen, double snap, std::vector<std::pair<size_t, size_t>>& links);
  // Area-weighted centroids.
  GdalStatus (*centroids)(const Polygons& p, std::vector<double>& x, std::vector<double>& y);
  // Each polygon simplified (tolerance > 0), oriented for d3, as a GeoJSON geometry (text).
  GdalStatus (*geojson)(const Polygons& p, double tolerance, std::vector<std::string>& geometry);
};

inline constexpr int kGdalModuleVersion = 1;
// The module's one exported symbol: extern "C" const GdalModule* cbec_gdal_module().
inline constexpr const char* kGdalModuleEntry = "cbec_gdal_module";

// The module, loaded on first use (thread-safe), searched in order: the file named by the
// environment variable CBEC_GDAL_MODULE; libcbec_gdal.so beside the binary that holds this code
// (the program or cbec_tests in the build folder, the Python module's package folder), beside the
// running program, in <program folder>/../lib/cbec (an installed cbec). Throws DataError naming
// every place tried and the loader's message when it is not found or cannot load.
const GdalModule& gdal_module();

// Throws the DataError or NumericError a failed status carries.
void throw_if_failed(const GdalStatus& status);

}  // namespace cbec
