#include "cbec/report/panel_json.hpp"

#include <nlohmann/json.hpp>

#include "cbec/report/regression_json.hpp"

namespace cbec {

nlohmann::json to_json(const ThresholdResult& r) {
  nlohmann::json j;
  j["estimator"] = "hansen1999";
  j["y"] = r.y;
  j["threshold"] = r.threshold;
  j["regime_dependent"] = r.regime_dependent;
  j["regressors"] = r.regressors;
  j["n_units"] = r.n_units;
  j["n_periods"] = r.n_periods;
  j["nobs"] = r.nobs;
  j["dropped"] = r.dropped;
  j["sse0"] = r.sse0;
  j["grid_size"] = r.grid_size;
  j["lr_critical"] = r.lr_critical;
  j["delete_last_period"] = r.delete_last_period;
  j["warnings"] = r.warnings;
  for (const auto& s : r.steps) {
    nlohmann::json t;
    t["k"] = s.k;
    t["thresholds"] = s.thresholds;
    t["estimate"] = s.estimate;
    t["ci"] = {s.ci_low, s.ci_high};
    if (s.k == 2) {
      t["refined"] = s.refined;
      t["refined_ci"] = {s.refined_ci_low, s.refined_ci_high};
    }
    t["sse"] = s.sse;
    t["F"] = s.F;
    t["p_value"] = json_number(s.p_value);
    t["critical_values"] = {{"0.90", json_number(s.crit90)}, {"0.95", json_number(s.crit95)}, {"0.99", json_number(s.crit99)}};
    t["draws"] = s.draws;
    t["regime_sizes"] = s.regime_sizes;
    t["model"] = to_json(s.model);
    for (size_t i = 0; i < s.model.terms.size(); ++i) t["se_white"][s.model.terms[i]] = s.se_white[static_cast<Eigen::Index>(i)];
    t["lr_curve"] = {{"threshold", s.grid}, {"lr", s.lr}};
    j["steps"].push_back(t);
  }
  return j;
}

nlohmann::json to_json(const SubgroupResult& r) {
  nlohmann::json j{{"term", r.term}, {"group", r.group}, {"levels", r.levels}, {"units", r.units},
                   {"difference", r.difference}, {"se_difference", r.se_difference}, {"z", r.z}, {"p_z", r.p_z},
                   {"p_permutation_one_sided", json_number(r.p_one_sided)}, {"p_permutation_two_sided", json_number(r.p_two_sided)},
                   {"draws", r.draws}, {"failed_draws", r.failed_draws}, {"dropped", r.dropped}, {"warnings", r.warnings}};
  for (const auto& m : r.models) j["models"].push_back(to_json(m));
  return j;
}

nlohmann::json to_json(const MatchingResult& m, bool with_rows) {
  nlohmann::json j{{"n_treated", m.n_treated}, {"n_control", m.n_control}, {"n_treated_matched", m.n_treated_matched},
                   {"n_control_matched", m.n_control_matched}, {"dropped", m.dropped}, {"warnings", m.warnings}};
  for (const auto& b : m.balance)
    j["balance"].push_back({{"variable", b.variable}, {"mean_treated", b.mean_treated}, {"mean_treated_after", b.mean_treated_after}, {"mean_control_before", b.mean_control_before},
                            {"mean_control_after", b.mean_control_after}, {"smd_before", json_number(b.smd_before)}, {"smd_after", json_number(b.smd_after)},
                            {"bias_before", json_number(b.bias_before)}, {"bias_after", json_number(b.bias_after)},
                            {"bias_reduction", json_number(b.bias_reduction)}, {"t_after", json_number(b.t_after)}, {"p_after", json_number(b.p_after)}});
  if (with_rows) {
    j["score"] = std::vector<double>(m.score.data(), m.score.data() + m.score.size());
    j["weights"] = m.weights;
  }
  return j;
}

nlohmann::json to_json(const TreatReport& r) {
  return {{"units", r.units}, {"treated_units", r.treated_units}, {"rules", r.rules},
          {"matched", r.matched_zones}, {"no_zone", r.no_zone}, {"unmatched", r.unmatched}, {"warnings", r.warnings}};
}

nlohmann::json to_json(const RegionReport& r) {
  return {{"scheme", r.scheme}, {"level", r.level}, {"column", r.column}, {"units", r.units},
          {"counts", r.counts}, {"outside", r.outside}, {"unmatched", r.unmatched}, {"ambiguous", r.ambiguous}};
}

}  // namespace cbec
