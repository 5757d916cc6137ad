// Convergence analysis (Barro and Sala-i-Martin 1992; Sala-i-Martin 1996).
// Sigma convergence: the cross-sectional SD and coefficient of variation of a variable (or of its
// log) by year, with a linear trend test (OLS of the dispersion on time; a negative slope is
// sigma convergence). Beta convergence: cross-section, the average annual growth
// (ln y_iT - ln y_i0) / T on ln y_i0 (absolute; conditional with controls measured in the initial
// year); panel, annual growth ln y_it - ln y_i,t-1 on ln y_i,t-1 with unit (and optionally year)
// fixed effects. Speed of convergence s = -ln(1 + T beta) / T, half-life ln 2 / s (T = 1 in panels).
#pragma once

#include <string>
#include <vector>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct SigmaRow {
  int64_t year = 0;
  size_t n = 0;
  double mean = 0, sd = 0, cv = 0;
};

struct SigmaResult {
  std::string variable, group;
  bool logs = false;
  std::vector<SigmaRow> rows;
  double sd_slope = 0, sd_slope_se = 0, sd_slope_p = 0;   // trend of the SD
  double cv_slope = 0, cv_slope_se = 0, cv_slope_p = 0;   // trend of the CV
};

struct BetaResult {
  std::string kind, group;    // kind: cross_section or panel
  RegressionResult model;
  double beta = 0, speed = 0, half_life = 0;
  double T = 1;
};

// Speed of convergence -ln(1 + T beta) / T (NaN when 1 + T beta <= 0).
double convergence_speed(double beta, double T);

struct ConvergenceSpec {
  std::string variable, unit, time;
  std::vector<std::string> controls;   // conditional convergence
  std::string group;                   // subgroup runs (e.g. northeast / southwest), "" = all
  bool logs = true;                    // sigma on ln y
  bool time_fe = false;                // panel beta: add year fixed effects
  VcovSpec vcov;
};

std::vector<SigmaResult> sigma_convergence(const Frame& frame, const ConvergenceSpec& spec);
std::vector<BetaResult> beta_cross_section(const Frame& frame, const ConvergenceSpec& spec);
std::vector<BetaResult> beta_panel(const Frame& frame, const ConvergenceSpec& spec);


}  // namespace cbec
