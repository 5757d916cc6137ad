#include "cbec/report/did_json.hpp"

namespace cbec {

nlohmann::json to_json(const BaconResult& r) {
  nlohmann::json j{{"estimator", "bacon"}, {"twfe", r.twfe},
                   {"forbidden_weight", r.forbidden_weight}, {"warnings", r.warnings}};
  for (const auto& c : r.comparisons)
    j["two_by_twos"].push_back({{"treated", c.treated}, {"control", c.control}, {"type", c.type}, {"estimate", c.estimate}, {"weight", c.weight}});
  for (const auto& [type, wt] : r.by_type) j["by_type"][type] = {{"weight", wt.first}, {"estimate", wt.second}};
  return j;
}

nlohmann::json to_json(const DidMultiplegtResult& r) {
  nlohmann::json coef, se, ci, n_obs, n_sw;
  for (const auto& e : r.effects) {
    coef[e.name] = json_number(e.estimate);
    se[e.name] = json_number(e.se);
    ci[e.name] = {json_number(e.ci_low), json_number(e.ci_high)};
    n_obs[e.name] = e.n_obs;
    n_sw[e.name] = e.n_switchers;
  }
  return {{"estimator", "did_multiplegt"}, {"treatment", r.treatment}, {"coef", coef}, {"se", se},
          {"ci95", ci}, {"n_obs", n_obs}, {"n_switchers", n_sw}, {"n_units", r.n_units}, {"n_periods", r.n_periods},
          {"nobs", r.n_cells}, {"draws", r.draws}, {"failed_draws", r.failed_draws}, {"seed", r.seed}, {"warnings", r.warnings}};
}

nlohmann::json to_json(const ImputationResult& r) {
  nlohmann::json j = {{"estimator", "imputation"}, {"n_untreated", r.n_untreated}, {"n_treated", r.n_treated},
                      {"cluster", r.cluster}, {"n_clusters", r.n_clusters}, {"covariates", r.covariates}, {"collinear", r.collinear},
                      {"dropped", r.dropped}, {"warnings", r.warnings}};
  j["effects"] = nlohmann::json::array();
  for (const auto& e : r.effects)
    j["effects"].push_back({{"term", e.term}, {"horizon", e.horizon < 0 ? nlohmann::json(nullptr) : nlohmann::json(e.horizon)},
                            {"att", e.att}, {"se", e.se}, {"ci_low", e.ci_low}, {"ci_high", e.ci_high}, {"n_treated_obs", e.n_treated_obs}});
  j["pretrend"] = r.pretrend_model ? to_json(*r.pretrend_model) : nlohmann::json(nullptr);
  j["pretrend_test"] = r.pretrend_test ? nlohmann::json{{"stat", r.pretrend_test->stat}, {"df1", r.pretrend_test->df1}, {"df2", r.pretrend_test->df2},
                                                         {"p_value", r.pretrend_test->p_value}}
                                       : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const MediationResult& r) {
  return {{"estimator", "mediation"},
          {"steps", {to_json(r.total), to_json(r.mediator), to_json(r.direct)}},
          {"c", r.c}, {"a", r.a}, {"b", r.b}, {"c_prime", r.c_prime}, {"indirect", r.indirect},
          {"sobel", {{"z", r.sobel_z}, {"p_value", r.sobel_p}}}, {"proportion_mediated", r.proportion},
          {"bootstrap", {{"draws", r.draws}, {"conf_int", {r.boot_low, r.boot_high}}}}};
}

nlohmann::json to_json(const WildBootstrapResult& r) {
  return {{"estimator", "wild_cluster_bootstrap"}, {"term", r.term},
          {"cluster", r.cluster}, {"n_clusters", r.n_clusters}, {"weights", r.weight_type}, {"draws", r.draws},
          {"enumerated", r.enumerated}, {"null", r.null_value}, {"estimate", r.estimate}, {"stat", r.t_stat},
          {"p_value", r.p_value}, {"conf_int", {json_number(r.ci_low), json_number(r.ci_high)}}};
}

nlohmann::json to_json(const TwfeWeightsResult& r) {
  return {{"estimator", "twfe_weights"}, {"beta", r.beta}, {"n_positive", r.n_positive}, {"n_negative", r.n_negative},
          {"sum_positive", r.sum_positive}, {"sum_negative", r.sum_negative}, {"sd_for_zero_att", json_number(r.sd_for_zero_att)},
          {"sd_for_opposite_sign", json_number(r.sd_for_opposite_sign)}, {"verdict", r.verdict}};
}

namespace {

nlohmann::json to_json(const CsAggregation& a) {
  nlohmann::json j = {{"att", json_number(a.att)}, {"se", json_number(a.se)}, {"ci_low", json_number(a.ci_low)}, {"ci_high", json_number(a.ci_high)}};
  if (a.type == "simple") return j;
  j["crit_value"] = json_number(a.crit_value);
  j["effects"] = nlohmann::json::array();
  for (const auto& e : a.effects)
    j["effects"].push_back({{"key", e.key}, {"att", json_number(e.att)}, {"se", json_number(e.se)}, {"ci_low", json_number(e.ci_low)}, {"ci_high", json_number(e.ci_high)}});
  return j;
}

}  // namespace

nlohmann::json to_json(const CallawaySantAnnaResult& r) {
  const auto& o = r.options;
  nlohmann::json j = {{"estimator", "callaway_santanna"},
                      {"options", {{"control_group", o.control_group}, {"method", o.method}, {"base_period", o.base_period},
                                   {"anticipation", o.anticipation}, {"bootstrap", o.bootstrap}, {"uniform_bands", o.uniform_bands},
                                   {"draws", o.bootstrap ? o.draws : 0}, {"seed", o.seed}, {"level", o.level},
                                   {"cluster", o.cluster.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.cluster)}}},
                      {"n_units", r.n_units}, {"n_periods", r.n_periods}, {"n_never_treated", r.n_never_treated},
                      {"n_clusters", r.n_clusters}, {"crit_value", json_number(r.crit_value)}, {"dropped", r.dropped}, {"warnings", r.warnings}};
  j["group_time"] = nlohmann::json::array();
  for (const auto& e : r.group_time)
    j["group_time"].push_back({{"group", e.group}, {"time", e.time}, {"base_time", e.base_time}, {"post", e.post},
                               {"att", json_number(e.att)}, {"se", json_number(e.se)}, {"ci_low", json_number(e.ci_low)}, {"ci_high", json_number(e.ci_high)},
                               {"n_treated", e.n_treated}, {"n_comparison", e.n_comparison}});
  j["pretest"] = r.pretest ? nlohmann::json{{"stat", r.pretest->stat}, {"df", r.pretest->df1}, {"p_value", r.pretest->p_value}}
                           : nlohmann::json(nullptr);
  j["aggregations"] = {{"simple", to_json(r.simple)}, {"dynamic", to_json(r.dynamic)}, {"group", to_json(r.group)},
                       {"calendar", to_json(r.calendar)}};
  return j;
}

nlohmann::json to_json(const PlaceboResult& r) {
  return {{"estimator", "placebo"}, {"mode", r.mode}, {"seed", r.seed},
          {"estimate", r.estimate}, {"n_draws", r.draws.size()}, {"mean", r.mean}, {"sd", r.sd},
          {"p_value", {{"two_sided", r.p_two_sided}, {"left", r.p_left}, {"right", r.p_right}}},
          {"n_units", r.n_units}, {"n_treated_units", r.n_treated_units}, {"nobs", r.nobs}, {"dropped", r.dropped}, {"warnings", r.warnings},
          {"draws", r.draws}};
}

nlohmann::json to_json(const EventStudyResult& r) {
  nlohmann::json j = to_json(r.model);
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& p : r.periods)
    periods.push_back({{"rel", p.rel}, {"estimate", json_number(p.estimate)}, {"se", json_number(p.se)}, {"ci", {json_number(p.ci_low), json_number(p.ci_high)}},
                       {"p_value", json_number(p.p_value)}, {"reference", p.reference}, {"binned", p.binned}, {"n_treated_obs", p.n_treated_obs}});
  j["event_study"] = periods;
  return j;
}

nlohmann::json to_json(const SunAbrahamResult& r) {
  EventStudyResult es;
  es.model = r.model;
  es.periods = r.periods;
  nlohmann::json j = to_json(es);
  j["att"] = {{"estimate", r.att}, {"se", r.att_se}};
  j["control_cohort"] = r.control_cohort;
  j["control_units"] = r.control_units;
  j["always_treated_cohorts"] = r.always_treated;
  j["untreated_in_sample_cohorts"] = r.untreated_in_sample;
  j["control_rule"] = r.control_rule;
  return j;
}

}  // namespace cbec
