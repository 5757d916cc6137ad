// Fully modified OLS (Phillips and Hansen 1990, Review of Economic Studies 57, eq. 3.5-3.6) of
// y_t = d_t' a + x_t' b + u_t, x_t = x_{t-1} + e_t, for one unit, and its panel versions.
//   rows t = 2..T (the first period has no e_t), u_1t the static OLS residual, u_2t = e_t = dx_t;
//   Omega, Delta: the long-run and one-sided long-run covariances of (u_1t, u_2t') (long_run_covariance.hpp);
//   y+_t = y_t - u_2t' Omega_22^-1 Omega_21,   lambda+ = Delta_21 - Delta_22 Omega_22^-1 Omega_21,
//   b+ = (X~'X~)^-1 (X~'y+ - n lambda+),  X~ the regressors with d_t partialled out, n = T - 1,
//   Var(b+) = omega_1.2 (X~'X~)^-1,  omega_1.2 = Omega_11 - Omega_12 Omega_22^-1 Omega_21.
// Panel (N units, each with its own deterministic terms):
//   pooled (Phillips and Moon 1999, sec. 4): Omega and Delta averaged over the units, each unit's from
//     the residuals of the pooled within OLS; b = (sum X~'X~)^-1 sum (X~_i'y+_i - n_i lambda+),
//     Var = omega_1.2 (sum X~'X~)^-1;
//   weighted (EViews' "pooled weighted" FMOLS; the weighting of Kao and Chiang 2000): each unit's own
//     Omega_i, Delta_i, and its sums divided by omega_1.2,i: b = (sum X~'X~/w_i)^-1 sum (X~_i'y+_i -
//     n_i lambda+_i)/w_i, Var = (sum X~'X~/w_i)^-1. Not Pedroni's (2000) within-dimension estimator,
//     which weights the cross-products by L22,i^-2 and the corrected ones by (L11,i L22,i)^-1;
//   group_mean (Pedroni 2001, eq. 10): b = N^-1 sum b_i, Var = N^-2 sum Var(b_i), and Pedroni's
//     t = N^-1/2 sum t_i.
#pragma once
#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/long_run_fit.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

// One unit; with `hansen`, also Hansen's (1992) Lc (hansen_lc.hpp).
LongRunFit fmols_unit(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, const LongRunSpec& s, bool hansen = true);

PanelLongRun panel_fmols(const CointegrationData& d, PanelEstimator e, const LongRunSpec& s);

}  // namespace cbec
