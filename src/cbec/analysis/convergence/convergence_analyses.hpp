// The convergence analyses (`cbec converge --method <name>`, study type <name>), one file each, and
// the options they share.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/estimate/convergence/convergence.hpp"

namespace cbec {

Analysis sigma_analysis();
Analysis beta_analysis();
Analysis beta_panel_analysis();
Analysis club_analysis();
Analysis inequality_analysis();

// The variable and subgroup options; with `beta`, also controls and the variance.
std::vector<OptionSpec> convergence_options(bool beta);
// The estimator's spec from the options and the panel; `default_vcov` when no vcov is given.
ConvergenceSpec convergence_spec(const Options& o, const AnalysisContext& ctx, const std::string& default_vcov);
Needs convergence_needs();

}  // namespace cbec
