#include "cbec/report/index_json.hpp"

namespace cbec {

nlohmann::json to_json(const EntropyResult& r) {
  nlohmann::json j{{"estimator", "entropy"}, {"n", r.n}, {"warnings", r.warnings}};
  for (size_t k = 0; k < r.indicators.size(); ++k) {
    const long i = static_cast<long>(k);
    j["indicators"][r.indicators[k]] = {{"e", r.e[i]}, {"g", r.g[i]}, {"w", r.w[i]}};
  }
  for (const auto& [g, w] : r.group_weights) j["groups"][g] = w;
  return j;
}

nlohmann::json to_json(const GroupedEntropyResult& r, const std::string& by) {
  nlohmann::json j{{"estimator", "entropy"}, {"scope", r.scope}, {"by", by}};
  for (size_t g = 0; g < r.levels.size(); ++g) {
    nlohmann::json one = to_json(r.results[g]);
    one.erase("estimator");
    j["by_group"][r.levels[g]] = one;
  }
  return j;
}

nlohmann::json to_json(const std::vector<VifStep>& steps) {
  nlohmann::json j{{"estimator", "vif"}, {"steps", nlohmann::json::array()}};
  for (const auto& s : steps) {
    nlohmann::json step;
    for (size_t k = 0; k < s.names.size(); ++k)
      step["vif"][s.names[k]] = {{"vif", s.vif[static_cast<long>(k)]}, {"inverse", 1 / s.vif[static_cast<long>(k)]}};
    step["dropped"] = s.dropped;
    j["steps"].push_back(step);
  }
  return j;
}

}  // namespace cbec
