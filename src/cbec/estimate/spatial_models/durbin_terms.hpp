// The regressors whose spatial lag W x enters a Durbin model (SDM, SDEM, SLX; spatialreg's
// Durbin = ~ x1 + x2, splm's spgm(Durbin = ~ x1)): all but the intercept, or those named.
#pragma once
#include <string>
#include <vector>

namespace cbec {

// Indices into `names` (the regressors, in X's order) of the columns to lag: every one but
// "(Intercept)" when `terms` is empty, else those named in `terms`, in X's order. Throws SpecError
// for a term that is not a regressor or is the intercept.
std::vector<long> durbin_columns(const std::vector<std::string>& names, const std::vector<std::string>& terms);

}  // namespace cbec
