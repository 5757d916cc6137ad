#include "cbec/analysis/family.hpp"
#include "cbec/analysis/panel/panel_analyses.hpp"

namespace cbec {

Family panel_family() {
  Family f;
  f.analyses = {describe_analysis(), panel_analysis(),    reg_analysis(),       xtreg_analysis(),    gmm_analysis(),       threshold_analysis(),
                subgroup_analysis(), psm_analysis(),      transform_analysis(), treat_analysis(),    regions_analysis()};
  return f;
}

}  // namespace cbec
