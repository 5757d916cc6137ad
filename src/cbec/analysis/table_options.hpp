// The regression-table options an analysis with `regression_tables` takes (common_options.hpp), as
// the RegressionTableOptions its tables are built with: keep/drop/order/indicate patterns, the
// statistic in parentheses, the summary rows, labels (the study's [labels], then a labels file)
// and column numbers.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

RegressionTableOptions table_options(const Options& o, const AnalysisContext& ctx);

// A labels file: CSV with the columns name and label (any encoding the CSV reader detects). A
// DataError names the file when it cannot be read or lacks those columns.
std::map<std::string, std::string> read_labels(const std::string& path);

}  // namespace cbec
