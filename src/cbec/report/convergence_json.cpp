#include "cbec/report/convergence_json.hpp"

#include "cbec/report/regression_json.hpp"

namespace cbec {

namespace {
nlohmann::json trend_json(const Trend& t) {
  return {{"slope", json_number(t.slope)}, {"se", json_number(t.slope_se)}, {"p_value", json_number(t.slope_p)},
          {"intercept", json_number(t.intercept)}, {"intercept_se", json_number(t.intercept_se)}, {"intercept_p_value", json_number(t.intercept_p)}};
}
}  // namespace

nlohmann::json to_json(const SigmaResult& r) {
  nlohmann::json j{{"variable", r.variable}, {"group", r.group}, {"logs", r.logs},
                   {"sd_definition", "sd: sample SD, divisor n - 1; sd_population: divisor n; cv = sd / mean of the levels (also when sd is of the logs); the trends use sd and cv"},
                   {"sd_trend", trend_json(r.sd_trend)}, {"cv_trend", trend_json(r.cv_trend)}, {"years_left_out_of_trends", r.years_without_sd},
                   {"dropped", {{"missing", r.missing}, {"missing_group", r.missing_group}}}, {"warnings", r.warnings}};
  for (const auto& row : r.rows)
    j["by_year"].push_back({{"year", row.year}, {"n", row.n}, {"mean", row.mean}, {"sd", json_number(row.sd)}, {"cv", json_number(row.cv)},
                            {"sd_population", json_number(row.sd_population)}, {"cv_population", json_number(row.cv_population)}});
  return j;
}

nlohmann::json to_json(const BetaResult& r) {
  nlohmann::json j = to_json(r.model);
  j["convergence"] = {{"kind", r.kind}, {"group", r.group}, {"beta", r.beta}, {"beta_se", json_number(r.beta_se)},
                      {"speed", json_number(r.speed)}, {"speed_se", json_number(r.speed_se)},
                      {"half_life", json_number(r.half_life)}, {"half_life_se", json_number(r.half_life_se)}, {"T", r.T}, {"period", r.period_name},
                      {"se_method", "delta method: se(speed) = se(beta) / |1 + T beta|, se(half_life) = ln 2 se(speed) / speed^2"}};
  return j;
}

nlohmann::json to_json(const LogTTest& t) {
  return {{"coef", t.coef}, {"se", t.se}, {"stat", t.stat}, {"p_value", t.p_value}, {"intercept", t.intercept}, {"nobs", t.nobs}};
}

namespace {
nlohmann::json clubs_json(const std::vector<Club>& clubs, const std::vector<std::string>& units) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : clubs) {
    nlohmann::json j = to_json(c.test);
    for (size_t u : c.members) j["members"].push_back(units[u]);
    if (!c.merged.empty()) j["merged_from"] = c.merged;
    out.push_back(j);
  }
  return out;
}
}  // namespace

nlohmann::json to_json(const ClubResult& r) {
  const auto& o = r.options;
  nlohmann::json j{{"method", "club"}, {"variable", r.variable},
                   {"n_units", r.units.size()}, {"periods", r.periods},
                   {"options", {{"logs", o.logs}, {"hp_lambda", o.hp_lambda}, {"r", o.r}, {"cstar", o.cstar}, {"order_fraction", o.order_fraction}, {"merge", o.merge}, {"core_rule", o.core_rule},
                                {"hac", "quadratic spectral, Andrews AR(1) bandwidth (ConvergenceClubs FQSB)"}}},
                   {"log_t", to_json(r.full)}, {"clubs", clubs_json(r.clubs, r.units)}, {"divergent", nlohmann::json::array()}};
  for (size_t u : r.divergent) j["divergent"].push_back(r.units[u]);
  if (o.merge != "none") j["merged_clubs"] = clubs_json(r.merged, r.units);
  return j;
}

}  // namespace cbec
