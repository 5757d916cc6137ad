// Random-effects spatial panel models by maximum likelihood, as splm 1.6-5's spml(model =
// "random") (Millo and Piras 2012, J. Stat. Softw. 47(1), section 2: ML random effects), on a panel
// of n units and T periods; u_t the period-t errors:
//   SAR-RE:      y_t = rho W y_t + X_t beta + mu + v_t                      (splm lag = TRUE, "re")
//   SEM-RE (b):  y_t = X_t beta + mu + e_t, e_t = lambda W e_t + v_t         (Baltagi, Song and Koh
//                2003, J. Econometrics 117, eq. 2.1-2.2 and 2.6; splm spatial.error = "b", "semre")
//   SEM-RE (kkp): y_t = X_t beta + u_t, u_t = lambda W u_t + mu + v_t        (Kapoor, Kelejian and
//                Prucha 2007, J. Econometrics 140, section 2; splm spatial.error = "kkp", "sem2re")
//   SAC-RE:      y_t = rho W y_t + X_t beta + u_t with the SEM-RE errors above, (b) or (kkp)
//                (splm lag = TRUE with spatial.error = "b": saremREmod, "kkp": sarem2REmod; one W)
//   SDM-RE:      y_t = rho W y_t + X_t beta + W X_t theta + mu + v_t        (the SAR-RE likelihood with
//                W X among the regressors, Elhorst 2014, section 3.2; splm's ML has no Durbin option,
//                so its check is spml(lag = TRUE) on the data with the W X columns added)
// mu ~ N(0, sigma_mu^2 I_n), v ~ N(0, sigma_v^2 I), phi = sigma_mu^2 / sigma_v^2 (splm's "phi").
// Scaled error covariance Sigma (Var u = sigma_v^2 Sigma), B = I - lambda W, Jbar = J_T / T,
// E = I_T - Jbar (Baltagi et al. 2003, eq. 2.8-2.9 for b; Millo and Piras 2012, section 2):
//   RE:  Sigma^-1 = Jbar (x) I_n / (T phi + 1) + E (x) I_n,   ln|Sigma|^-1/2 = -n/2 ln(T phi + 1)
//   b:   Sigma^-1 = Jbar (x) (T phi I + (B'B)^-1)^-1 + E (x) B'B,
//        ln|Sigma|^-1/2 = -1/2 ln|I + T phi B'B| + T ln|B|
//   kkp: Sigma^-1 = (Jbar / (T phi + 1) + E) (x) B'B,  ln|Sigma|^-1/2 = -n/2 ln(T phi + 1) + T ln|B|
// Unbalanced panels (beyond splm, which refuses them), all four models: unit i's T_i periods in the
// error components and each period's W_t restricted to its units (row-standardized again, as the
// fixed-effects models), B_t = I - lambda W_t, u = y - rho W y - X beta stacked by period:
//   RE:  Sigma_i^-1 = E_{T_i} + Jbar_{T_i} / (T_i phi + 1),  ln|Sigma|^-1/2 = -1/2 sum_i ln(T_i phi + 1)
//        (Baltagi 2013, Econometric Analysis of Panel Data, 5th ed., section 9.2);
//   kkp: the RE form of B_t u_t, plus sum_t ln|B_t|;
//   b:   Sigma = phi D D' + blockdiag_t (B_t'B_t)^-1 (D the unit dummies of the rows present), by the
//        Woodbury identity and the matrix determinant lemma with the n x n sparse D'blockdiag(B_t'B_t)D
//        (spatial_re_covariance.hpp).
// On a balanced panel these are the formulas above. Checked against the likelihoods written out with
// dense matrices in R (tests/reference/spreg/spatial_panel_re_unbalanced.R for SAR-RE and SDM-RE,
// spatial_panel_re_error_unbalanced.R for SEM-RE and SAC-RE, the latter first reproducing splm on
// the balanced panel).
// Log-likelihood concentrated in beta and sigma_v^2 (GLS at given phi, lambda, rho), N observations:
//   ln L = -N/2 (ln 2 pi + 1) + sum_t ln|I - rho W_t| + ln|Sigma|^-1/2 - N/2 ln(e'Sigma^-1 e / N),
// e = y - rho W y - X beta_GLS. Sigma^-1 is applied through the unit means and the deviations from
// them, with the b's n x n matrices factorized sparsely (spatial_re_covariance.hpp): no nT x nT (nor
// n x n dense) matrix.
// The maximum is found by nested Brent searches (rho outside, then lambda, ln phi inside).
//
// Variance, as splm: beta's is sigma_v^2 (X'Sigma^-1 X)^-1 at the estimates (the variance
// parameters held fixed); that of (phi, spatial parameter) the inverse of minus the numerical
// Hessian of the concentrated log-likelihood (numeric_hessian.hpp: central differences, where splm
// uses nlme's noisier fdHess, so the two agree to about 1e-2); the two blocks are reported side by
// side (block-diagonal vcov); on unbalanced panels the same, of the likelihood above.
// phi: the log-likelihood is flat in phi (a change of 1e-5 in phi moves it by 1e-11 on Produc), so
// splm's and cbec's optimizers agree on phi to about 1e-5, on the other estimates to 1e-6 or better.
//
// Naming: cbec's rho is the spatial lag and lambda the spatial error; splm calls its lag
// coefficient "lambda" and its error coefficient "rho".
#pragma once
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

// Fits SAR-RE, SDM-RE, SEM-RE or SAC-RE (options.model, options.re_errors), balanced or not;
// refuses the Lee-Yu correction. The result's terms: "rho" or "lambda",
// "phi", then the regressors.
SpatialPanelResult spatial_panel_re(const SpatialPanelData& data, const SpatialPanelOptions& options);

}  // namespace cbec
