#include "cbec/domain/regions.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/domain/place_names.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

namespace {

const std::map<std::string, std::string> province_columns = {
    {"three-belt", "region3"}, {"four-region", "region4"}, {"seven", "region7"}, {"seven-east-jiangxi", "region7"}};
const char* const kSchemes = "three-belt, four-region, seven, seven-east-jiangxi, zhejiang, yrd or file";

// Region of each known unit, by Chinese key; "" = known but outside the scheme.
struct SchemeTable {
  NameIndex names;
  std::map<std::string, std::string> region;
};

// A user's scheme: unit,region rows; a unit listed twice with two regions is an error naming both lines.
SchemeTable file_scheme(const RegionOptions& o) {
  if (o.scheme_file.empty()) throw SpecError("region scheme 'file' needs the scheme's CSV (--scheme-file, columns unit and region)");
  SchemeTable s;
  s.names = china_place_names(load_pilot_zones());
  Frame f = read_csv(o.scheme_file);
  for (const char* c : {"unit", "region"})
    if (!f.has(c)) throw DataError(fmt::format("{}: a region scheme file needs the columns unit and region; '{}' is missing", o.scheme_file, c));
  std::map<std::string, size_t> line;
  for (size_t i = 0; i < f.nrows(); ++i) {
    const std::string unit = f.get("unit").text(i), region = f.get("region").text(i);
    if (unit.empty() || region.empty()) throw DataError(fmt::format("{} line {}: the unit and its region must both be given", o.scheme_file, i + 2));
    if (s.names.ambiguous(unit))
      throw DataError(fmt::format("{} line {}: '{}' is ambiguous, write it in Chinese or with its province, e.g. \"Taizhou (Zhejiang)\": {}", o.scheme_file, i + 2,
                                  unit, describe_ambiguous(s.names, {unit})));
    const std::string key = s.names.key(unit);
    auto [it, fresh] = line.emplace(key, i);
    if (!fresh && s.region[key] != region)
      throw DataError(fmt::format("{}: '{}' is in region '{}' (line {}) and '{}' (line {})", o.scheme_file, unit, s.region[key], it->second + 2, region, i + 2));
    s.region[key] = region;
  }
  return s;
}

// The pilot zones below the prefecture level (Yiwu and the other county-level cities, Xiong'an):
// known names, so placed like their prefecture (a city scheme) or province (a province scheme).
void place_sub_prefecture_zones(SchemeTable& s, const std::vector<PilotZone>& zones, const std::map<std::string, std::string>* province_region) {
  for (const auto& z : zones) {
    if (z.admin_level != "county-level city" && z.admin_level != "state-level new area") continue;
    const std::string key = s.names.key(z.city_cn);
    if (s.region.count(key)) continue;
    if (province_region) {
      const auto p = province_region->find(name_key(z.province_cn));
      s.region[key] = p == province_region->end() ? "" : p->second;
    } else {
      const auto parent = s.region.find(name_key(z.parent_cn));
      s.region[key] = parent == s.region.end() ? "" : parent->second;
    }
  }
}

SchemeTable scheme_table(const RegionOptions& o) {
  if (o.scheme == "file") return file_scheme(o);
  SchemeTable s;
  std::vector<PilotZone> zones = load_pilot_zones();
  for (const auto& z : load_round8_zones()) zones.push_back(z);
  s.names = china_place_names(zones);
  const Frame cities = read_china_cities();
  if (province_columns.count(o.scheme)) {
    const auto province_region = province_regions(o.scheme);
    if (o.level == "province") {
      s.region = province_region;
      return s;
    }
    for (size_t i = 0; i < cities.nrows(); ++i) {  // Hong Kong and Macao are outside the mainland schemes
      auto p = province_region.find(name_key(cities.get("province_cn").text(i)));
      s.region[name_key(cities.get("city_cn").text(i))] = p == province_region.end() ? "" : p->second;
    }
    place_sub_prefecture_zones(s, zones, &province_region);
    return s;
  }
  if (o.level != "city") throw SpecError(fmt::format("region scheme '{}' groups cities; use --level city", o.scheme));
  Frame scheme_cities = read_csv(data_dir() + "/china_region_cities.csv");
  for (size_t i = 0; i < cities.nrows(); ++i) s.region[name_key(cities.get("city_cn").text(i))] = "";
  for (size_t i = 0; i < scheme_cities.nrows(); ++i)
    if (scheme_cities.get("scheme").text(i) == o.scheme) s.region[name_key(scheme_cities.get("city_cn").text(i))] = scheme_cities.get("region").text(i);
  place_sub_prefecture_zones(s, zones, nullptr);
  return s;
}

}  // namespace

std::string region_column(const std::string& scheme) {
  if (scheme == "file") return "region";
  std::string column;
  for (char c : scheme) column += c == '-' ? '_' : c;
  return column;
}

std::map<std::string, std::string> province_regions(const std::string& scheme) {
  auto column = province_columns.find(scheme);
  if (column == province_columns.end()) throw SpecError(fmt::format("'{}' is not a province scheme; use three-belt, four-region, seven or seven-east-jiangxi", scheme));
  const Frame provinces = read_china_provinces();
  std::map<std::string, std::string> region;
  for (size_t i = 0; i < provinces.nrows(); ++i) region[name_key(provinces.get("name_cn").text(i))] = provinces.get(column->second).text(i);
  // The traditional 华东 (East China) includes Jiangxi, which the seven-region table puts in Central China.
  if (scheme == "seven-east-jiangxi") region.at(name_key("江西省")) = "East China";
  return region;
}

RegionReport add_regions(Frame& frame, const RegionOptions& o) {
  if (o.level != "city" && o.level != "province") throw SpecError(fmt::format("region level '{}' is unknown; use city or province", o.level));
  if (!province_columns.count(o.scheme) && o.scheme != "zhejiang" && o.scheme != "yrd" && o.scheme != "file")
    throw SpecError(fmt::format("region scheme '{}' is unknown; use {}", o.scheme, kSchemes));
  if (!o.scheme_file.empty() && o.scheme != "file") throw SpecError(fmt::format("--scheme-file needs --scheme file, not '{}'", o.scheme));
  RegionReport rep;
  rep.scheme = o.scheme == "file" ? "file " + std::filesystem::path(o.scheme_file).filename().string() : o.scheme;
  rep.level = o.level;
  rep.column = o.column.empty() ? region_column(o.scheme) : o.column;
  if (frame.has(rep.column))
    throw SpecError(fmt::format("the data already has a column '{}'; name the region column otherwise (--name, or name = in the study)", rep.column));
  const SchemeTable s = scheme_table(o);
  const Column& unit = frame.get(o.unit);
  std::vector<std::string> region(frame.nrows());
  std::set<std::string> seen, outside, unmatched, ambiguous;
  std::map<std::string, std::set<std::string>> members;
  for (size_t i = 0; i < frame.nrows(); ++i) {
    if (unit.is_missing(i)) continue;
    const std::string name = unit.text(i);
    seen.insert(name);
    if (s.names.ambiguous(name)) {
      ambiguous.insert(name);
      continue;
    }
    auto it = s.region.find(s.names.key(name));
    if (it == s.region.end()) unmatched.insert(name);
    else if (it->second.empty()) outside.insert(name);
    else {
      region[i] = it->second;
      members[it->second].insert(name);
    }
  }
  frame.set(Column::strings(rep.column, region));
  rep.units = seen.size();
  for (const auto& [r, m] : members) rep.counts[r] = m.size();
  rep.outside.assign(outside.begin(), outside.end());
  rep.unmatched.assign(unmatched.begin(), unmatched.end());
  rep.ambiguous.assign(ambiguous.begin(), ambiguous.end());
  return rep;
}

}  // namespace cbec
