// The dynamic spatial panel of spxt's `dynamic` option: the time lag y_{t-1} and the space-time lag
// W y_{t-1} as regressors (Yu, de Jong and Lee 2008, J. Econometrics 146, eq. 1; Elhorst 2014,
// Spatial Econometrics, ch. 4, the dynamic spatial panel with fixed effects), fitted by the
// static fixed-effects ML on the periods after the first. No bias correction: with unit effects
// the estimates are biased of order 1/T (Nickell 1981; Yu, de Jong and Lee 2008, theorem 3), so
// the option is for panels with many periods.
#include <fmt/format.h>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"

namespace cbec {

std::string dynamic_formula(const std::string& formula) {
  const size_t tilde = formula.find('~');
  if (tilde == std::string::npos) throw SpecError("formula: no '~' in \"" + formula + "\"");
  std::string lhs = formula.substr(0, tilde);
  lhs.erase(0, lhs.find_first_not_of(" \t"));
  lhs.erase(lhs.find_last_not_of(" \t") + 1);
  return fmt::format("{} + l({}, 1)", formula, lhs);
}

void add_space_time_lag(SpatialPanelSample& s) {
  SpatialPanelData& d = s.data;
  const long k = d.X.cols();
  const Eigen::VectorXd wlag = panel_spatial_lag(d, d.X.col(k - 1));
  d.X.conservativeResize(Eigen::NoChange, k + 1);
  d.X.col(k) = wlag;
  d.x_names.push_back("W." + d.x_names.back());
}

}  // namespace cbec
