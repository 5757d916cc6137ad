// Generalized spatial two-stage least squares of the SAC (SARAR) model y = rho W y + X b + u,
// u = lambda W u + e (Kelejian & Prucha 1998, J. Real Estate Finance Econ. 17(1), steps 1-3), as
// spatialreg::gstsls (legacy = FALSE, W2X = TRUE, one W):
//   1. 2SLS of y on [Wy, X] with instruments H = [X, WX, W^2X] (non-intercept columns);
//   2. lambda by the Kelejian-Prucha (1999) moments of the step-1 residuals (gm_lambda.hpp);
//   3. 2SLS of y* = y - lambda W y on [Wy*, X*] (Wy* = Wy - lambda W^2 y, X* = X - lambda W X) with
//      instruments [X*, WX, W^2X] (spatialreg keeps the untransformed WX, W^2X).
// Variance of (rho, b): step 3's s^2 (Zp'Zp)^-1, s^2 = e'e/(n - k - 1), or HC0/HC1 (robust);
// lambda has no standard error (spatialreg reports none: KP 1998 give none for this estimator).
#pragma once
#include <Eigen/SparseCore>

#include <string>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/spatial_ml.hpp"

namespace cbec {

// vcov: "iid", "hc0" or "hc1". Terms: X, "rho", "lambda" (its variance NaN); normal tests.
RegressionResult gm_sac(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const std::string& vcov = "iid");

}  // namespace cbec
