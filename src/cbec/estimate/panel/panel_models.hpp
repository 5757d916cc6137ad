// The classic panel estimators of R plm / Stata xtreg on a formula without fixed-effect part:
// pooled OLS, within (one-way individual or time, two-way), between (OLS on unit means), first
// differences (gap-aware, with intercept as plm) and random effects with the Swamy-Arora variance
// components (Swamy and Arora 1972; unbalanced panels as Baltagi and Chang 1994), plus the Hausman
// (1978) test and Stata's within/between/overall R-squared.
#pragma once
#include <string>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

enum class PanelModel { Pooling, Within, WithinTime, Twoways, Between, FirstDifference, Random };

PanelModel parse_panel_model(const std::string& name);  // pooled, fe, fe_time, twoways, be, fd, re
std::string panel_model_name(PanelModel m);

struct PanelOptions {
  std::string unit, time;
  VcovSpec vcov;   // not for between (iid only)
};

RegressionResult panel_model(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& options);

// Hausman test of FE against RE on their common slopes: H = d'(V_fe - V_re)^-1 d, chi2(k).
TestResult hausman(const RegressionResult& fe, const RegressionResult& re);

}  // namespace cbec
