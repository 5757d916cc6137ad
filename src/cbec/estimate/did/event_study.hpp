// TWFE event study for staggered adoption: leads and lags of time relative to treatment, a
// reference period (default -1) left out, endpoints binned, and a joint pre-trend Wald F test.
// Never-treated units carry zeros in every relative-time dummy (they are pure controls).
#pragma once
#include <vector>

#include "cbec/estimate/did/staggered.hpp"
#include "cbec/estimate/result.hpp"

namespace cbec {

struct EventStudyOptions {
  int ref = -1;                 // reference (omitted) relative period
  int min_rel = -5, max_rel = 5;  // window; beyond it periods are binned into the endpoints
  bool bin_endpoints = true;    // false: observations outside the window are dropped (counted)
  double level = 0.95;
};

struct EventPeriod {
  int rel = 0;
  double estimate = 0, se = 0, ci_low = 0, ci_high = 0, p_value = 1;
  bool reference = false;       // the omitted period (estimate 0 by construction)
  bool binned = false;          // an endpoint collecting all periods beyond it
  size_t n_treated_obs = 0;
};

struct EventStudyResult {
  RegressionResult model;
  std::vector<EventPeriod> periods;
  TestResult pretrend;          // H0: all lead coefficients (rel < 0, the reference left out) are zero
};

EventStudyResult event_study(const Frame& frame, const StaggeredSpec& spec, const EventStudyOptions& options = {});

// Standard multi-period TWFE DID: y on did = 1[t >= first_treat] with unit and time fixed effects.
RegressionResult twfe_did(const Frame& frame, const StaggeredSpec& spec);

}  // namespace cbec
