#include "cbec/domain/pilot_zones.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <numeric>
#include <set>
#include <string_view>

#include "cbec/core/error.hpp"
#include "cbec/core/resource_dir.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

std::string data_dir() {
  std::string tried;
  std::string dir = find_resource_dir("data", "cbec_pilot_zones.csv", "CBEC_DATA_DIR", &tried);
  if (dir.empty()) throw DataError(fmt::format("cbec's data folder (cbec_pilot_zones.csv) was not found in {}; set CBEC_DATA_DIR", tried));
  return dir;
}

Frame read_china_provinces() { return read_csv(data_dir() + "/china_provinces.csv", plain_csv({""}, {"adcode"})); }

Frame read_china_cities() { return read_csv(data_dir() + "/china_cities.csv", plain_csv({""}, {"city_code", "province_code"})); }

std::vector<PilotZone> load_pilot_zones(const std::string& path_in) {
  const std::string path = path_in.empty() ? data_dir() + "/cbec_pilot_zones.csv" : path_in;
  CsvOptions o;
  o.string_columns = {"approval_date"};  // parent_cn holds Chinese names or nothing: text either way
  return pilot_zones_from(read_csv(path, o), path);
}

std::vector<PilotZone> load_round8_zones() { return load_pilot_zones(data_dir() + "/cbec_pilot_zones_2025_round8.csv"); }

bool is_registry(const Frame& f) { return f.has("city_cn") && f.has("batch") && f.has("approval_date"); }

std::vector<PilotZone> pilot_zones_from(const Frame& f, const std::string& path) {
  for (const char* c : {"city_cn", "city_en", "province_cn", "province_en", "batch", "approval_date", "admin_level"})
    if (!f.has(c)) throw DataError(fmt::format("{}: a pilot-zone registry needs the column '{}' (see data/cbec_pilot_zones.md)", path, c));
  // parent_cn (cbec's addition) is optional: without it a county-level zone treats only itself.
  const bool parents = f.has("parent_cn");
  std::vector<PilotZone> zones;
  const auto& batch = f.numeric("batch");
  for (size_t i = 0; i < f.nrows(); ++i) {
    PilotZone z;
    z.city_cn = f.get("city_cn").text(i);
    z.city_en = f.get("city_en").text(i);
    z.province_cn = f.get("province_cn").text(i);
    z.province_en = f.get("province_en").text(i);
    z.admin_level = f.get("admin_level").text(i);
    z.parent_cn = parents ? f.get("parent_cn").text(i) : "";
    if (!(batch[i] >= 1 && batch[i] <= 1000) || batch[i] != std::floor(batch[i]))
      throw DataError(fmt::format("{} line {}: batch '{}' is not a whole number from 1 to 1000", path, i + 2, f.get("batch").text(i)));
    z.batch = static_cast<int>(batch[i]);
    const std::string date = f.get("approval_date").text(i);
    const bool ok = date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, [](unsigned char c) { return std::isdigit(c); }) &&
                    (date.size() == 4 || (date.size() >= 7 && date[4] == '-' && std::isdigit(static_cast<unsigned char>(date[5])) &&
                                          std::isdigit(static_cast<unsigned char>(date[6]))));
    if (!ok) throw DataError(fmt::format("{} line {}: approval_date '{}' is not YYYY-MM[-DD]", path, i + 2, date));
    z.year = std::stoi(date.substr(0, 4));
    z.month = date.size() >= 7 ? std::stoi(date.substr(5, 2)) : 0;
    zones.push_back(z);
  }
  return zones;
}

NameIndex china_place_names(const std::vector<PilotZone>& zones) {
  NameIndex names;
  for (const auto& z : zones) {
    names.add(z.province_cn, z.province_en);
    names.add(z.city_cn, z.city_en, z.province_en);
  }
  const std::string dir = data_dir();
  const Frame provinces = read_china_provinces();
  for (size_t i = 0; i < provinces.nrows(); ++i) names.add(provinces.get("name_cn").text(i), provinces.get("name_en").text(i));
  Frame scheme_cities = read_csv(dir + "/china_region_cities.csv");
  for (size_t i = 0; i < scheme_cities.nrows(); ++i)
    names.add(scheme_cities.get("city_cn").text(i), scheme_cities.get("city_en").text(i), scheme_cities.get("province_en").text(i));
  const Frame cities = read_china_cities();
  for (size_t i = 0; i < cities.nrows(); ++i) {
    names.add_known(cities.get("city_cn").text(i));
    names.add_known(cities.get("province_cn").text(i));
  }
  // English names of the homonyms and parents the tables above lack, short and former names.
  const Frame aliases = read_csv(dir + "/china_place_aliases.csv", plain_csv({""}, {}));
  for (size_t i = 0; i < aliases.nrows(); ++i) {
    const std::string alias = aliases.get("alias").text(i), name_cn = aliases.get("name_cn").text(i);
    if (aliases.get("language").text(i) == "en") names.add(name_cn, alias, aliases.get("province_en").text(i));
    else names.add_alias(alias, name_cn);
  }
  return names;
}

bool directly_administered_county(const std::string& city_code) {
  return city_code.size() == 6 && city_code.compare(2, 2, "90") == 0;
}

namespace {
// The prefecture-level units (and Hainan's county-level ones) of a province in `cities` (read_china_cities).
std::vector<std::string> cities_of_province(const Frame& cities, const std::string& province_cn) {
  std::vector<std::string> out;
  for (size_t i = 0; i < cities.nrows(); ++i)
    if (cities.get("province_cn").text(i) == province_cn) out.push_back(cities.get("city_cn").text(i));
  return out;
}

// A name that says it is of the other level: a province (省, 自治区, " province") among cities, a
// city (市, " city") among provinces other than the four municipalities.
bool other_level(const std::string& name, const std::string& level) {
  std::string lower;
  for (unsigned char c : name) lower += static_cast<char>(std::tolower(c));
  while (!lower.empty() && (lower.back() == ' ' || lower.back() == '\t')) lower.pop_back();
  auto ends = [&](std::string_view tail) { return lower.size() > tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0; };
  if (level == "city") return ends("省") || ends("自治区") || ends(" province") || ends(" autonomous region");
  const std::string k = name_key(name);
  const bool municipality = k == "北京" || k == "天津" || k == "上海" || k == "重庆" || k == "beijing" || k == "tianjin" || k == "shanghai" || k == "chongqing";
  return !municipality && (ends("市") || ends(" city"));
}

int effective_year(const PilotZone& z, const std::string& timing) {
  if (timing == "year") return z.year;
  if (timing == "july") return z.month > 6 ? z.year + 1 : z.year;  // approved in the second half: effective next year
  if (timing.rfind("lag=", 0) == 0) {
    const std::string k = timing.substr(4);
    const bool whole = !k.empty() && k.size() <= 3 && std::all_of(k.begin() + (k[0] == '-' ? 1 : 0), k.end(), [](unsigned char c) { return std::isdigit(c); }) && k != "-";
    if (!whole) throw SpecError(fmt::format("timing '{}': the lag must be a whole number of years, e.g. lag=1", timing));
    return z.year + std::stoi(k);
  }
  throw SpecError(fmt::format("timing '{}' is unknown; use year, july or lag=k", timing));
}
}  // namespace

TreatReport add_treatment(Frame& frame, const TreatOptions& o, const std::vector<PilotZone>& zones) {
  if (o.level != "city" && o.level != "province") throw SpecError("level must be city or province");
  if (o.county_rule != "parent" && o.county_rule != "ignore") throw SpecError("county rule must be parent or ignore");
  if (o.unmatched != "missing" && o.unmatched != "never") throw SpecError("unmatched must be missing or never");
  TreatReport rep;
  rep.rules = fmt::format("level {}; county-level zones: {}; timing: {}", o.level,
                          o.county_rule == "parent" ? "treat the parent prefecture from the county zone's date" : "ignored", o.timing);
  // Earliest effective year and its batch for every name key.
  struct Hit {
    int year = std::numeric_limits<int>::max(), batch = 0;
    std::string zone;
  };
  std::map<std::string, Hit> first;
  auto offer = [&](const std::string& key, const PilotZone& z) {
    const int y = effective_year(z, o.timing);
    Hit& h = first[key];
    if (y < h.year) h = {y, z.batch, fmt::format("{} (batch {}, {})", z.city_cn, z.batch, z.year)};
  };
  // English names resolve to the Chinese key; ambiguous ones are refused below.
  const NameIndex names = china_place_names(zones);
  std::optional<Frame> cities;  // read for a province-wide zone only
  for (const auto& z : zones) {
    if (o.level == "province") offer(name_key(z.province_cn), z);
    else if (z.admin_level == "province-wide") {
      if (!cities) cities = read_china_cities();
      for (const auto& city : cities_of_province(*cities, z.province_cn)) offer(name_key(city), z);
    } else {
      offer(names.key(z.city_cn), z);  // a county-level zone (Yiwu) treats itself whatever the county rule
      if (z.admin_level == "county-level city" && o.county_rule == "parent") offer(name_key(z.parent_cn), z);
    }
  }

  const Column& unit = frame.get(o.unit);
  const auto& t = frame.numeric(o.time);
  const size_t n = frame.nrows();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Missing unless the unit is placed: a row without a unit, or a unit whose name is no known
  // place (unless unmatched = never), has no treatment status; a row without a year no post or did.
  std::vector<double> treat(n, nan), first_treat(n, nan), post(n, nan), did(n, nan), rel(n, nan), batch(n, nan);
  std::set<std::string> seen, unmatched, no_zone, treated;
  std::set<std::string> ambiguous;
  std::map<std::pair<std::string, double>, size_t> unit_year;  // (place key, year) -> first row
  for (size_t i = 0; i < n; ++i) {
    if (unit.is_missing(i)) continue;
    const std::string name = unit.text(i);
    if (names.ambiguous(name)) {
      ambiguous.insert(name);
      continue;
    }
    const std::string key = names.key(name);
    if (!std::isnan(t[i])) {
      auto [it, fresh] = unit_year.emplace(std::make_pair(key, t[i]), i);
      if (!fresh)
        throw DataError(fmt::format("'{}' (line {}) and '{}' (line {}) are the same unit in {} {:g}: the panel must have one row per unit and year",
                                    unit.text(it->second), frame.line(it->second), name, frame.line(i), o.time, t[i]));
    }
    auto it = first.find(key);
    const bool placed = names.known(name) && !other_level(name, o.level);
    if (it != first.end() && !placed) it = first.end();  // 吉林省 at city level is not Jilin City
    if (seen.insert(name).second && it == first.end()) (placed ? no_zone : unmatched).insert(name);
    if (it == first.end()) {
      if (placed || o.unmatched == "never") {
        treat[i] = first_treat[i] = batch[i] = 0;
        if (!std::isnan(t[i])) post[i] = did[i] = 0;
      }
      continue;
    }
    treated.insert(name);
    treat[i] = 1;
    first_treat[i] = it->second.year;
    batch[i] = it->second.batch;
    if (!std::isnan(t[i])) {
      post[i] = t[i] >= it->second.year;
      did[i] = post[i];
      rel[i] = t[i] - it->second.year;
    }
  }
  if (!ambiguous.empty())
    throw DataError(fmt::format("ambiguous English names, give them in Chinese or with their province, e.g. \"Taizhou (Zhejiang)\" (as `cbec regions` requires): {}",
                                describe_ambiguous(names, {ambiguous.begin(), ambiguous.end()})));
  // The zones known end with the registry's last approval: a panel running past the eighth round
  // (April 2025) without it would code that round's units as never treated without a word.
  const int last_zone = std::accumulate(zones.begin(), zones.end(), 0, [](int m, const PilotZone& z) { return std::max(m, z.year); });
  double last_period = -INFINITY;
  for (size_t i = 0; i < n; ++i)
    if (!std::isnan(t[i])) last_period = std::max(last_period, t[i]);
  rep.rules += fmt::format("; zones approved to {}", last_zone);
  if (last_zone >= 2025 && last_period < last_zone)
    rep.warnings.push_back(fmt::format("the panel ends in {:g}, before the zones approved in {}: their units get a first_treat after the sample "
                                       "and are never treated within it (treat = 1, post = 0)",
                                       last_period, last_zone));
  if (last_zone < 2025 && last_period >= 2025)
    rep.warnings.push_back(fmt::format("the panel runs to {:g}, past the eighth round of April 2025 (15 cities and the whole of Hainan), which is "
                                       "not counted: its units are coded by the seven batches only; add --round8 (round8 = true in a study) to count it",
                                       last_period));
  for (const auto& name : treated) rep.matched_zones.push_back(fmt::format("{}: {}", name, first.at(names.key(name)).zone));
  rep.units = seen.size();
  rep.treated_units = treated.size();
  rep.unmatched.assign(unmatched.begin(), unmatched.end());
  rep.unmatched_coded_never = o.unmatched == "never";
  rep.no_zone.assign(no_zone.begin(), no_zone.end());
  frame.set(Column::numeric("treat", treat));
  frame.set(Column::numeric("first_treat", first_treat));
  frame.set(Column::numeric("post", post));
  frame.set(Column::numeric("did", did));
  frame.set(Column::numeric("rel_time", rel));
  frame.set(Column::numeric("batch", batch));
  return rep;
}

}  // namespace cbec
