#include "cbec/analysis/family.hpp"
#include "cbec/analysis/index/index_analyses.hpp"

namespace cbec {

Family index_family() {
  Family f;
  f.analyses = {entropy_analysis(), cv_analysis(), topsis_analysis(), ahp_analysis(), vif_analysis(),
                ser_analysis(),     deviation_analysis(), theil_analysis(), lq_analysis()};
  f.groups = {{"index", "Indices: entropy, CV, TOPSIS and AHP weights, VIF screening, industrial structure (ser, deviation, theil), location quotient (lq)",
               "method", false, "entropy", {}}};
  return f;
}

}  // namespace cbec
