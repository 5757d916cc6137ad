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
  double mean = 0;                        // of the values the SD is of (ln y by default)
  double sd = 0;                          // sample SD (divisor n - 1, R's sd, Stata's summarize)
  double sd_population = 0;               // population SD (divisor n)
  // The coefficient of variation SD(y) / mean(y) of the levels, sample and population, also when
  // the SD is of ln y: the CV of logs would change with y's units (and its sign with mean(ln y)).
  double cv = 0, cv_population = 0;
};

// OLS trend of a dispersion series on the year: value = intercept + slope year, iid SEs, t tests
// with (years - 2) df.
struct Trend {
  double slope = 0, slope_se = 0, slope_p = 0;
  double intercept = 0, intercept_se = 0, intercept_p = 0;
};

struct SigmaResult {
  std::string variable, group;
  bool logs = false;
  std::vector<SigmaRow> rows;
  Trend sd_trend, cv_trend;   // trends of the sample SD and of its CV (the tested series)
  size_t missing = 0;                     // rows without the variable or the year, left out
  std::vector<int64_t> years_without_sd;  // one unit that year: no SD, left out of the trends (as lm drops NA)
  size_t missing_group = 0;               // rows without a value of the group column, left out
  std::vector<std::string> warnings;      // e.g. the units differ across years
};

// Speed s = -ln(1 + T beta) / T and half-life h = ln 2 / s with delta-method standard errors
// (Greene 2012, sec. 4.6): ds/dbeta = -1 / (1 + T beta), so se(s) = se(beta) / |1 + T beta|; dh/ds =
// -ln 2 / s^2, so se(h) = ln 2 se(s) / s^2. se(beta) is the model's, with its --vcov.
struct BetaResult {
  std::string kind, group;    // kind: cross_section or panel
  RegressionResult model;
  double beta = 0, beta_se = 0, speed = 0, speed_se = 0, half_life = 0, half_life_se = 0;
  double T = 1;
  // What one period of the time column is: "year" when its values are calendar years one apart,
  // else "period" (speed per period, half-life in periods).
  std::string period_name = "year";
};

// Speed of convergence -ln(1 + T beta) / T (NaN when 1 + T beta <= 0).
double convergence_speed(double beta, double T);

// The speed and half-life of beta (standard error beta_se) over T periods, with their delta-method
// standard errors as above; NaN where undefined (no convergence: no half-life; no speed: no SE).
struct SpeedMeasures {
  double speed = 0, speed_se = 0, half_life = 0, half_life_se = 0;
};
SpeedMeasures speed_measures(double beta, double beta_se, double T);

struct ConvergenceSpec {
  std::string variable, unit, time;
  std::vector<std::string> controls;   // conditional convergence
  std::string group;                   // subgroup runs (e.g. northeast / southwest), "" = all
  bool logs = true;                    // sigma on ln y
  std::string fe = "unit";             // panel beta: fixed effects unit, time or twoway
  VcovSpec vcov;
};

std::vector<SigmaResult> sigma_convergence(const Frame& frame, const ConvergenceSpec& spec);
std::vector<BetaResult> beta_cross_section(const Frame& frame, const ConvergenceSpec& spec);
std::vector<BetaResult> beta_panel(const Frame& frame, const ConvergenceSpec& spec);


}  // namespace cbec
