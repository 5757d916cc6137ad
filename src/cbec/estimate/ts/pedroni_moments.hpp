// The means and variances that standardize Pedroni's seven panel cointegration statistics:
// (stat - mu sqrt(N)) / sqrt(v) is N(0, 1) under the null of no cointegration (Pedroni 1999,
// Oxford Bull. Econ. Stat. 61, sec. 4), for k regressors and unit intercepts (constant) or unit
// intercepts and trends (trend):
//   k = 2..7: Pedroni (1999, Table 2). The paper itself was not at hand: the numbers are its table as
//     printed in the CRAN package pco (R/pedroni99m.R), checked for k = 2 against this simulation
//     (tests/reference/ts/pedroni_moments.R); that check also shows the table's first row is two
//     regressors (pco indexes it by the number of variables and so uses the row of k + 2);
//   k = 1, intercepts: Pedroni's bivariate moments (Pedroni 1995, Indiana Univ. WP 95-013):
//     8.62, 60.75; -6.02, 31.27; -1.73, 0.93; -9.05, 35.98; -2.03, 0.66;
//   k = 1, trends: simulated by tests/reference/ts/pedroni_moments.R (T = 500, 20000 replications;
//     marked `simulated` in the results).
// The script reproduces the intercept values for k = 1 and k = 2 within Monte Carlo error.
#pragma once
#include <array>

namespace cbec {

struct PedroniMoments {
  // panel v, panel rho, panel PP t, panel ADF t, group rho, group PP t, group ADF t
  std::array<double, 7> mean{}, variance{};
  bool simulated = false;   // not from Pedroni's table (k = 1 with trends)
};

// Throws SpecError for k outside 1..7.
PedroniMoments pedroni_moments(int k, bool trend);

}  // namespace cbec
