// Placebo test by randomization inference for a staggered TWFE DID: treatment is reassigned at
// random many times (units, timing, or both), the DID coefficient re-estimated for each draw, and
// the share of placebo estimates at least as extreme as the real one is a randomization p-value
// (Fisher 1935; as Stata's `permute`, p = count / draws).
// Each draw re-demeans only the placebo treatment column: the outcome and controls are partialled
// off the fixed effects once (Frisch-Waugh-Lovell), so thousands of draws take well under a second
// on a city panel. Draws run in parallel and are reproducible by seed for any thread count.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cbec/core/stage_timer.hpp"
#include "cbec/estimate/did/staggered.hpp"

namespace cbec {

struct PlaceboOptions {
  size_t draws = 500;
  uint64_t seed = 12345;
  // units:  permute the units' first-treatment periods across all units (keeps the number treated
  //         and the timing distribution);
  // timing: keep the treated units, draw each one's period uniformly from the observed adoption periods;
  // both:   draw as many treated units at random, each with a period drawn as in `timing`.
  std::string mode = "units";
  int threads = 0;
  StageTimer* timer = nullptr;   // claims solve (the real estimate) and replications (the draws) for --timing
};

struct PlaceboResult {
  double estimate = 0;               // the real TWFE DID coefficient
  std::vector<double> draws;         // placebo coefficients, in draw order
  double mean = 0, sd = 0;
  double p_two_sided = 0, p_left = 0, p_right = 0;
  size_t n_units = 0, n_treated_units = 0;
  size_t nobs = 0;                   // observations of the regression
  std::map<std::string, size_t> dropped;   // rows left out of it, by reason (as the design counts them)
  std::vector<std::string> warnings;
  std::string mode;
  uint64_t seed = 0;
};

PlaceboResult placebo_did(const Frame& frame, const StaggeredSpec& spec, const PlaceboOptions& options = {});

}  // namespace cbec
