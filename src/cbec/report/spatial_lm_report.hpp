// The JSON and table of the spatial diagnostics on OLS residuals (estimate/spatial_models/lm_tests).
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/spatial_models/lm_tests.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// {"nobs", "k", "moran": {...} (when with_moran), "tests": {"lm_error": {stat, df, p_value, ...}, ...}}
nlohmann::json to_json(const SpatialLmTests& t, bool with_moran);
// One row per test: statistic, df, p-value (Moran's I first when with_moran).
Table spatial_lm_table(const SpatialLmTests& t, bool with_moran, const std::string& title);

// {"lm1", "lm2", "lmh"} and their table rows (appended to the LM tests' table).
nlohmann::json to_json(const BskTests& t);
void add_bsk_rows(Table& table, const BskTests& t);

}  // namespace cbec
