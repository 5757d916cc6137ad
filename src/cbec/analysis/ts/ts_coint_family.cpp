#include "cbec/analysis/family.hpp"
#include "cbec/analysis/ts/ts_coint_analyses.hpp"

namespace cbec {

// The cointegration analyses of the ts family; folded into ts_family() when it exists.
Family ts_coint_family() {
  Family f;
  f.analyses = {coint_analysis(), fmols_analysis(), dols_analysis(), hansen_lc_analysis(), jb_analysis()};
  f.groups = {{"ts", "Panel time series: cointegration tests, FMOLS and DOLS, Hansen's Lc, Jarque-Bera", "method", false, "coint", {}}};
  return f;
}

}  // namespace cbec
