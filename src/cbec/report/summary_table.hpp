// The tables of cbec describe: N, mean, SD, min, max, optionally by group; means in a two-way table.
#pragma once
#include <vector>

#include "cbec/estimate/describe/summarize.hpp"
#include "cbec/estimate/describe/two_way_means.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table summary_table(const std::vector<SummaryRow>& rows, int digits = 3);
// Means in rows x columns with a Total row and column ("." for an empty cell).
Table two_way_means_table(const TwoWayMeans& m, int digits = 3);

}  // namespace cbec
