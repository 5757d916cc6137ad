// The JSON of the time-series results (unit-root tests, cross-section dependence). The analysis
// layer adds "cbec" and "analysis".
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/unit_tests.hpp"

namespace cbec {

nlohmann::json to_json(const AdfResult& r);
nlohmann::json to_json(const UnitTests& r);

}  // namespace cbec

#include "cbec/estimate/ts/panel_unitroot.hpp"

namespace cbec {

nlohmann::json to_json(const PanelUnitRootResult& r);

}  // namespace cbec

#include "cbec/estimate/ts/cross_dependence.hpp"

namespace cbec {

nlohmann::json to_json(const CrossDependenceResult& r);

}  // namespace cbec

#include "cbec/estimate/ts/cips.hpp"

namespace cbec {

nlohmann::json to_json(const CipsResult& r);

}  // namespace cbec
