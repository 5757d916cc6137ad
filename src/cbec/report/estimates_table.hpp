// Columns of estimates side by side (estimate_column.hpp), in the form of the regression tables: an
// estimate with significance stars per row, the statistic of `coef_stat` in parentheses under it
// (a test statistic, which has no standard error, shows its p-value), then each column's summary
// rows. Takes the regression tables' options (regression_table.hpp) but `stats`, which names
// regression statistics: each column brings its own summary rows instead.
#pragma once
#include <vector>

#include "cbec/report/estimate_column.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table estimates_table(const std::vector<EstimateColumn>& columns, const RegressionTableOptions& options);

}  // namespace cbec
