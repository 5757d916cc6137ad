// A staggered-adoption design: outcome, unit, time and first treatment period (0 or missing for
// never-treated units), plus controls and extra fixed effects. Shared by TWFE DID, the event study,
// randomization inference and the wild cluster bootstrap.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct StaggeredSpec {
  std::string y, unit, time, first_treat;
  std::vector<std::string> controls;   // formula terms, e.g. "log(gdp)"
  std::vector<std::string> extra_fe;   // further fixed effects, e.g. "province^year"
  std::string weights;
  std::string vcov = "";               // default: clustered by unit

  VcovSpec vcov_spec() const;
  // "y ~ <terms> + controls | unit + time + extra" with the given treatment terms.
  std::string formula(const std::vector<std::string>& treatment_terms) const;
};

// The outcome and the covariates (spec.controls, numeric terms) of the estimators that fit their own
// models cell by cell (Callaway-Sant'Anna, imputation), with the intercept first when asked for,
// the weights, and the unit, time and `extra_groups` carried. `estimator` names the caller in the
// error raised when a term expands into several columns (a factor).
Design covariate_design(const Frame& frame, const StaggeredSpec& spec, bool intercept,
                        const std::vector<std::string>& extra_groups, const std::string& estimator);

// First treatment period per row: NaN for never treated (0, missing or +inf in first_treat, or a
// period after the last one observed, as fixest codes never-treated cohorts).
std::vector<double> first_treatment(const Frame& frame, const StaggeredSpec& spec);
// The units first_treatment() counts as never treated because their first treatment comes after
// the last period observed (not those coded 0 or missing), and that period.
struct TreatedAfterSample {
  std::vector<std::string> units;
  double last_period = 0;
};
TreatedAfterSample treated_after_sample(const Frame& frame, const StaggeredSpec& spec);

// Refuses a reference period (relative to treatment) with no treated observation, given the
// treated observations per relative period: the normalization would fall silently on whichever
// period the regression drops as collinear (a panel in steps of two years has no period -1).
void refuse_empty_reference(const std::map<int, size_t>& treated_per_period, int ref, const std::string& method);

// Adds the column "did" = 1[time >= first_treat] to a copy of the frame.
Frame with_did(const Frame& frame, const StaggeredSpec& spec, const std::string& name = "did");

}  // namespace cbec
