#include "cbec/analysis/family.hpp"
#include "cbec/analysis/spreg/spreg_analyses.hpp"
#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"

namespace cbec {

Family spreg_family() {
  Family f;
  f.analyses = {spreg_analysis(), spxt_analysis(), spbeta_analysis()};
  return f;
}

}  // namespace cbec
