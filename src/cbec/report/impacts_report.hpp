// Tables and JSON of LeSage-Pace impacts (estimate/spatial_models/impacts.hpp).
#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "cbec/estimate/spatial_models/impacts.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

nlohmann::json to_json(const Impacts& impacts);
// One row per regressor: direct, indirect, total, each with its simulated SE when there is one.
Table impacts_table(const Impacts& impacts, const std::string& title);

}  // namespace cbec
