// Generalized moments estimator of the spatial error model y = X b + u, u = lambda W u + e
// (Kelejian & Prucha 1999), as spatialreg::GMerrorsar (legacy = FALSE): lambda and sigma^2 minimise
// the squared distance of the three moment equations (KP 1999, eq. 7-9) built from the OLS
// residuals; b by feasible GLS, regressing y - lambda Wy on X - lambda WX; sigma^2 = e'e/n with
// e = (I - lambda W) u_OLS; Var(b) = sigma^2 ((X - lambda WX)'(X - lambda WX))^-1; the standard
// error of lambda from Kelejian & Prucha (2004)'s asymptotic variance of the GM estimator
// (the same J and Phi as spatialreg, with tr(A1 A2) and tr(A2 A2) as traces).
#pragma once
#include <Eigen/SparseCore>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/spatial_ml.hpp"

namespace cbec {

// Terms: X, then "lambda"; normal tests.
RegressionResult gm_error(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w);

}  // namespace cbec
