#include "cbec/analysis/family.hpp"
#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"

namespace cbec {

Family spreg_family() {
  Family f;
  f.analyses = {spxt_analysis(), spbeta_analysis()};
  f.groups = {{"spreg", "Spatial regression models: spatial panel models (spxt), spatial beta convergence (spbeta)", "analysis", true, "", {}}};
  return f;
}

}  // namespace cbec
