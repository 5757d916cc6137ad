// JSON of the panel family's results: threshold regression, subgroup differences, matching, and
// the reports of the steps adding pilot-zone treatment and region columns.
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/domain/pilot_zones.hpp"
#include "cbec/domain/regions.hpp"
#include "cbec/estimate/did/psm.hpp"
#include "cbec/estimate/did/subgroup.hpp"
#include "cbec/estimate/panel/threshold.hpp"

namespace cbec {

nlohmann::json to_json(const ThresholdResult& r);
nlohmann::json to_json(const SubgroupResult& r);
// with_rows: also the score and matching weight of every row.
nlohmann::json to_json(const MatchingResult& m, bool with_rows = false);
nlohmann::json to_json(const TreatReport& r);
nlohmann::json to_json(const RegionReport& r);

}  // namespace cbec
