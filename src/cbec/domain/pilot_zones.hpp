// CBEC domain knowledge: the registry of China's 165 cross-border e-commerce comprehensive pilot
// zones (data/cbec_pilot_zones.csv), name matching in Chinese or English, and the treatment
// variables of a staggered pilot-zone design for a city or province panel.
#pragma once
#include <string>
#include <vector>

#include "cbec/domain/place_names.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

// The folder of runtime data: $CBEC_DATA_DIR, else the source tree's data/, else
// <exe>/../share/cbec/data. A DataError says where it looked.
std::string data_dir();
// data/china_cities.csv: every prefecture-level unit (and Hainan's county-level ones) with its
// province, Chinese names and codes (city_cn, city_code, province_cn, province_code).
Frame read_china_cities();
// data/china_provinces.csv: the 31 mainland provincial units (name_en, name_cn, adcode, region schemes, capital).
Frame read_china_provinces();

struct PilotZone {
  std::string city_cn, city_en, province_cn, province_en, admin_level, parent_cn;
  int batch = 0, year = 0, month = 0;   // month 0 when unknown
};

std::vector<PilotZone> load_pilot_zones(const std::string& path = "");
// The eighth round of April 2025, outside the 165 (data/cbec_pilot_zones_2025_round8.csv): 15 cities
// and the whole of Hainan (admin_level "province-wide"); its sources in cbec_pilot_zones.md.
std::vector<PilotZone> load_round8_zones();
// The zones of a registry already read (columns city_cn, city_en, province_cn, province_en, batch,
// approval_date, admin_level, parent_cn); `where` names the file in messages.
std::vector<PilotZone> pilot_zones_from(const Frame& registry, const std::string& where);
// Whether a table has the registry's key columns (city_cn, batch, approval_date).
bool is_registry(const Frame& f);

// The one name index of `cbec treat` and `cbec regions`: the zones' cities and provinces (English
// names also as "Name (Province)"), the provinces (data/china_provinces.csv), the cities of the
// region schemes with their English names (data/china_region_cities.csv), and every prefecture and
// province of data/china_cities.csv as known by its Chinese name. A bare English name of two
// places (Suzhou: 苏州/宿州, Taizhou: 台州/泰州) is ambiguous.
NameIndex china_place_names(const std::vector<PilotZone>& zones);
// A county-level unit administered directly by its province (city_code's digits 3-4 "90": 济源,
// 仙桃, Hainan's counties, the Xinjiang Corps cities), not one of the 337 prefecture-level units.
bool directly_administered_county(const std::string& city_code);

struct TreatOptions {
  std::string unit, time;
  std::string level = "city";          // city or province
  std::string county_rule = "parent";  // parent: a county-level zone treats its parent prefecture; ignore
  std::string timing = "year";         // year (approval year); july (approved after June -> next year); lag=k
  std::string unmatched = "missing";   // a unit that is no known place: missing, or never (coded 0 as a control)
};

struct TreatReport {
  size_t units = 0, treated_units = 0;
  std::vector<std::string> matched_zones;   // unit -> zone, as "unit: zone (batch, year)"
  std::vector<std::string> no_zone;         // known cities/provinces without a pilot zone (never treated)
  std::vector<std::string> unmatched;       // units whose name is not a known city/province (missing, or never treated)
  bool unmatched_coded_never = false;       // unmatched = never: they are coded 0
  std::vector<std::string> warnings;        // e.g. a panel that runs past the zones counted
  std::string rules;
};

// Adds treat, first_treat (0 = never), post, did, rel_time (missing if never) and batch; a unit
// that is no known place has them missing (or 0 with unmatched = never), a row without a year has
// no post or did. A province-wide zone treats its province, or at city level every city of
// data/china_cities.csv in it.
// Refuses (DataError) ambiguous English names, by the rules of `cbec regions` (china_place_names),
// and two rows of the same unit and year (naming both lines).
TreatReport add_treatment(Frame& frame, const TreatOptions& options, const std::vector<PilotZone>& zones);

}  // namespace cbec
