// The LeSage-Pace impacts (impacts.hpp) of a fitted spatial lag model: SAR, SDM, SAC (spatial_ml),
// SAR by spatial 2SLS (stsls), GM SAC (gm_sac) or a spatial panel SAR/SDM/SAC by ML (spatial_panel) or GM
// (spatial_panel_gm, with its Durbin terms W.x), as spatialreg::impacts(fit, listw = ...) takes them from a fit.
#pragma once
#include <optional>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/impacts.hpp"

namespace cbec {

// rho, the coefficients of the non-intercept regressors, their spatial lags "lag.<x>" or "W.<x>" (SDM;
// theta_k = 0 with zero variance for a regressor left out of the Durbin terms) and the variance of
// (rho, beta, theta) taken from the fit's; nullopt for a model without rho (SEM, SDEM,
// SLX, the GM error models) or without regressors.
std::optional<ImpactsInput> impacts_input(const RegressionResult& fit);

}  // namespace cbec
