// Tables, map and JSON of the pilot-zone analyses (analysis/zones/): the registry summary (by
// batch and region, by province, by year; coverage), the map of zones by batch, and the
// monitoring of indicators for zone and other units (levels, growth, gaps, ranks, inequality).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/domain/zone_summary.hpp"
#include "cbec/estimate/describe/group_trends.hpp"
#include "cbec/estimate/inequality/grouped.hpp"
#include "cbec/report/figures.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

std::vector<Table> zone_summary_tables(const ZoneSummary& s);
nlohmann::json to_json(const ZoneSummary& s);
// Prefectures coloured by the batch of their first zone; `features`: GeoJSON of china_city_polygons.
Figure zones_map(const ZoneSummary& s, const nlohmann::json& features);
Figure zones_rollout_chart(const ZoneSummary& s);

// The monitoring tables of one indicator; group 1 of the trends is the pilot zones, group 0 the others.
Table levels_table(const std::string& indicator, const GroupTrends& t, const std::string& units_word);   // "cities"
Table inequality_table(const std::string& indicator, const std::vector<PeriodInequality>& rows, const std::string& by);
Table ranks_table(const std::string& indicator, const GroupTrends& t, const std::vector<std::string>& units, double first, double last);
// A period as JSON: a whole number (2020) when it is one.
nlohmann::json period_json(double period);
// The periods' inequality as JSON: totals, between and within parts, and each group's figures.
nlohmann::json inequality_json(const std::vector<PeriodInequality>& rows);
nlohmann::json monitor_json(const std::string& indicator, const GroupTrends& t, const std::vector<PeriodInequality>& rows,
                            const std::vector<std::string>& units);

}  // namespace cbec
