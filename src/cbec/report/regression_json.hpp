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
// A test back from its JSON (to_json above): statistic, p-value, distribution and df.
TestResult test_result_of(const nlohmann::json& j);

// A model back from its JSON (to_json above), for tables of models estimated earlier (the Python
// module's etable): terms, coefficients, the variance matrix with its type, clusters and degrees of
// freedom, N, fit, fixed effects, dropped observations, warnings and each test's statistic, df and p-value.
// A DataError names what is missing when the JSON is not a model's.
RegressionResult regression_from_json(const nlohmann::json& j);

// The regression models an analysis's JSON holds: its `models`, or the JSON itself when it is one
// model (twfe); empty when it holds none.
std::vector<RegressionResult> regression_models_of(const nlohmann::json& j);

}  // namespace cbec
