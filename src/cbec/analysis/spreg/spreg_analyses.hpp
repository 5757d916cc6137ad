// The spatial regression analyses (`cbec spreg --method <name>`, study type <name>), one file each:
// cross-section models by maximum likelihood (spreg), LM diagnostics on OLS residuals (lmtests).
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis spreg_analysis();
Analysis lmtests_analysis();

}  // namespace cbec
