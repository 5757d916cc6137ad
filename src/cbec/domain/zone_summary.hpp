// A summary of a pilot-zone registry for monitoring (`cbec zones`): zones by batch and region, by
// province and by year (new zones, cumulative rollout), and the coverage of provinces and of the
// prefecture-level cities of data/china_cities.csv. A county-level zone (Yiwu, ...) covers its parent
// prefecture under the county rule "parent" (as `cbec treat`); Xiong'an, a state-level new area with
// no parent prefecture in the registry, covers no prefecture (listed in `no_prefecture`).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/domain/pilot_zones.hpp"

namespace cbec {

struct ZoneSummaryOptions {
  std::string scheme = "seven";          // a province scheme of regions.hpp
  std::string county_rule = "parent";    // parent | ignore
};

struct ZoneProvince {
  std::string name_cn, name_en, region;
  size_t zones = 0, cities = 0, cities_covered = 0;
  int first_year = 0;                    // 0: no zone
};

struct ZoneYear {
  int year = 0;
  size_t new_zones = 0, zones = 0, provinces = 0, cities = 0;   // cumulative but new_zones
};

struct ZoneSummary {
  std::string scheme, county_rule;
  std::vector<std::string> regions;                  // in the order of first appearance in the province table
  std::vector<int> batches, batch_years;             // each batch and the year of its reply
  std::vector<std::vector<size_t>> by_batch_region;  // [batch][region]
  std::vector<ZoneProvince> provinces;               // the 31 mainland provinces, table order
  std::vector<ZoneYear> years;                       // every year from the first to the last reply
  std::map<std::string, int> city_batch;             // prefecture (Chinese name) -> earliest batch covering it
  std::vector<std::string> county_level, no_prefecture, unmatched;   // zones below prefecture level; covering none; not found
  size_t zones = 0, provinces_total = 0, cities_total = 0;
};

ZoneSummary summarize_zones(const std::vector<PilotZone>& zones, const ZoneSummaryOptions& options);

}  // namespace cbec
