// The data-generating process behind `cbec simulate` and the bundled example study: a staggered
// pilot-zone rollout over real units with SIMULATED outcomes and known true effects.
//
//   x1_it = 0.5 a_i + u1_it,  x2_it = 0.3 g_t + u2_it                        (controls)
//   y_it  = a_i + g_t + trend t + b1 x1_it + b2 x2_it + tau_i(t) + sigma e_it
//   tau_i(t) = (effect + dynamic * (t - G_i)) * (1 + cohort_gradient * (G_last - G_i)) for t >= G_i
// with a_i, g_t, u, e standard normal, G_i the unit's first treatment period (never-treated
// units: no effect), G_last the latest cohort. cohort_gradient != 0 makes effects heterogeneous
// across cohorts, the case in which TWFE is biased and the robust estimators are not.
#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct SimulationSpec {
  std::string unit = "unit", first_treat = "first_treat";  // columns of the units table
  int first_period = 2011, last_period = 2020;
  double effect = 0.10, dynamic = 0.05, cohort_gradient = 0.0;
  double b1 = 0.5, b2 = -0.3, trend = 0.02, sigma = 0.2;
  uint64_t seed = 2026;
  std::string outcome = "y", control1 = "x1", control2 = "x2";
};

// A balanced panel: every column of `units` repeated for each period, plus `year`, the controls,
// the outcome, `did` = 1[year >= first treatment] and the true effect `tau` (0 when untreated).
Frame simulate_panel(const Frame& units, const SimulationSpec& spec);
// The number of periods first_period..last_period; a SpecError when last precedes first, the span
// exceeds 10,000 periods, or the effect, dynamics, gradient or noise are not finite numbers.
size_t simulated_periods(const SimulationSpec& spec);

// The true average effect by relative period and overall (treated observations in the sample).
nlohmann::json true_effects(const Frame& panel, const SimulationSpec& spec);

}  // namespace cbec
