#include "cbec/domain/zone_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/domain/place_names.hpp"
#include "cbec/domain/regions.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

ZoneSummary summarize_zones(const std::vector<PilotZone>& zones, const ZoneSummaryOptions& o) {
  if (o.county_rule != "parent" && o.county_rule != "ignore") throw SpecError("county rule must be parent or ignore");
  if (zones.empty()) throw DataError("the pilot-zone registry has no rows");
  ZoneSummary s;
  s.scheme = o.scheme;
  s.county_rule = o.county_rule;
  s.zones = zones.size();
  const auto region_of = province_regions(o.scheme);
  const Frame provinces = read_china_provinces();
  const Frame cities = read_china_cities();
  std::map<std::string, size_t> province_index;   // province key -> row of s.provinces
  for (size_t i = 0; i < provinces.nrows(); ++i) {
    ZoneProvince p;
    p.name_cn = provinces.get("name_cn").text(i);
    p.name_en = provinces.get("name_en").text(i);
    p.region = region_of.at(name_key(p.name_cn));
    if (std::find(s.regions.begin(), s.regions.end(), p.region) == s.regions.end()) s.regions.push_back(p.region);
    province_index[name_key(p.name_cn)] = s.provinces.size();
    s.provinces.push_back(p);
  }
  s.provinces_total = s.provinces.size();
  std::map<std::string, std::string> city_province;   // mainland prefecture key -> province key
  for (size_t i = 0; i < cities.nrows(); ++i) {
    const std::string province = name_key(cities.get("province_cn").text(i));
    if (!province_index.count(province)) continue;    // Hong Kong, Macao
    // The shares are of the 337 prefecture-level units: the 30 county-level units administered by
    // their province (Hainan's counties, 仙桃, the Xinjiang Corps cities) are not in the denominator.
    if (directly_administered_county(cities.get("city_code").text(i))) continue;
    city_province[name_key(cities.get("city_cn").text(i))] = province;
    ++s.provinces[province_index[province]].cities;
  }
  s.cities_total = city_province.size();
  std::map<std::string, std::string> city_name;       // key -> the Chinese name of china_cities.csv
  for (size_t i = 0; i < cities.nrows(); ++i) city_name[name_key(cities.get("city_cn").text(i))] = cities.get("city_cn").text(i);

  std::map<int, int> batch_year;
  std::map<int, std::vector<size_t>> batch_region;
  std::map<std::string, int> province_year, city_year;   // first year of each province and prefecture covered
  for (const auto& z : zones) {
    const auto p = province_index.find(name_key(z.province_cn));
    if (p == province_index.end()) {
      s.unmatched.push_back(fmt::format("{} ({})", z.city_cn, z.province_cn));
      continue;
    }
    ZoneProvince& prov = s.provinces[p->second];
    ++prov.zones;
    auto& counts = batch_region[z.batch];
    counts.resize(s.regions.size());
    ++counts[static_cast<size_t>(std::find(s.regions.begin(), s.regions.end(), prov.region) - s.regions.begin())];
    batch_year[z.batch] = batch_year.count(z.batch) ? std::min(batch_year[z.batch], z.year) : z.year;
    auto first = [](std::map<std::string, int>& m, const std::string& key, int year) { m[key] = m.count(key) ? std::min(m[key], year) : year; };
    first(province_year, p->first, z.year);
    std::string city = name_key(z.city_cn);
    if (z.admin_level == "county-level city") {
      s.county_level.push_back(z.city_cn);
      city = o.county_rule == "parent" ? name_key(z.parent_cn) : "";
    }
    if (city.empty() || !city_province.count(city)) {
      if (z.admin_level != "county-level city" || o.county_rule == "parent") s.no_prefecture.push_back(z.city_cn);
      continue;
    }
    first(city_year, city, z.year);
    const std::string name = city_name.at(city);
    s.city_batch[name] = s.city_batch.count(name) ? std::min(s.city_batch[name], z.batch) : z.batch;
  }
  for (const auto& [b, counts] : batch_region) {
    s.batches.push_back(b);
    s.batch_years.push_back(batch_year[b]);
    s.by_batch_region.push_back(counts);
  }
  for (auto& p : s.provinces) {
    const std::string key = name_key(p.name_cn);
    if (province_year.count(key)) p.first_year = province_year[key];
    for (const auto& [city, province] : city_province)
      if (province == key && city_year.count(city)) ++p.cities_covered;
  }
  std::map<int, size_t> new_by_year;
  for (const auto& z : zones) ++new_by_year[z.year];
  for (int y = new_by_year.begin()->first; y <= new_by_year.rbegin()->first; ++y) {
    ZoneYear row;
    row.year = y;
    row.new_zones = new_by_year.count(y) ? new_by_year[y] : 0;
    row.zones = (s.years.empty() ? 0 : s.years.back().zones) + row.new_zones;
    for (const auto& [k, first] : province_year) row.provinces += first <= y;
    for (const auto& [k, first] : city_year) row.cities += first <= y;
    s.years.push_back(row);
  }
  return s;
}

}  // namespace cbec
