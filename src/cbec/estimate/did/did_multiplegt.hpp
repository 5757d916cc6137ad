// de Chaisemartin and D'Haultfoeuille (2020, AER 110(9)) DID_M: the average effect of switching
// treatment, for a binary treatment at the (unit, period) level that may switch on and off.
// Per period t, joiners (D_{g,t-1} = 0, D_{g,t} = 1) are compared with units untreated at t-1 and t
// (DID_{+,t}), and leavers (1 -> 0) with units treated at t-1 and t (DID_{-,t}); DID_M weights them
// by the number of switchers (DID_M as defined for their Theorem 3). The placebo DID_M^pl compares
// the same switchers' outcome change from t-2 to t-1 with units whose treatment was stable from t-2
// to t, with lags up to `placebo`. The dynamic effects DID_l (l = 1..L) follow each switcher from t-1 to
// t+l against units whose treatment is unchanged from t-1 to t+l: for staggered adoption the
// not-yet-treated, as the event-study DID_l of de Chaisemartin and D'Haultfoeuille (2024, REStat)
// (their l = our l + 1). Lags and leads are by period: a unit missing a period has no change there
// (the package lags by row). As the R package DIDmultiplegt's did_multiplegt (0.1.x, no controls).
// Standard errors from the unit-cluster bootstrap, reproducible by seed for any thread count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cbec/estimate/did/staggered.hpp"

namespace cbec {

struct DidMultiplegtOptions {
  std::string treatment;     // a 0/1 column; empty: D = 1[time >= first_treat]
  int placebo = 0;           // placebo lags 1..placebo
  int dynamic = 0;           // dynamic effects l = 1..dynamic
  size_t draws = 0;          // unit-cluster bootstrap draws (0: no standard errors)
  uint64_t seed = 12345;
  int threads = 0;
};

struct DidMultiplegtEffect {
  std::string name;          // "effect" (DID_M), "dynamic_l", "placebo_l"
  int horizon = 0;           // 0 for DID_M, l for dynamic_l, -l for placebo_l
  double estimate = 0, se = 0, ci_low = 0, ci_high = 0;   // se and CI NaN without bootstrap
  double n_obs = 0;          // cells of switchers and their controls used (the package's N_)
  double n_switchers = 0;    // N_S: switching cells
};

struct DidMultiplegtResult {
  std::vector<DidMultiplegtEffect> effects;   // effect, dynamic_1..L, placebo_1..P
  size_t n_units = 0, n_periods = 0, n_cells = 0;
  size_t draws = 0, failed_draws = 0;         // draws where some estimate was undefined are left out
  uint64_t seed = 0;
  std::string treatment;
  std::vector<std::string> warnings;
};

// Uses spec.y, unit, time and first_treat (or options.treatment); controls, weights and extra fixed
// effects are not supported and are rejected by name.
DidMultiplegtResult did_multiplegt(const Frame& frame, const StaggeredSpec& spec, const DidMultiplegtOptions& options = {});

}  // namespace cbec
