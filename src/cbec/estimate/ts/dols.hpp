// Dynamic OLS (Saikkonen 1991; Stock and Watson 1993, Econometrica 61(4), eq. 3.1) of
//   y_t = d_t' a + x_t' b + sum_{j=-q..p} dx_{t+j}' g_j + v_t,   t = q + 2, ..., T - p,
// p leads, q lags of the regressors' differences; Var(b) = omega_v (Z'Z)^-1 restricted to b, omega_v
// the long-run variance of v (long_run_covariance.hpp). Leads and lags are given, or chosen per unit
// by AIC, BIC or Hannan-Quinn over p, q = 0..max on the common sample t = max + 2..T - max, the
// chosen regression then re-estimated on all the rows it can use.
// Panel (each unit its own deterministic terms and lead/lag coefficients, partialled out unit by
// unit, as Mark and Sul 2003, eq. 5, and EViews' panel DOLS):
//   pooled (Kao and Chiang 2000, eq. 9): b = (sum X~'X~)^-1 sum X~'y~, Var = omega (sum X~'X~)^-1,
//     omega the mean over units of the long-run variances of their residuals at b;
//   weighted (Mark and Sul 2003, eq. 8): the sums divided by each unit's own omega_v,i, Var = (sum X~'X~/w_i)^-1;
//   group_mean (Pedroni 2001): b = N^-1 sum b_i, Var = N^-2 sum Var(b_i), Pedroni's t = N^-1/2 sum t_i.
#pragma once
#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/long_run_fit.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

enum class LeadLagRule { Fixed, Aic, Bic, Hq };

struct LeadLagChoice {
  LeadLagRule rule = LeadLagRule::Fixed;
  int leads = 1, lags = 1;   // when Fixed
  // For the criteria; -1: floor(min((T - k)/3, 12) (T/100)^(1/4)) (EViews' default), reduced until the
  // largest regression keeps at least as many residual degrees of freedom as coefficients: with
  // fewer, AIC and HQ pick near-saturated regressions (the largest orders) and the slopes are far off.
  int max = -1;
};

// "fixed", "aic", "bic", "hq".
LeadLagRule parse_lead_lag_rule(const std::string& name);
std::string to_string(LeadLagRule r);

LongRunFit dols_unit(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, const LeadLagChoice& c, const LongRunSpec& s);

PanelLongRun panel_dols(const CointegrationData& d, PanelEstimator e, const LeadLagChoice& c, const LongRunSpec& s);

}  // namespace cbec
