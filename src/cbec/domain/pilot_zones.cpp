#include "cbec/domain/pilot_zones.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

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

std::vector<PilotZone> load_pilot_zones(const std::string& path_in) {
  const std::string path = path_in.empty() ? data_dir() + "/cbec_pilot_zones.csv" : path_in;
  CsvOptions o;
  o.string_columns = {"approval_date", "parent_cn"};
  Frame f = read_csv(path, o);
  std::vector<PilotZone> zones;
  for (size_t i = 0; i < f.nrows(); ++i) {
    PilotZone z;
    z.city_cn = f.get("city_cn").text(i);
    z.city_en = f.get("city_en").text(i);
    z.province_cn = f.get("province_cn").text(i);
    z.province_en = f.get("province_en").text(i);
    z.admin_level = f.get("admin_level").text(i);
    z.parent_cn = f.get("parent_cn").text(i);
    z.batch = static_cast<int>(f.numeric("batch")[i]);
    const std::string date = f.get("approval_date").text(i);
    if (date.size() < 4) throw DataError(fmt::format("{} line {}: approval_date '{}' is not YYYY-MM[-DD]", path, i + 2, date));
    z.year = std::stoi(date.substr(0, 4));
    z.month = date.size() >= 7 ? std::stoi(date.substr(5, 2)) : 0;
    zones.push_back(z);
  }
  return zones;
}

namespace {
int effective_year(const PilotZone& z, const std::string& timing) {
  if (timing == "year") return z.year;
  if (timing == "july") return z.month > 6 ? z.year + 1 : z.year;  // approved in the second half: effective next year
  if (timing.rfind("lag=", 0) == 0) return z.year + std::stoi(timing.substr(4));
  throw SpecError(fmt::format("timing '{}' is unknown; use year, july or lag=k", timing));
}
}  // namespace

TreatReport add_treatment(Frame& frame, const TreatOptions& o, const std::vector<PilotZone>& zones) {
  if (o.level != "city" && o.level != "province") throw SpecError("level must be city or province");
  if (o.county_rule != "parent" && o.county_rule != "ignore") throw SpecError("county rule must be parent or ignore");
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
  // English names resolve to the Chinese key (the two Taizhous only in Chinese or as "Taizhou (Zhejiang)").
  NameIndex names;
  for (const auto& z : zones) {
    names.add(z.province_cn, z.province_en);
    names.add(z.city_cn, z.city_en, z.province_en);
  }
  for (const auto& z : zones) {
    if (o.level == "province") offer(name_key(z.province_cn), z);
    else if (z.admin_level != "county-level city") offer(name_key(z.city_cn), z);
    else if (o.county_rule == "parent") offer(name_key(z.parent_cn), z);
  }
  // Known names: every prefecture (Chinese) and province, so that non-zone units are not "unmatched".
  std::set<std::string> known;
  CsvOptions co;
  co.string_columns = {"city_code", "province_code"};
  Frame cities = read_csv(data_dir() + "/china_cities.csv", co);
  for (size_t i = 0; i < cities.nrows(); ++i) {
    known.insert(name_key(cities.get("city_cn").text(i)));
    known.insert(name_key(cities.get("province_cn").text(i)));
  }
  Frame provinces = read_csv(data_dir() + "/china_provinces.csv");
  for (size_t i = 0; i < provinces.nrows(); ++i) known.insert(name_key(provinces.get("name_en").text(i)));
  for (const auto& [key, hit] : first) known.insert(key);
  for (const auto& en : names.english_keys()) known.insert(en);

  const Column& unit = frame.get(o.unit);
  const auto& t = frame.numeric(o.time);
  const size_t n = frame.nrows();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> treat(n), first_treat(n), post(n), did(n), rel(n, nan), batch(n);
  std::set<std::string> seen, unmatched, treated;
  for (size_t i = 0; i < n; ++i) {
    const std::string name = unit.text(i);
    const std::string key = names.key(name);
    if (seen.insert(name).second) {
      if (!known.count(key)) unmatched.insert(name);
    }
    auto it = first.find(key);
    if (it == first.end()) continue;
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
  for (const auto& name : treated) rep.matched_zones.push_back(fmt::format("{}: {}", name, first.at(names.key(name)).zone));
  rep.units = seen.size();
  rep.treated_units = treated.size();
  rep.unmatched.assign(unmatched.begin(), unmatched.end());
  frame.set(Column::numeric("treat", treat));
  frame.set(Column::numeric("first_treat", first_treat));
  frame.set(Column::numeric("post", post));
  frame.set(Column::numeric("did", did));
  frame.set(Column::numeric("rel_time", rel));
  frame.set(Column::numeric("batch", batch));
  return rep;
}

nlohmann::json to_json(const TreatReport& r) {
  return {{"cbec", CBEC_VERSION}, {"command", "treat"}, {"units", r.units}, {"treated_units", r.treated_units}, {"rules", r.rules},
          {"matched", r.matched_zones}, {"unmatched", r.unmatched}};
}

}  // namespace cbec
