// Options shared by the staggered-adoption analyses (outcome, controls, further fixed effects,
// variance, weights) and the StaggeredSpec they make with the panel declaration.
#pragma once
#include <vector>

#include "cbec/analysis/analysis.hpp"
#include "cbec/estimate/did/staggered.hpp"

namespace cbec {

enum StaggeredPart { kControls = 1, kFixedEffects = 2, kVcov = 4, kWeights = 8 };

// y (required) plus the parts named in `parts` (a sum of StaggeredPart), then `extra`.
std::vector<OptionSpec> staggered_options(int parts, std::vector<OptionSpec> extra = {});

StaggeredSpec staggered_spec(const Options& o, const AnalysisContext& ctx);

// Needs of a staggered analysis: the panel and the treatment timing.
Needs staggered_needs(bool resampling = false);

}  // namespace cbec
