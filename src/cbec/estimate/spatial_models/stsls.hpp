// Spatial two-stage least squares of the lag model y = rho W y + X b + e (Kelejian & Prucha 1998,
// the S2SLS step, eq. 8-11; Anselin 1988, 7.2), as spatialreg::stsls: instruments X, WX and W^2X
// (the non-intercept columns), plus W1 and W^2 1 when W is not row-standardized; variance
// s^2 (Zp'Zp)^-1 with s^2 = e'e/(n - k - 1), or White's HC0/HC1 sandwich on the projected
// regressors Zp = [P_Q Wy, X] (spatialreg's robust = TRUE, legacy = FALSE).
#pragma once
#include <Eigen/SparseCore>

#include <string>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/spatial_ml.hpp"

namespace cbec {

// vcov: "iid", "hc0" or "hc1". Terms: X, then "rho"; t tests with n - k - 1 df shown as normal
// (spatialreg reports z values).
RegressionResult stsls(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const std::string& vcov = "iid");

}  // namespace cbec
