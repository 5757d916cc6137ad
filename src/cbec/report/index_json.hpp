// The JSON of the composite-index results (entropy weights, pooled or by group; VIF screening).
// The analysis layer adds "cbec" and "analysis".
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/estimate/index/vif.hpp"

namespace cbec {

nlohmann::json to_json(const EntropyResult& r);
nlohmann::json to_json(const GroupedEntropyResult& r, const std::string& by);
nlohmann::json to_json(const std::vector<VifStep>& steps);

}  // namespace cbec
