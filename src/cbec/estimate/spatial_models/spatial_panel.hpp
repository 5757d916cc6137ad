// Spatial panel models by maximum likelihood: SAR (spatial lag), SEM (spatial error) and SDM
// (SAR with W x), pooled or with individual, time or two-way fixed effects (Elhorst 2003, 2014
// ch. 3; Lee and Yu 2010, J. Econometrics 154, 165-185), balanced or not.
//
// Model, period t with the n_t units observed in t and their weights W_t:
//   SAR/SDM: y_t = rho W_t y_t + X_t beta [+ W_t X_t theta] + alpha + e_t
//   SEM:     y_t = X_t beta + alpha + u_t,  u_t = lambda W_t u_t + e_t,  e ~ N(0, sigma^2 I)
// with alpha a constant (pooled), unit effects, period effects or both, removed by the within
// transformation Q (exact, balanced or not: estimate/ols/demean). Log-likelihood (Elhorst 2014,
// eq. 3.9 and 3.21 with T ln|I - rho W| replaced by its sum over periods):
//   ln L = sum_t ln|I - rho W_t| - N/2 ln(2 pi sigma^2) - e'e / (2 sigma^2),  N = sum_t n_t,
// concentrated in rho (lambda) alone: for SAR, e = e0 - rho e1 with e0, e1 the residuals of Qy and
// Q(Wy) on QX (Anselin 1988, eq. 12.8); for SEM, e the residual of Q(y - lambda Wy) on
// Q(X - lambda WX), the dummy-variable likelihood when (I - lambda W) D spans D (balanced panels,
// period effects only with W's row sums all equal); otherwise (unbalanced, or period effects with
// binary W or islands) the SEM is fitted with the filtered dummies (spatial_panel_effect_dummies.cpp). The one-dimensional maximum is found by Brent's method on the weights'
// admissible interval and polished on the score (d ln L / d rho = 0, with -tr(W_t (I - rho W_t)^-1)
// from the log-determinant).
//
// Unbalanced panels: a period's W_t is W restricted to the units present in t, transformed again
// (row-standardized by default), so the Jacobian is sum_t ln|I - rho W_t| over the distinct W_t;
// nothing is balanced silently and the observations dropped are counted by the caller.
//
// Lags: `PanelLags::Within` (default) uses Q(W y), the within transformation of the spatial lag,
// which is the fixed-effects (dummy-variable) likelihood of Lee and Yu's direct approach (equal to
// spatialreg's lagsarlm with effect dummies on block-diagonal weights). `PanelLags::Splm` applies
// W to the demeaned variables, W(Qy), as splm 1.6 does (spfeml); the two coincide with individual
// effects on a balanced panel, and with time effects only when W's columns sum to one.
//
// Variance: the inverse of the information matrix of (sigma^2, rho, beta) in splm's form
// (Lee and Yu 2010, eq. 3.4, without the fixed-effect adjustments):
//   SAR: I_ss = N / (2 s^4), I_sr = sum_t tr(G_t) / s^2, I_rr = sum_t tr(G_t G_t + G_t'G_t)
//        + |G X b|^2 / s^2, I_rb = X'G X b / s^2, I_bb = X'X / s^2, G_t = W_t (I - rho W_t)^-1;
//   SEM: the same with G_t = W_t (I - lambda W_t)^-1, no |GXb| and cross terms, I_bb = X*'X* / s^2,
//        X* = Q(X - lambda W X).
//   Traces are exact (dense inverse) for n_t <= 2000, else Hutchinson (1990) estimates from 100
//   Rademacher vectors with sparse LU solves (seed fixed, noted in the result).
//
// Lee and Yu (2010) bias correction (balanced panels only), as splm 1.6-5 (spfeml, LeeYu = TRUE):
// individual effects: sigma^2 x T/(T-1) and T-1 in place of T in the information and the
// log-likelihood (the transformation approach, Lee and Yu section 3); time effects: sigma^2 x
// n/(n-1), n-1 in place of n; two-way: theta + Sigma^-1 a / n with Sigma = I(theta) / (nT) the
// information per observation and a = (1/(2 sigma^2), 1/(1-rho), 0), then sigma^2 x T/(T-1), the
// variance the inverse information at the corrected values (Lee and Yu 2010, section 4, as Elhorst's
// MATLAB sar_panel_FE.m; splm 1.6-5 subtracts I(theta)^-1 a / n and takes T/(T+1) sigma^2). The
// corrections assume a row-standardized W (a warning otherwise).
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/kkp_moments.hpp"
#include "cbec/estimate/spatial_models/log_determinant.hpp"

namespace cbec {

enum class SpatialPanelModel { Sar, Sem, Sdm, Sac };
enum class SpatialPanelEffect { Pooled, Individual, Time, Twoways, Random };
// Whether the fixed effect e absorbs a level per unit (individual, twoways) or per period (time, twoways).
inline bool absorbs_units(SpatialPanelEffect e) { return e == SpatialPanelEffect::Individual || e == SpatialPanelEffect::Twoways; }
inline bool absorbs_periods(SpatialPanelEffect e) { return e == SpatialPanelEffect::Time || e == SpatialPanelEffect::Twoways; }
enum class PanelLags { Within, Splm };
// The random-effects SEM's error structure (spatial_panel_re.hpp): Baltagi, Song and Koh (2003),
// the spatial process in the idiosyncratic errors only; Kapoor, Kelejian and Prucha (2007), in both.
enum class SpatialReErrors { Baltagi, Kkp };

SpatialPanelModel parse_spatial_panel_model(const std::string& name);    // sar, sem, sdm, sac
SpatialPanelEffect parse_spatial_panel_effect(const std::string& name);  // pooled, individual, time, twoways, random
std::string spatial_panel_effect_name(SpatialPanelEffect e);

using SparseRowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// The data, already cleaned (no missing values) and with the weights of each period.
struct SpatialPanelData {
  std::string depvar;
  Eigen::VectorXd y;
  Eigen::MatrixXd X;                        // regressors; the intercept ("(Intercept)", first) only when pooled
  std::vector<std::string> x_names;
  std::vector<int32_t> unit, period;        // per observation: 0..n_units-1, 0..n_periods-1
  size_t n_units = 0, n_periods = 0;
  std::vector<SparseRowMatrix> weights;     // the distinct per-period weights (already transformed)
  std::vector<size_t> period_weights;       // per period: its index in `weights`
  std::vector<std::vector<long>> period_rows;  // per period: its observations, in the order of its weights' rows
  bool balanced() const;
};

struct SpatialPanelOptions {
  SpatialPanelModel model = SpatialPanelModel::Sar;
  SpatialPanelEffect effect = SpatialPanelEffect::Individual;
  bool lee_yu = false;
  PanelLags lags = PanelLags::Within;
  LogDetMethod log_det = LogDetMethod::Auto;
  SpatialReErrors re_errors = SpatialReErrors::Baltagi;   // random effects only
  GmMoments moments = GmMoments::Initial;                  // GM (spatial_panel_gm.hpp) only
  bool durbin = false;                                     // GM only: W x of every regressor (splm's Durbin = TRUE)
  std::vector<std::string> durbin_terms;                   // sdm by ML, GM with durbin: W x of these regressors only (empty: all but the intercept)
};

struct SpatialPanelResult {
  RegressionResult reg;          // terms: "rho" (SAR/SDM/SAC) and/or "lambda" (SEM/SAC), the regressors, "W.x" (SDM)
  std::string model, effect;
  double spatial = 0;            // rho or lambda (SAC: rho)
  double spatial_error = 0;      // SAC: the error's lambda
  double sigma2 = 0;
  double loglik = 0;             // full log-likelihood
  double loglik_concentrated = 0;   // sum_t ln|I - rho W_t| - N/2 ln(e'e) (splm's SEM logLik)
  double rss = 0;
  std::pair<double, double> interval;   // admissible values of the spatial parameter
  bool balanced = true;
  bool lee_yu = false;
  std::string lags, log_det, traces;    // how the lags, log-determinant and traces were computed
  size_t n_units = 0, n_periods = 0;
  // random effects only (spatial_panel_re.hpp): phi = sigma_mu^2 / sigma^2, sigma_mu^2, the errors
  double phi = 0, sigma2_mu = 0;
  std::string errors;            // "re", "baltagi" or "kkp"
  // "ml", or "gm" (spatial_panel_gm.hpp: no log-likelihood; sigma_1^2 and theta with random effects)
  std::string estimator = "ml", moments;
  double sigma2_1 = 0, theta = 0;
  bool durbin = false;           // GM with W x regressors ("W.x" terms)
};

// Fits the model: fixed effects or pooled here; random effects by spatial_panel_re
// (spatial_panel_re.hpp), the SAC by spatial_panel_sac; the SEM with fixed effects on an unbalanced
// panel (lags within) by the likelihood with the filtered effect dummies
// (spatial_panel_effect_dummies.cpp), whose B D no longer spans D there.
SpatialPanelResult spatial_panel(const SpatialPanelData& data, const SpatialPanelOptions& options);
// The fixed-effects (or pooled) SAC: on a balanced panel as splm's spml(lag = TRUE, spatial.error =
// "b", model = "within") (spatial_panel_sac.cpp); on an unbalanced one the likelihood with the
// effect dummies and each period's W_t (spatial_panel_effect_dummies.cpp).
SpatialPanelResult spatial_panel_sac(const SpatialPanelData& data, const SpatialPanelOptions& options);

}  // namespace cbec
