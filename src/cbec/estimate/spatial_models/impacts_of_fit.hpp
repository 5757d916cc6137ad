// The LeSage-Pace impacts (impacts.hpp) of a fitted spatial lag model: SAR, SDM, SAC (spatial_ml),
// SAR by spatial 2SLS (stsls) or a spatial panel SAR/SDM (spatial_panel), as
// spatialreg::impacts(fit, listw = ...) takes them from a fit.
#pragma once
#include <optional>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/impacts.hpp"

namespace cbec {

// rho, the coefficients of the non-intercept regressors, their spatial lags "lag.<x>" or "W.<x>" (SDM) and the
// variance of (rho, beta, theta) taken from the fit's; nullopt for a model without rho (SEM, SDEM,
// SLX, GM) or without regressors.
std::optional<ImpactsInput> impacts_input(const RegressionResult& fit);

}  // namespace cbec
