// A part of a whole (Frame::part_of: --if, --split-by, a group) reads the periods it leaves out for
// its lags, leads, differences and growth only where its columns are the whole's: a column made or
// changed within the part (a placebo's reassigned treatment) is lagged on the part's own rows.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

// Whether `part` has a whole and each of `columns` holds, on the part's rows, the whole's values.
bool same_in_whole(const Frame& part, const std::vector<std::string>& columns);

// Values over the whole's rows, taken at the part's rows (Frame::origin_rows).
std::vector<double> at_part_rows(const Frame& part, const std::vector<double>& whole_values);

}  // namespace cbec
