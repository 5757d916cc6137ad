// The dynamic spatial panel with fixed effects by quasi-ML and its analytic bias correction:
// Yu, de Jong and Lee (2008, J. Econometrics 146, 118-134; YJL) with unit effects, Lee and Yu
// (2010, Econometric Theory 26, 564-597; LY) with unit and time effects, as SDPDmod 0.0.6
// (SDPDm(dynamic = TRUE, tlaginfo = list(tl = TRUE, stl = TRUE), LYtrans = TRUE)).
//
// Model (YJL eq. 1; SDM: Elhorst 2014, eq. 4.2), t = 1..T after the initial period 0:
//   y_t = rho W y_t + gamma y_{t-1} + eta W y_{t-1} + X_t beta [+ W X_t theta] + c + alpha_t l + V_t
// Unit effects c are removed by the within (unit-demeaning) transformation; two-way: the time
// effects first by F_{n,n-1}' (LY section 2: F the orthonormal eigenvectors of I - l l'/n for
// eigenvalue 1, W* = F'WF, n* = n - 1; needs W l = l, row-standardized weights), then the unit
// means. With n* units, T periods, N = n* T and Z = (y_{t-1}, W y_{t-1}, X [, W X]) transformed:
//   QML (YJL eq. 5): max over rho of -N/2 ln(e'e/N) + T ln|I - rho W*|, e = e_0 - rho e_d
//   (residuals of y and W* y on Z), b = b_0 - rho b_d, sigma2 = e'e/N.
// Variance (YJL theorem 2, as SDPDmod): (Sigma^-1 + Sigma^-1 Omega Sigma^-1) / N with Sigma the
// information of (b, rho, sigma2) over N (SDPDmod's f_SIG / (nT)) and Omega its fourth-moment
// term (f_OMG), mu4 from SDPDmod's residuals y - (I_T x S^-1) Z b (S = I - rho W*).
// Bias correction (YJL eq. 21-23 and theorem 3; LY eq. 3.4 for the unit-root eigenvalues of
// A = S^-1 (gamma I + eta W*)): theta_1 = theta + Sigma^-1 b / T with
//   b_gamma = tr((I - B)^-1 S^-1) / n*, b_eta = tr(W* (I - B)^-1 S^-1) / n*,
//   b_rho = gamma tr(G (I - B)^-1 S^-1) / n* + eta tr(G W* (I - B)^-1 S^-1) / n* + tr(G) / n*,
//   b_sigma2 = 1 / (2 sigma2), G = W* S^-1,
// B = A less its eigenvalues above 1 - 1/n* (m of them; then T/(2(1 - rho)) m/n* is added to
// b_gamma, b_eta and b_rho, as SDPDmod). The corrected estimates' variance is the formula above at
// theta_1 (SDPDmod's std1). Dense n x n matrices (S^-1, the eigenvectors of A); never nT x nT.
//
// Impacts (Elhorst 2014, section 4.3; SDPDmod's impactsSDPDm) with the original W and the
// reported estimates: short-run (I - rho W)^-1 (beta_k I + theta_k W), long-run
// ((1 - gamma) I - (rho + eta) W)^-1 (beta_k I + theta_k W); direct = mean diagonal, total =
// mean row sum, indirect = total - direct. Simulated SEs as impactsSDPDm: the standard deviations
// over draws of (rho, coefficients) from N(estimates, variance of the reported fit).
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/core/stage_timer.hpp"
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

struct SpatialDynamicOptions {
  SpatialPanelModel model = SpatialPanelModel::Sar;      // sar or sdm
  SpatialPanelEffect effect = SpatialPanelEffect::Individual;   // individual or twoways
  bool bias_correction = true;
  int impact_draws = 0;                 // draws for the impacts' simulated SEs (0: none)
  unsigned long long seed = 1;
  StageTimer* timer = nullptr;          // claims design (the transformation), solve (estimates, correction, variance) and impacts
};

struct DynamicImpacts {
  std::vector<std::string> terms;   // the regressors x (not the lags, not W x)
  Eigen::VectorXd direct_short, indirect_short, total_short, direct_long, indirect_long, total_long;
  // simulated SEs (empty without draws) and the draws kept (rho inside its interval)
  Eigen::VectorXd se_direct_short, se_indirect_short, se_total_short, se_direct_long, se_indirect_long, se_total_long;
  int draws = 0;
};

struct SpatialDynamicResult {
  SpatialPanelResult fit;    // the reported estimates: bias-corrected unless the correction is off (loglik: the quasi-ML's)
  SpatialPanelResult qml;    // the quasi-ML estimates before the correction
  bool bias_corrected = false;
  long unit_root_eigenvalues = 0;   // eigenvalues of A above 1 - 1/n* (m)
  DynamicImpacts impacts;
};

// `d`: a balanced panel with one W, its last two regressors y_{t-1} and W y_{t-1}, no intercept.
SpatialDynamicResult spatial_dynamic_panel(const SpatialPanelData& d, const SpatialDynamicOptions& o);

}  // namespace cbec
