// Polygons and link edits from files: a CSV with a WKT column or any vector layer GDAL reads
// (shapefile, GeoJSON, GeoPackage); edits from a CSV a,b,action (add or remove).
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/polygons.hpp"

namespace cbec {

// Reads id and geometry from a CSV with a WKT column, or from a GDAL vector file (first layer).
// An id found twice is refused, naming both rows or features, unless `shared_ids` (polygons to be
// dissolved by that field). A shapefile missing its .shx or .dbf, or a file GDAL cannot read, gets
// a message naming the file, with GDAL's own messages.
Polygons read_polygons(const std::string& path, const std::string& id_field, const std::string& wkt_field = "wkt", bool shared_ids = false);

std::vector<LinkEdit> read_link_edits(const std::string& path);

}  // namespace cbec
