// Options every analysis takes besides its own, declared once and added to each schema by the
// registry, so the command line, the study file and Python all have them:
//   - the sample: `subset` (command line also --if, Python also if_) and `split_by` for every
//     analysis, `split_test` for those that add no columns (analysis/subsample.hpp runs them);
//   - the table options (keep, drop, order, indicate, coefstat, stats, labels, numbers) for the
//     analyses printing regression tables (Analysis::regression_tables; analysis/table_options.hpp).
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

// The table options (keep, drop, order, indicate, coefstat, stats, labels, numbers): also the keys
// of a study's [[table]], which merges the models of several steps into one table.
std::vector<OptionSpec> table_option_specs();

// Appends the common options to a's schema; a std::logic_error when a has an option of that name.
void add_common_options(Analysis& a);

}  // namespace cbec
