// The table of summary statistics (cbec describe): N, mean, SD, min, max, optionally by group.
#pragma once
#include <vector>

#include "cbec/estimate/describe/summarize.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table summary_table(const std::vector<SummaryRow>& rows, int digits = 3);

}  // namespace cbec
