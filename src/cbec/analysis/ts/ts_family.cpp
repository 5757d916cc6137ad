#include "cbec/analysis/family.hpp"
#include "cbec/analysis/ts/ts_analyses.hpp"

namespace cbec {

Family ts_family() {
  Family f;
  f.analyses = {unitroot_analysis(), urtest_analysis(), cd_analysis(), cips_analysis()};
  f.groups = {{"ts", "Panel time series: unit-root tests per unit and for the panel, cross-section dependence", "method", false, "unitroot", {}}};
  return f;
}

}  // namespace cbec
