#include "cbec/domain/regions.hpp"

#include <fmt/format.h>

#include <set>

#include "cbec/core/error.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/domain/place_names.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

namespace {

const std::map<std::string, std::string> province_columns = {{"three-belt", "region3"}, {"four-region", "region4"}, {"seven", "region7"}};

// Region of each known unit, by Chinese key; "" = known but outside the scheme.
struct SchemeTable {
  NameIndex names;
  std::map<std::string, std::string> region;
};

SchemeTable scheme_table(const RegionOptions& o) {
  SchemeTable s;
  s.names = china_place_names(load_pilot_zones());
  Frame provinces = read_csv(data_dir() + "/china_provinces.csv", plain_csv({""}, {"adcode"}));
  Frame cities = read_csv(data_dir() + "/china_cities.csv", plain_csv({""}, {"city_code", "province_code"}));
  Frame scheme_cities = read_csv(data_dir() + "/china_region_cities.csv");
  auto by_province = province_columns.find(o.scheme);
  if (by_province != province_columns.end()) {
    std::map<std::string, std::string> province_region;
    for (size_t i = 0; i < provinces.nrows(); ++i) province_region[name_key(provinces.get("name_cn").text(i))] = provinces.get(by_province->second).text(i);
    if (o.level == "province") {
      s.region = province_region;
      return s;
    }
    for (size_t i = 0; i < cities.nrows(); ++i) {  // Hong Kong and Macao are outside the mainland schemes
      auto p = province_region.find(name_key(cities.get("province_cn").text(i)));
      s.region[name_key(cities.get("city_cn").text(i))] = p == province_region.end() ? "" : p->second;
    }
    return s;
  }
  if (o.level != "city") throw SpecError(fmt::format("region scheme '{}' groups cities; use --level city", o.scheme));
  for (size_t i = 0; i < cities.nrows(); ++i) s.region[name_key(cities.get("city_cn").text(i))] = "";
  for (size_t i = 0; i < scheme_cities.nrows(); ++i)
    if (scheme_cities.get("scheme").text(i) == o.scheme) s.region[name_key(scheme_cities.get("city_cn").text(i))] = scheme_cities.get("region").text(i);
  return s;
}

}  // namespace

RegionReport add_regions(Frame& frame, const RegionOptions& o) {
  if (o.level != "city" && o.level != "province") throw SpecError(fmt::format("region level '{}' is unknown; use city or province", o.level));
  if (!province_columns.count(o.scheme) && o.scheme != "zhejiang" && o.scheme != "yrd")
    throw SpecError(fmt::format("region scheme '{}' is unknown; use three-belt, four-region, seven, zhejiang or yrd", o.scheme));
  const SchemeTable s = scheme_table(o);
  RegionReport rep;
  rep.scheme = o.scheme;
  rep.level = o.level;
  rep.column = o.column;
  if (rep.column.empty())
    for (char c : o.scheme) rep.column += c == '-' ? '_' : c;
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
