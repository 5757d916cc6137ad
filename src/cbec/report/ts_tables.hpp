// Tables of the time-series results, as papers print them: levels and first differences in one table.
#pragma once
#include <vector>

#include "cbec/estimate/ts/unit_tests.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// Per-unit tests, one block of rows per series (levels, differences).
Table unit_tests_table(const std::vector<UnitTests>& blocks);

}  // namespace cbec

#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/report/estimate_column.hpp"

namespace cbec {

// One variable's panel unit-root tests: per series label ("levels", "differences"), the tests.
struct UnitRootBlock {
  std::string variable;
  std::vector<std::pair<std::string, std::vector<PanelUnitRootResult>>> series;
};
// Panel unit-root tests as papers print them: one row per statistic, the levels' and the first
// differences' statistic and p-value side by side; with several variables a first column names the
// variable of each block of rows.
Table panel_unitroot_table(const std::vector<UnitRootBlock>& blocks);
// The same tests as columns of estimates (estimate_column.hpp), one per variable and series (named
// "gsp, levels"): a row per
// statistic ("Levin-Lin-Chu", "Im-Pesaran-Shin: W-tbar") with its p-value, for a study's [[table]]
// of several unit-root steps side by side.
std::vector<EstimateColumn> unit_root_columns(const std::vector<UnitRootBlock>& blocks);
// "Levin-Lin-Chu" for "llc", and so on.
std::string unit_root_test_title(const std::string& test);

}  // namespace cbec

#include "cbec/estimate/ts/cross_dependence.hpp"

namespace cbec {

Table cross_dependence_table(const CrossDependenceResult& r);

}  // namespace cbec

#include "cbec/estimate/ts/cips.hpp"

namespace cbec {

// CIPS of the levels and/or differences, one row each.
Table cips_table(const std::vector<std::pair<std::string, CipsResult>>& results);

}  // namespace cbec
