// JSON of the transform reports: one object per new column (column, transform, computed,
// missing_input, not_computable, changed).
#pragma once
#include <nlohmann/json.hpp>

#include <vector>

#include "cbec/frame/transforms.hpp"

namespace cbec {

nlohmann::json to_json(const std::vector<TransformReport>& reports);

}  // namespace cbec
