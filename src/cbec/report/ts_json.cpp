#include "cbec/report/ts_json.hpp"

#include <cmath>

namespace cbec {

namespace {
nlohmann::json critical_json(const std::array<double, 3>& c) { return {{"1%", c[0]}, {"5%", c[1]}, {"10%", c[2]}}; }
}  // namespace

nlohmann::json to_json(const AdfResult& r) {
  return {{"stat", r.stat}, {"p_value", r.p_value}, {"rho", r.rho}, {"se", r.se}, {"sigma", r.sigma},
          {"lags", r.lags}, {"nobs", r.nobs}, {"T", r.T}, {"critical", critical_json(r.critical)}};
}

nlohmann::json to_json(const UnitTests& r) {
  nlohmann::json j{{"test", r.test}, {"series", r.label}, {"variable", r.variable}, {"deterministic", to_string(r.deterministic)},
                   {"lags", r.lags}, {"units", nlohmann::json::array()}};
  for (size_t i = 0; i < r.units.size(); ++i) {
    const UnivariateTest& t = r.results[i];
    j["units"].push_back({{"unit", r.units[i]}, {"stat", t.stat}, {"p_value", t.p_value}, {"lags", t.lags}, {"nobs", t.nobs},
                          {"critical", critical_json(t.critical)}});
  }
  return j;
}

}  // namespace cbec

namespace cbec {

nlohmann::json to_json(const PanelUnitRootResult& r) {
  nlohmann::json j{{"test", r.test}, {"series", r.label}, {"variable", r.variable}, {"h0", r.h0},
                   {"deterministic", to_string(r.deterministic)}, {"n_units", r.n_units}, {"mean_T", r.mean_T},
                   {"mean_lags", r.mean_lags}, {"statistics", nlohmann::json::array()}};
  for (const auto& s : r.stats) {
    nlohmann::json sj{{"name", s.name}, {"value", s.value}};
    if (!std::isnan(s.p_value)) sj["p_value"] = s.p_value;
    if (!s.reference.empty()) sj["distribution"] = s.reference;
    j["statistics"].push_back(sj);
  }
  if (!r.notes.empty()) j["notes"] = r.notes;
  return j;
}

}  // namespace cbec

namespace cbec {

nlohmann::json to_json(const CrossDependenceResult& r) {
  nlohmann::json j{{"variable", r.variable}, {"controls", r.controls}, {"residuals", r.residuals}, {"n_units", r.n_units},
                   {"pairs", r.pairs}, {"pairs_dropped", r.pairs_dropped}, {"dropped", r.dropped}, {"mean_rho", r.mean_rho}, {"mean_abs_rho", r.mean_abs_rho},
                   {"statistics", nlohmann::json::array()}};
  for (const auto& s : r.stats) j["statistics"].push_back({{"name", s.name}, {"value", s.value}, {"p_value", s.p_value}, {"distribution", s.distribution}});
  return j;
}

}  // namespace cbec

namespace cbec {

nlohmann::json to_json(const CipsResult& r) {
  nlohmann::json j{{"variable", r.variable}, {"deterministic", to_string(r.deterministic)}, {"lags", r.lags}, {"truncated", r.truncated},
                   {"n_units", r.n_units}, {"T", r.T}, {"cips", r.cips}, {"critical", critical_json(r.critical)}, {"p_value", r.p_bound},
                   {"cadf", nlohmann::json::array()}};
  for (size_t i = 0; i < r.units.size(); ++i) j["cadf"].push_back({{"unit", r.units[i]}, {"t", r.cadf[i]}});
  return j;
}

}  // namespace cbec
