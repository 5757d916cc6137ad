#include "cbec/io/polygons_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/frame/gdal_module.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/text_encoding.hpp"

namespace cbec {

namespace {

bool has_extension(const std::string& path, const std::string& ext) {
  if (path.size() < ext.size()) return false;
  return lower_ascii(path.substr(path.size() - ext.size())) == ext;
}

// A shapefile is three files: name.shp (geometry), name.shx (index) and name.dbf (attributes).
void check_shapefile_parts(const std::string& path) {
  if (!std::filesystem::exists(path)) throw DataError(fmt::format("cannot open '{}': the file does not exist", path));
  if (!has_extension(path, ".shp")) return;
  const std::string stem = path.substr(0, path.size() - 4);
  for (const char* part : {".shx", ".dbf"}) {
    std::string upper = part;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (!std::filesystem::exists(stem + part) && !std::filesystem::exists(stem + upper))
      throw DataError(fmt::format("'{}': the shapefile's {} file '{}' is missing; a shapefile needs its .shp, .shx and .dbf side by side "
                                  "(copy all of them, or convert it to GeoJSON or GeoPackage)",
                                  path, std::string(part) == ".dbf" ? "attribute table (.dbf)" : "index (.shx)", stem + part));
  }
}

void check_unique(const Polygons& p, const std::string& path, const std::string& id_field, const char* item) {
  std::unordered_map<std::string, size_t> first;
  for (size_t i = 0; i < p.ids.size(); ++i) {
    auto [it, inserted] = first.emplace(p.ids[i], i);
    if (!inserted)
      throw DataError(fmt::format("'{}': the id '{}' of field '{}' appears twice ({} {} and {}); each polygon needs its own id, "
                                  "or dissolve the polygons by that field", path, p.ids[i], id_field, item, it->second + (item[0] == 'l' ? 2 : 1),
                                  i + (item[0] == 'l' ? 2 : 1)));
  }
}

}  // namespace

Polygons read_polygons(const std::string& path, const std::string& id_field, const std::string& wkt_field, bool shared_ids) {
  Polygons p;
  const bool csv = path.size() > 4 && path.substr(path.size() - 4) == ".csv";
  if (csv) {
    CsvOptions o;
    o.string_columns = {id_field, wkt_field};
    Frame f = read_csv(path, o);
    for (size_t i = 0; i < f.nrows(); ++i) {
      p.ids.push_back(f.get(id_field).text(i));
      p.wkt.push_back(f.get(wkt_field).text(i));
    }
    if (!shared_ids) check_unique(p, path, id_field, "lines");
    return p;
  }
  check_shapefile_parts(path);
  throw_if_failed(gdal_module().read_layer(path, id_field, p));
  // A shapefile's text is in the encoding its .cpg names; without one GDAL passes the bytes through,
  // and a Chinese (GBK) file's names would be garbled ids that match no data.
  for (const auto& id : p.ids)
    if (first_invalid_utf8(id) != std::string::npos)
      throw DataError(fmt::format("{}: the {} '{}' is not UTF-8 text: the file does not say its encoding; for a Chinese (GBK) shapefile "
                                  "write a file {} holding the word GBK beside it (or set the environment variable SHAPE_ENCODING=GBK)",
                                  path, id_field, printable(id), std::filesystem::path(path).replace_extension(".cpg").string()));
  return p;
}

std::vector<LinkEdit> read_link_edits(const std::string& path) {
  CsvOptions o;
  o.string_columns = {"a", "b", "action"};
  Frame f = read_csv(path, o);
  std::vector<LinkEdit> edits;
  for (size_t r = 0; r < f.nrows(); ++r) {
    const std::string action = f.get("action").text(r);
    const std::string where = fmt::format("{} line {}", path, r + 2);
    if (action != "add" && action != "remove") throw DataError(fmt::format("{}: action must be add or remove", where));
    edits.push_back({f.get("a").text(r), f.get("b").text(r), action == "add", where});
  }
  return edits;
}

}  // namespace cbec
