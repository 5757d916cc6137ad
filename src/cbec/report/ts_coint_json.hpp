// The JSON of the panel cointegration results: FMOLS/DOLS estimates, Kao's, Pedroni's and Westerlund's tests, Hansen's Lc,
// Jarque-Bera. The analysis layer adds "cbec" and "analysis".
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/ts/jarque_bera.hpp"
#include "cbec/estimate/ts/kao.hpp"
#include "cbec/estimate/ts/long_run_fit.hpp"
#include "cbec/estimate/ts/pedroni.hpp"
#include "cbec/estimate/ts/westerlund.hpp"

namespace cbec {

nlohmann::json to_json(const JarqueBera& r);
nlohmann::json to_json(const KaoResult& r);
nlohmann::json to_json(const PedroniResult& r);
nlohmann::json to_json(const WesterlundResult& r);
// `long_run`: the kernel and bandwidth rule in words.
// `unit`: the panel's unit column, named as the fixed effect (each unit's intercept) of the panel
// model in JSON `models` (one regression model, z tests), which a study's [[table]] can merge.
nlohmann::json to_json(const PanelLongRun& r, const std::string& long_run, const std::string& unit);

}  // namespace cbec
