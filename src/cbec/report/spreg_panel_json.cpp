#include "cbec/report/spreg_panel_json.hpp"

#include "cbec/report/regression_json.hpp"

namespace cbec {

nlohmann::json to_json(const SpatialPanelResult& r) {
  nlohmann::json j = to_json(r.reg);
  j["model"] = r.model;
  j["effect"] = r.effect;
  j["spatial_parameter"] = r.model == "sem" ? "lambda" : "rho";   // sac: rho, and "lambda" beside
  j["sigma2"] = json_number(r.sigma2);
  j["loglik"] = json_number(r.loglik);
  j["loglik_concentrated"] = json_number(r.loglik_concentrated);
  j["interval"] = {json_number(r.interval.first), json_number(r.interval.second)};
  j["balanced"] = r.balanced;
  j["lee_yu"] = r.lee_yu;
  j["lags"] = r.lags;
  j["log_det"] = r.log_det;
  j["traces"] = r.traces;
  j["n_units"] = r.n_units;
  j["n_periods"] = r.n_periods;
  j["estimator"] = r.estimator;
  if (r.model == "sac" || (r.estimator == "gm" && r.model == "sem")) j["lambda"] = json_number(r.spatial_error);
  if (r.estimator == "gm") {
    j["moments"] = r.moments;
    j["durbin"] = r.durbin;
    j["sigma2_v"] = json_number(r.sigma2);
    if (r.effect == "random") {
      j["sigma2_1"] = json_number(r.sigma2_1);
      j["theta"] = json_number(r.theta);
    }
  }
  if (r.effect == "random") {
    j["phi"] = json_number(r.phi);
    j["sigma2_mu"] = json_number(r.sigma2_mu);
    j["errors"] = r.errors;
  }
  return j;
}

}  // namespace cbec
