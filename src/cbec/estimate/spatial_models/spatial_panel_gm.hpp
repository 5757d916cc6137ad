// Spatial panel models by generalized moments and instrumental variables, as splm 1.6-5's spgm
// (Millo and Piras 2012, J. Stat. Softw. 47(1), section 3), on a balanced panel of n units and T
// periods with one weights matrix W, unit fixed effects (splm model = "within") or random effects
// (model = "random"):
//   sem (lag = FALSE):  y = X beta + u, u_t = lambda W u_t + e_t, e = mu + v
//   sac (lag = TRUE):   y = rho (I_T (x) W) y + X beta + u, the same u
//   sar (lag = TRUE, spatial.error = FALSE): y = rho (I_T (x) W) y + X beta + mu + v
// lambda, sigma_v^2 and sigma_1^2 = sigma_v^2 + T sigma_mu^2 by the moments of Kapoor, Kelejian and
// Prucha (2007, J. Econometrics 140; kkp_moments.hpp) from first-stage residuals; Q0 the deviations
// from the unit means, Q1 the unit means, B = I - lambda W.
//   sem, within: u the within-OLS residuals; lambda, sigma_v^2 from the within moments; beta by
//     OLS of Q0 B y on Q0 B X, vcov s^2 (X*'X*)^-1 with s^2 = e'e / (nT - k) (splm: lm's).
//   sem, random: u the OLS residuals (with intercept); KKP initial, weights or fullweights; beta by
//     feasible GLS (KKP 2007, eq. 20): y* = B y - theta Q1 B y, X* likewise, theta =
//     1 - sigma_v / sigma_1; vcov sigma_v^2 (X*'X*)^-1.
//   sac (Mutl and Pfaffermayr 2011, Econometrics J. 14, section 3): first stage the within 2SLS of
//     Q0 y on Q0 W y and Q0 X with instruments H = [Q0 X, W Q0 X, W^2 Q0 X] (splm's ivplm.w2sls);
//     with random effects also the between 2SLS of sqrt(T) ybar on W ybar, Xbar with [Xbar, W Xbar,
//     W^2 Xbar] (ivplm.b2sls), whose residuals give the between moments. Then the spatial
//     Cochrane-Orcutt 2SLS of B y on B W y and B X: within (Q0) with the instruments H; random
//     (y* = B y - theta Q1 B y) with [X*, 1, Q0 X, Q1 X, W Q0 X, W^2 Q0 X, W Q1 X, W^2 Q1 X];
//     vcov sigma_v^2 (Zp'Zp)^-1, Zp = [projected W y*, X*].
//   sar: within, the first-stage 2SLS above (splm w2sls), vcov s^2 (Zp'Zp)^-1, s^2 = e'e/(nT - k - 1);
//     random, Baltagi's EC2SLS (splm ec2sls, Baltagi and Liu 2011): sigma_v^2 = e_w'e_w / (n(T-1) -
//     k - 1) and sigma_1^2 = e_b'e_b / (n - k - 1) from the within and between 2SLS, then 2SLS on
//     Q0 z / sigma_v + Q1 z / sigma_1 with instruments [1, Q0 X, Q1 X, W Q0 X, W^2 Q0 X, W Q1 X,
//     W^2 Q1 X]; vcov s^2 (Zp'Zp)^-1.
// Durbin terms (splm's spgm(Durbin = TRUE); LeSage and Pace 2009, eq. 2.35; Elhorst 2014, eq. 3.1):
// every regressor but the intercept (or those of durbin_terms, splm's Durbin = ~ x1 + x2) enters
// also as (I_T (x) W) x, named "W.x", and everything above runs on [X, (I_T (x) W) X]: sem becomes the SDEM, sar the SDM, sac the SAC with W x. The lag's
// instruments then span Q0 X, W Q0 X, W^2 Q0 X and W^3 Q0 X (Kelejian and Prucha 1998; splm's
// [Q0 X~, W Q0 X~, W^2 Q0 X~] with X~ = [X, W X], since Q0 W X = W Q0 X on a balanced panel).
// With fixed effects only the initial moments exist (splm ignores `moments` there: here it must be
// initial); sar has no moments (they are ignored, and the result's `moments` is empty). No
// log-likelihood; lambda has no standard error (splm reports none).
//
// Naming: cbec's rho is the spatial lag and lambda the spatial error; splm calls its lag
// coefficient "lambda" and its error coefficient "rho".
#pragma once
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

// Terms: "rho" (sar, sac), then the regressors (random effects: the intercept first), then "W.x" with
// durbin. Result:
// spatial (rho, or lambda for sem), spatial_error (lambda: sem, sac), sigma2 (sigma_v^2),
// sigma2_1, theta, phi = sigma_mu^2 / sigma_v^2 and sigma2_mu with random effects.
SpatialPanelResult spatial_panel_gm(const SpatialPanelData& data, const SpatialPanelOptions& options);

}  // namespace cbec
