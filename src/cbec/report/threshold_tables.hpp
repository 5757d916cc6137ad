// Tables of a panel threshold regression (Hansen 1999): the tests for the number of thresholds
// with their estimates and confidence regions, and the coefficients of each model side by side.
#pragma once
#include "cbec/estimate/panel/threshold.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table threshold_test_table(const ThresholdResult& r);
Table threshold_coefficient_table(const ThresholdResult& r);

}  // namespace cbec
