#include "cbec/report/ts_coint_json.hpp"

#include <cmath>
#include <limits>

#include "cbec/report/regression_json.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

nlohmann::json to_json(const JarqueBera& r) {
  return {{"stat", json_number(r.stat)}, {"p_value", json_number(r.p_value)}, {"df", 2}, {"skewness", json_number(r.skewness)},
          {"kurtosis", json_number(r.kurtosis)}, {"n", r.n}};
}

nlohmann::json to_json(const KaoResult& r) {
  nlohmann::json j{{"test", "kao"}, {"null", "no cointegration"}, {"units", r.units}, {"periods", r.periods}, {"lags", r.lags},
                   {"rho", json_number(r.rho)}, {"t_rho", json_number(r.t_rho)}, {"t_adf", json_number(r.t_adf)},
                   {"residual_variance", json_number(r.sigma2_v)}, {"long_run_variance", json_number(r.sigma2_0v)},
                   {"bandwidth_mean", json_number(r.bandwidth)}, {"statistics", nlohmann::json::array()}};
  for (const auto& s : r.statistics) j["statistics"].push_back({{"name", s.name}, {"stat", json_number(s.stat)}, {"p_value", json_number(s.p_value)}});
  return j;
}

nlohmann::json to_json(const PedroniResult& r) {
  nlohmann::json j{{"test", "pedroni"}, {"null", "no cointegration"}, {"units", r.units.size()}, {"periods", r.periods},
                   {"regressors", r.regressors}, {"trend", r.trend}, {"intercept", r.intercept}, {"simulated_moments", r.simulated_moments},
                   {"bandwidth_mean", json_number(r.bandwidth)}, {"statistics", nlohmann::json::array()}, {"by_unit", nlohmann::json::array()}};
  for (const auto& s : r.statistics)
    j["statistics"].push_back({{"name", s.name}, {"raw", json_number(s.raw)}, {"stat", json_number(s.stat)}, {"p_value", json_number(s.p_value)},
                               {"mean", s.mean}, {"variance", s.variance}});
  for (const auto& u : r.units)
    j["by_unit"].push_back({{"unit", u.unit}, {"rho", json_number(u.rho)}, {"long_run_variance_dy", json_number(u.long_run_y)},
                            {"sigma2", json_number(u.sigma2)}, {"s2", json_number(u.s2)}, {"adf_t", json_number(u.adf_t)}, {"lags", u.lags}});
  return j;
}

nlohmann::json to_json(const WesterlundResult& r) {
  nlohmann::json j{{"test", "westerlund"}, {"null", "no cointegration"}, {"units", r.units.size()}, {"periods", r.periods},
                   {"regressors", r.regressors}, {"trend", r.trend}, {"intercept", r.intercept}, {"simulated_moments", true}, {"bootstrap", r.bootstrap},
                   {"statistics", nlohmann::json::array()}, {"by_unit", nlohmann::json::array()}};
  for (const auto& s : r.statistics) {
    nlohmann::json e{{"name", s.name}, {"raw", json_number(s.raw)}, {"stat", json_number(s.stat)}, {"p_value", json_number(s.p_value)}};
    if (r.bootstrap > 0) e["bootstrap_p_value"] = json_number(s.boot_p_value);
    j["statistics"].push_back(e);
  }
  for (const auto& u : r.units)
    j["by_unit"].push_back({{"unit", u.unit}, {"alpha", json_number(u.alpha)}, {"se", json_number(u.se)}, {"alpha1", json_number(u.alpha1)},
                            {"lags", u.lags}, {"leads", u.leads}});
  return j;
}

namespace {
nlohmann::json coefficients(const LongRunFit& f, const std::vector<std::string>& x) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t j = 0; j < x.size(); ++j) {
    const long i = static_cast<long>(j);
    const double se = std::sqrt(f.vcov(i, i)), t = f.beta[i] / se;
    out.push_back({{"term", x[j]}, {"coef", json_number(f.beta[i])}, {"se", json_number(se)}, {"t", json_number(t)}, {"p_value", json_number(p_normal_two_sided(t))}});
  }
  return out;
}
}  // namespace

namespace {

// The panel estimate as a regression model (z tests), so that a study's [[table]] can put FMOLS and
// DOLS beside fixed-effects models.
RegressionResult panel_model(const PanelLongRun& r, const std::string& long_run, const std::string& unit) {
  RegressionResult m;
  m.estimator = r.method + "_" + to_string(r.estimator);
  m.depvar = r.y;
  m.terms = r.x;
  m.coef = r.panel.beta;
  m.vcov = r.panel.vcov;
  m.nobs = r.panel.nobs;
  m.fixed_effects = {{unit, r.units.size()}};
  m.vcov_info.type = r.method == "fmols" ? "FMOLS " + long_run : "DOLS " + long_run;
  m.vcov_info.df = std::numeric_limits<double>::infinity();
  return m;
}

}  // namespace

nlohmann::json to_json(const PanelLongRun& r, const std::string& long_run, const std::string& unit) {
  nlohmann::json j{{"method", r.method}, {"estimator", to_string(r.estimator)}, {"variable", r.y}, {"regressors", r.x},
                   {"trend", r.trend}, {"long_run", long_run}, {"units", r.units.size()}, {"nobs", r.panel.nobs},
                   {"coefficients", coefficients(r.panel, r.x)}, {"omega_12", json_number(r.panel.omega_12)},
                   {"bandwidth_mean", json_number(r.panel.bandwidth)}};
  if (r.t_group_mean.size() > 0) {
    j["t_group_mean"] = nlohmann::json::array();
    for (long i = 0; i < r.t_group_mean.size(); ++i) j["t_group_mean"].push_back({{"term", r.x[static_cast<size_t>(i)]}, {"t", json_number(r.t_group_mean[i])}});
  }
  if (r.panel.resid.size() >= 3) j["jarque_bera"] = to_json(jarque_bera(r.panel.resid));
  j["warnings"] = r.warnings;
  j["models"] = nlohmann::json::array({to_json(panel_model(r, long_run, unit))});
  j["by_unit"] = nlohmann::json::array();
  for (size_t u = 0; u < r.units.size(); ++u) {
    const LongRunFit& f = r.unit_fits[u];
    nlohmann::json ju{{"unit", r.units[u]}, {"nobs", f.nobs}, {"coefficients", coefficients(f, r.x)}, {"omega_12", json_number(f.omega_12)},
                      {"bandwidth", json_number(f.bandwidth)}};
    if (r.method == "dols") {
      ju["leads"] = f.leads;
      ju["lags"] = f.lags;
      if (f.max_leads_lags >= 0) ju["max_leads_lags"] = f.max_leads_lags;
    }
    if (f.hansen_lc >= 0) ju["hansen_lc"] = json_number(f.hansen_lc);
    j["by_unit"].push_back(ju);
  }
  return j;
}

}  // namespace cbec
