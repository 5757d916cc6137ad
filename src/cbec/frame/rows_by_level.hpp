// The rows of a data set held in shares by several processes (io/csv_share.hpp), regrouped so that
// each process holds every row of some values of one variable: whole levels of the largest fixed
// effect, which a regression split across processes needs (estimate/ols/row_partition.hpp).
// Collective: every process of the exchange calls these, in the same order.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

class ReduceExchange;

// Of the `candidates` that are columns, the one with the most distinct values over all processes
// (counted as the sum of each share's distinct values, exact when a value lies in one share; ties:
// the first); the first candidate when none is a column.
std::string variable_with_most_levels(const Frame& share, const std::vector<std::string>& candidates, ReduceExchange& exchange);

// Each row sent to the process owning its value of `variable` (a hash of the value: the same
// owner on every process; a row missing the value stays where it is), one column at a time. The
// rows received are in the order of the file the shares were cut from: by sending process (rank
// order, each share a consecutive part of the file), then in their order there. Column types and
// notes are kept. `variable` not a column: the share as it is.
Frame gather_levels(Frame&& share, const std::string& variable, ReduceExchange& exchange);

}  // namespace cbec
