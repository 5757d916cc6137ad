#include "cbec/analysis/family.hpp"
#include "cbec/analysis/ts/ts_analyses.hpp"
#include "cbec/analysis/ts/ts_coint_analyses.hpp"

namespace cbec {

Family ts_family() {
  Family f;
  f.analyses = {unitroot_analysis(), urtest_analysis(), cd_analysis(), cips_analysis(),
                coint_analysis(), fmols_analysis(), dols_analysis(), hansen_lc_analysis(), jb_analysis()};
  f.groups = {{"ts", "Panel time series: unit-root tests per unit and for the panel, cross-section dependence, cointegration tests, FMOLS and DOLS", "method", false, "unitroot", {}}};
  return f;
}

}  // namespace cbec
