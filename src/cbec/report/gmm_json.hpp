// JSON and table of dynamic-panel GMM (`cbec gmm`): the regression result (coefficients with the
// time effects, the variance reported, tests hansen, ar1, ar2, wald_coef, wald_time) and the GMM
// facts (model, steps, instruments, units, rows of each equation, one-step estimates).
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/panel/gmm.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

nlohmann::json to_json(const GmmResult& r);
// The coefficients (time effects left out unless `time_effects`) with the tests as notes.
Table gmm_table(const GmmResult& r, bool time_effects = false);

}  // namespace cbec
