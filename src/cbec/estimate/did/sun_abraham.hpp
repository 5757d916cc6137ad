// Sun and Abraham (2021) interaction-weighted event study: cohort x relative-period effects from a
// TWFE regression with the never-treated (or, failing that, the last-treated cohort, or as fixest
// does, no control cohort: SunAbrahamOptions::control) as controls,
// aggregated per relative period with weights equal to each cohort's share of the treated
// observations at that period (eq. 16; as fixest::sunab + aggregate). Standard errors by the delta
// method with the weights held fixed.
#pragma once

#include <vector>

#include "cbec/estimate/did/event_study.hpp"

namespace cbec {

struct SunAbrahamOptions {
  int ref = -1;                          // reference relative period (no dummy)
  double level = 0.95;
  // Controls when no unit is never treated, and cohorts treated before the sample's start (with
  // never-treated units and no such cohort both rules are the same):
  //   last_cohort  the last-treated cohort is the control and periods from its treatment on are
  //                dropped (Sun and Abraham 2021, sec. 4); cbec's default;
  //   fixest       as fixest::sunab: every cohort with periods before and after its treatment is
  //                interacted (dummies in fixest's order: relative period, then cohort), nothing is
  //                dropped, and the cells collinear with the unit and year effects (one per period
  //                but one) are removed in that order, so the estimates rest on fixest's implicit
  //                normalisation; a cohort only observed treated is a reference like the never
  //                treated, no dummies and its rows kept (what fixest 0.12.2 does); the default
  //                leaves such a cohort's units out (Sun and Abraham 2021 exclude always-treated units).
  std::string control = "last_cohort";
};

struct SunAbrahamResult {
  RegressionResult model;          // the saturated cohort x period regression
  std::vector<EventPeriod> periods;
  double att = 0, att_se = 0;      // average over periods >= 0, weighted by observations
  std::string control_cohort;      // "never treated", "last treated (g)" or "none (fixest: ...)"
  size_t control_units = 0;        // units of the never-treated or last-treated control cohort (0 under the fixest rule)
  std::string control_rule;        // the option used: last_cohort or fixest
  std::vector<double> always_treated;  // cohorts treated before the sample's start, left out (last_cohort rule)
  std::vector<double> untreated_in_sample;  // cohorts observed only before their treatment: controls, as never-treated units (both rules, as fixest)
};

SunAbrahamResult sun_abraham(const Frame& frame, const StaggeredSpec& spec, const SunAbrahamOptions& options = {});

}  // namespace cbec
