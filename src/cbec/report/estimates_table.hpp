// Columns of estimates side by side (estimate_column.hpp), in the form of the regression tables: an
// estimate with significance stars per row, the statistic of `coef_stat` in parentheses under it
// (a test statistic, which has no standard error, shows its p-value), then each column's summary
// rows. Takes the regression tables' options (regression_table.hpp) but `stats`, which names
// regression statistics: each column brings its own summary rows instead.
#pragma once
#include <nlohmann/json.hpp>

#include <vector>

#include "cbec/report/estimate_column.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table estimates_table(const std::vector<EstimateColumn>& columns, const RegressionTableOptions& options);

// Results side by side, as a study's [[table]] and cbec.etable build them: when no result offers
// columns of estimates of its own (only regression models), the regression table of all their
// models; else one table of estimates, to which every result gives its columns (a regression model
// one each), and `columns`, when given, receives them as JSON. Each result must hold regression
// models or offer estimates (the callers say which does not, by its name in their terms).
Table results_side_by_side(const std::vector<nlohmann::json>& results, const RegressionTableOptions& options, nlohmann::json* columns = nullptr);

}  // namespace cbec
