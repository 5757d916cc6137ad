#include "cbec/report/convergence_json.hpp"

#include "cbec/report/regression_json.hpp"

namespace cbec {

nlohmann::json to_json(const SigmaResult& r) {
  nlohmann::json j{{"variable", r.variable}, {"group", r.group}, {"logs", r.logs},
                   {"sd_trend", {{"slope", r.sd_slope}, {"se", r.sd_slope_se}, {"p_value", r.sd_slope_p}}},
                   {"cv_trend", {{"slope", r.cv_slope}, {"se", r.cv_slope_se}, {"p_value", r.cv_slope_p}}}};
  for (const auto& row : r.rows) j["by_year"].push_back({{"year", row.year}, {"n", row.n}, {"mean", row.mean}, {"sd", row.sd}, {"cv", row.cv}});
  return j;
}

nlohmann::json to_json(const BetaResult& r) {
  nlohmann::json j = to_json(r.model);
  j["convergence"] = {{"kind", r.kind}, {"group", r.group}, {"beta", r.beta}, {"speed", r.speed}, {"half_life", r.half_life}, {"T", r.T}};
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
                   {"options", {{"logs", o.logs}, {"hp_lambda", o.hp_lambda}, {"r", o.r}, {"cstar", o.cstar}, {"order_fraction", o.order_fraction}, {"merge", o.merge},
                                {"hac", "quadratic spectral, Andrews AR(1) bandwidth (ConvergenceClubs FQSB)"}}},
                   {"log_t", to_json(r.full)}, {"clubs", clubs_json(r.clubs, r.units)}, {"divergent", nlohmann::json::array()}};
  for (size_t u : r.divergent) j["divergent"].push_back(r.units[u]);
  if (o.merge != "none") j["merged_clubs"] = clubs_json(r.merged, r.units);
  return j;
}

}  // namespace cbec
