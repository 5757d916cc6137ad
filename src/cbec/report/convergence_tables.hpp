// Tables and figures of the convergence analyses (analysis/convergence/): sigma convergence by year
// with its trend tests, beta convergence as a regression table with speeds and half-lives, and the
// Phillips-Sul log t test with its clubs.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/convergence/club_convergence.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/report/figures.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// One table per group: year, N, mean, SD and CV, the trends in the notes.
Table sigma_table(const SigmaResult& r);
// The cross-sectional SD by year, one line per group.
Figure sigma_figure(const std::vector<SigmaResult>& results, const std::string& variable);
// The beta regressions side by side (one column per group), beta, speed and half-life in the notes.
Table beta_table(const std::vector<BetaResult>& results, bool panel);
// The log t test of all units, the clubs and, unless merge = none, the merged clubs.
std::vector<Table> club_tables(const ClubResult& r);

}  // namespace cbec
