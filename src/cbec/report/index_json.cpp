#include "cbec/report/index_json.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cbec {

nlohmann::json to_json(const EntropyResult& r) {
  nlohmann::json j{{"estimator", "entropy"}, {"n", r.n}, {"k", 1 / std::log(static_cast<double>(r.n))}, {"k_formula", "1 / ln(n)"},
                   {"shift", r.shift},
                   {"shift_convention", r.score_shifted ? "shift in the shares and in the scores: s_i = sum_j w_j (x'_ij + shift)"
                                                        : "shift in the shares only; scores use the unshifted x': s_i = sum_j w_j x'_ij"},
                   {"warnings", r.warnings}};
  for (size_t k = 0; k < r.indicators.size(); ++k) {
    const long i = static_cast<long>(k);
    nlohmann::json one{{"e", r.e[i]}, {"g", r.g[i]}, {"w", r.w[i]}};
    if (r.min.size()) {
      one["min"] = r.min[i];
      one["max"] = r.max[i];
    }
    j["indicators"][r.indicators[k]] = one;
  }
  j["scores"] = std::vector<double>(r.scores.data(), r.scores.data() + r.scores.size());
  for (const auto& [g, w] : r.group_weights) j["groups"][g] = w;
  return j;
}

nlohmann::json to_json(const GroupedEntropyResult& r, const std::string& by) {
  nlohmann::json j{{"estimator", "entropy"}, {"scope", r.scope}, {"by", by}};
  for (size_t g = 0; g < r.levels.size(); ++g) {
    nlohmann::json one = to_json(r.results[g]);
    one.erase("estimator");
    one.erase("scores");  // all rows' scores are given once, below
    j["by_group"][r.levels[g]] = one;
  }
  j["scores"] = std::vector<double>(r.scores.data(), r.scores.data() + r.scores.size());
  return j;
}

nlohmann::json to_json(const std::vector<VifStep>& steps) {
  nlohmann::json j{{"estimator", "vif"}, {"steps", nlohmann::json::array()}};
  for (const auto& s : steps) {
    nlohmann::json step;
    for (size_t k = 0; k < s.names.size(); ++k)
      step["vif"][s.names[k]] = {{"vif", s.vif[static_cast<long>(k)]}, {"inverse", 1 / s.vif[static_cast<long>(k)]}};
    step["dropped"] = fmt::format("{}", fmt::join(s.dropped, ", "));
    step["dropped_variables"] = s.dropped;
    j["steps"].push_back(step);
  }
  return j;
}

}  // namespace cbec
