// JSON of the result every estimator returns (RegressionResult) and of its tests (no tool or
// command name: the analysis layer stamps those), and the number helper all results JSON uses.
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/result.hpp"

namespace cbec {

// A number for JSON, which has no NaN or infinity: those are written as null.
nlohmann::json json_number(double v);

nlohmann::json to_json(const RegressionResult& r);
nlohmann::json to_json(const TestResult& t);

}  // namespace cbec
