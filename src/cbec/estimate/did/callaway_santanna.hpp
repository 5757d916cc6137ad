// Callaway and Sant'Anna (2021, J. Econometrics 225(2)) difference-in-differences with multiple
// periods and staggered adoption, for balanced panels:
// - group-time average treatment effects ATT(g, t) (eq. 2.3), each a 2x2 DID of cohort g against
//   never-treated units (eq. 2.5-2.7) or not-yet-treated units (eq. 2.8-2.10), by outcome
//   regression, normalized IPW or the doubly robust estimator (see drdid_panel.hpp), with a
//   "varying" (previous period before treatment) or "universal" (g - 1) base period and a number of
//   anticipation periods (sec. 3.2);
// - aggregations (sec. 3.3, eq. 3.8-3.11): simple (weighted by cohort size), dynamic (event time e),
//   group (per cohort) and calendar (per period), each with the influence function that accounts for
//   the estimated cohort weights (the did package's wif());
// - inference from influence functions: analytical standard errors, or the multiplier bootstrap
//   with Rademacher weights (sec. 4, Algorithm 1), optionally clustered, with uniform confidence
//   bands from the bootstrap sup-t critical value; a Wald pre-test of parallel trends over all
//   pre-treatment ATT(g, t).
// Conventions follow the R package did (2.1.2 with its group-aggregation influence-function fix of
// 2.3): cohort sizes weighted by the first-period unit weights; ATT(g, t) that cannot be estimated
// (no comparison units, propensity scores of 0.999 or more, singular outcome regression) are
// reported and left out of the aggregations; units already treated in the first period are dropped
// and counted.
// Warnings (result.warnings, JSON "warnings") name the cells (g, t) on thin support: an ATT(g, t)
// or an event-time effect resting on fewer than 5 comparison units, a cohort of one unit, an
// event-time effect resting on one treated unit, and a pre-test whose covariance is singular or
// near-singular (correlation-matrix condition number above 1e8: the cells of its weakest direction).
#pragma once

#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cbec/estimate/did/staggered.hpp"
#include "cbec/estimate/result.hpp"

namespace cbec {

struct CallawaySantAnnaOptions {
  std::string control_group = "never";    // never | notyet
  std::string method = "dr";              // dr | ipw | reg
  std::string base_period = "varying";    // varying | universal
  int anticipation = 0;
  std::string cluster;                    // bootstrap clustering beyond the unit (time-invariant)
  bool bootstrap = true;                  // multiplier bootstrap standard errors (else analytical)
  bool uniform_bands = true;              // sup-t critical values (needs the bootstrap)
  size_t draws = 1000;
  uint64_t seed = 12345;
  int threads = 0;
  double level = 0.95;
  int min_e = INT_MIN, max_e = INT_MAX;   // event-time window of the dynamic aggregation
  std::optional<int> balance_e;           // dynamic: only cohorts observed for e = 0..balance_e
};

struct GroupTimeEffect {
  double group = 0, time = 0, base_time = 0;
  bool post = false, estimated = true;
  double att = 0, se = 0, ci_low = 0, ci_high = 0;
  size_t n_treated = 0, n_comparison = 0;
};

struct AggregateEffect {
  double key = 0;  // event time, cohort or period
  double att = 0, se = 0, ci_low = 0, ci_high = 0;
};

struct CsAggregation {
  std::string type;  // simple | dynamic | group | calendar
  double att = 0, se = 0, ci_low = 0, ci_high = 0;
  std::vector<AggregateEffect> effects;
  double crit_value = 0;  // for the effects' bands (uniform when bootstrapped with bands)
};

struct CallawaySantAnnaResult {
  CallawaySantAnnaOptions options;
  std::vector<GroupTimeEffect> group_time;
  double crit_value = 0;
  std::optional<TestResult> pretest;  // Wald chi2 that all pre-treatment ATT(g, t) are zero
  CsAggregation simple, dynamic, group, calendar;
  size_t n_units = 0, n_periods = 0, n_never_treated = 0, n_clusters = 0;
  std::map<std::string, size_t> dropped;  // reason -> rows or units
  std::vector<std::string> warnings;
};

// spec.controls are the covariates (formula terms, evaluated in the earlier period of each 2x2);
// spec.weights are unit weights. spec.extra_fe and spec.vcov are not used.
CallawaySantAnnaResult callaway_santanna(const Frame& frame, const StaggeredSpec& spec,
                                         const CallawaySantAnnaOptions& options = {});

}  // namespace cbec
