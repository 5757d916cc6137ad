// The means and variances that standardize Pedroni's seven panel cointegration statistics:
// (stat - mu sqrt(N)) / sqrt(v) is N(0, 1) under the null of no cointegration (Pedroni 1999,
// Oxford Bull. Econ. Stat. 61, sec. 4), for k regressors and unit intercepts (constant) or unit
// intercepts and trends (trend), or neither (none):
//   k = 2..7: Pedroni (1999, Table 2), its three cases (none, intercepts, intercepts and trends). The paper itself was not at hand: the numbers are its table as
//     printed in the CRAN package pco (R/pedroni99m.R), checked for k = 2 against this simulation
//     (tests/reference/ts/pedroni_moments.R); that check also shows the table's first row is two
//     regressors (pco indexes it by the number of variables and so uses the row of k + 2);
//   k = 1, intercepts: Pedroni's bivariate moments (Pedroni 1995, Indiana Univ. WP 95-013):
//     8.62, 60.75; -6.02, 31.27; -1.73, 0.93; -9.05, 35.98; -2.03, 0.66;
//   k = 1, trends: simulated by tests/reference/ts/pedroni_moments.R (T = 500, 20000 replications;
//     marked `simulated` in the results);
//   k = 1, none: simulated by the same script (`Rscript tests/reference/ts/pedroni_moments.R 1`), which
//     with k = 2 reproduces Table 2's no-intercept row within simulation error.
// The script reproduces the intercept values for k = 1 and k = 2 within Monte Carlo error.
#pragma once
#include <array>

#include "cbec/estimate/ts/deterministic.hpp"

namespace cbec {

struct PedroniMoments {
  // panel v, panel rho, panel PP t, panel ADF t, group rho, group PP t, group ADF t
  std::array<double, 7> mean{}, variance{};
  bool simulated = false;   // not from Pedroni's tables (k = 1 with trends or without intercepts)
};

// Throws SpecError for k outside 1..7.
PedroniMoments pedroni_moments(int k, Deterministic d);

}  // namespace cbec
