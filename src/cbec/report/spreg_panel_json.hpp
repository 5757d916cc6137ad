// The JSON of the spatial panel models (analysis spxt) and of spatial beta convergence (spbeta).
// The analysis layer adds "cbec" and "analysis".
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

// The regression's keys (coef, se, vcov, ...) plus model, effect, spatial_parameter (its name:
// "rho" for the spatial lag, "lambda" for the spatial error; splm calls them the other way round),
// sigma2, loglik, loglik_concentrated, interval, balanced, lee_yu, lags, log_det, traces,
// n_units, n_periods; with random effects phi (sigma_mu^2 / sigma2), sigma2_mu and errors (re,
// baltagi, kkp); estimator (ml, gm); with gm: lambda (sem), moments, sigma2_v (= sigma2) and with random
// effects sigma2_1 and theta (splm's errcomp; phi and sigma2_mu derived from them).
nlohmann::json to_json(const SpatialPanelResult& r);

}  // namespace cbec
