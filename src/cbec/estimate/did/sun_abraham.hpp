// Sun and Abraham (2021) interaction-weighted event study: cohort x relative-period effects from a
// TWFE regression with the never-treated (or, failing that, the last-treated cohort) as controls,
// aggregated per relative period with weights equal to each cohort's share of the treated
// observations at that period (eq. 16; as fixest::sunab + aggregate). Standard errors by the delta
// method with the weights held fixed.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <vector>

#include "cbec/estimate/did/event_study.hpp"

namespace cbec {

struct SunAbrahamResult {
  RegressionResult model;          // the saturated cohort x period regression
  std::vector<EventPeriod> periods;
  double att = 0, att_se = 0;      // average over periods >= 0, weighted by observations
  std::string control_cohort;      // "never treated" or "last treated (g)"
};

SunAbrahamResult sun_abraham(const Frame& frame, const StaggeredSpec& spec, int ref = -1, double level = 0.95);

nlohmann::json to_json(const SunAbrahamResult& r);

}  // namespace cbec
