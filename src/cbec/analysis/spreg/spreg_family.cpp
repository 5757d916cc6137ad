#include "cbec/analysis/family.hpp"
#include "cbec/analysis/spreg/spreg_analyses.hpp"
#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"

namespace cbec {

Family spreg_family() {
  Family f;
  f.analyses = {spreg_analysis(), lmtests_analysis(), spxt_analysis(), spbeta_analysis()};
  f.groups = {{"spreg", "Spatial regression on weights (--w file --id column): spreg (SAR, SEM, SDM, SDEM, SLX, SAC by ML; S2SLS; GM), lmtests", "method", false, "spreg", {}}};
  return f;
}

}  // namespace cbec
