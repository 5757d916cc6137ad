// cbec's response surfaces for the quantiles of the Dickey-Fuller tau statistic with one series, from
// its own simulation of MacKinnon's (1996, JAE 11(6), 601-618) design: the generator is
// tools/df_tau_surfaces, its output (with the command, seed, replications and date) df_tau_surfaces.cpp.
// MacKinnon's own tables (urcdist, urca) are not used: their licence forbids incorporating them in a
// program without his written consent (README, "Unit-root p-values").
#pragma once
#include <array>

#include "cbec/estimate/ts/df_tau_probabilities.hpp"

namespace cbec {

// At each probability p_j of df_tau_probabilities(): q_{p_j}(T) = b_inf + b1/T + b2/T^2 + b3/T^3
// (MacKinnon 1996 eq. 9; model 2: b3 = 0, model 3: all four), T the observations of the test
// regression, with the standard error of the estimate of b_inf.
struct DfTauSurface {
  int model = 2;
  std::array<std::array<double, 5>, df_tau_n_probabilities> rows;   // b_inf, b1, b2, b3, se(b_inf)
};

// tau without deterministic terms, with a constant, with a constant and trend
extern const DfTauSurface df_tau_nc, df_tau_c, df_tau_ct;

}  // namespace cbec
