// Borusyak, Jaravel and Spiess (2024, Review of Economic Studies 91(6)) imputation estimator for
// staggered DID:
// 1. fit unit and period fixed effects (and covariates) by OLS on untreated observations only
//    (eq. 6, Theorem 2 step 1);
// 2. impute Y(0) for treated observations and take tau_it = Y_it - Y^_it(0) (step 2);
// 3. average tau_it with the target's weights: the overall ATT (all treated observations) and the
//    ATT by horizon (periods since treatment) (step 3).
// Standard errors are the conservative cluster-robust ones of Theorem 3 (eq. 8-10): the estimator is
// linear in Y with weights v_it (the target weights for treated observations, -Z0 (Z0'Z0)^-1 Z1'w1
// for untreated ones); residuals of treated observations are taken net of the v^2-weighted average
// of tau within cohort x horizon cells. The pre-trend test (sec. 4.4, Test 1) regresses Y on leads
// of treatment among untreated observations with the same fixed effects and tests them jointly.
// As the R package didimputation 0.4.0; with observation weights cbec uses W0 in (Z0'W0 Z0)^-1
// where didimputation squares the weights.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cbec/estimate/did/staggered.hpp"
#include "cbec/estimate/result.hpp"

namespace cbec {

struct ImputationOptions {
  bool horizons = true;        // also estimate the ATT at each horizon e = 0, 1, ...
  int pretrend_leads = 3;      // leads 1..K in the pre-trend regression (0: no test)
  std::string cluster;         // default: the unit
  double level = 0.95;
};

struct ImputationEffect {
  std::string term;            // "ATT" or "h0", "h1", ...
  double horizon = -1;         // -1 for the overall ATT
  double att = 0, se = 0, ci_low = 0, ci_high = 0;
  size_t n_treated_obs = 0;
};

struct ImputationResult {
  std::vector<ImputationEffect> effects;
  std::optional<RegressionResult> pretrend_model;  // leads on untreated observations
  std::optional<TestResult> pretrend_test;         // joint Wald F of the leads
  std::vector<std::string> covariates;             // those kept
  std::vector<std::string> collinear;              // covariates dropped: collinear with the effects on untreated rows
  size_t n_untreated = 0, n_treated = 0, n_clusters = 0;
  std::map<std::string, size_t> dropped;
  std::vector<std::string> warnings;
  std::string cluster;
};

// spec.controls: covariates (numeric formula terms); spec.weights: observation weights.
ImputationResult imputation_did(const Frame& frame, const StaggeredSpec& spec, const ImputationOptions& options = {});

}  // namespace cbec
