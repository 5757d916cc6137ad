// The estimated fixed effects per level (estimate/ols/fixed_effect_levels.hpp) as JSON and as a
// table: one row per level with its estimate, standard error (one dimension) and observations.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cbec/estimate/ols/fixed_effect_levels.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// {"<dimension>": {"levels": [...], "estimate": [...], "se": [...] (one dimension), "nobs": [...]}, "normalization": "..."}
nlohmann::json to_json(const std::vector<FixedEffectLevels>& fe);
Table fixed_effects_table(const std::vector<FixedEffectLevels>& fe, const std::string& model);

}  // namespace cbec
