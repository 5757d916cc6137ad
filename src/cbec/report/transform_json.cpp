#include "cbec/report/transform_json.hpp"

namespace cbec {

nlohmann::json to_json(const std::vector<TransformReport>& reports) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : reports)
    j.push_back({{"column", r.column}, {"transform", r.description}, {"computed", r.computed}, {"missing_input", r.missing_input},
                 {"not_computable", r.invalid}, {"changed", r.changed}});
  return j;
}

}  // namespace cbec
