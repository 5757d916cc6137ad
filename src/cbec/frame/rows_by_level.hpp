// The rows of a data set held in shares by several processes (io/csv_share.hpp), regrouped so that
// each process holds every row of some values of one variable: whole levels of the largest fixed
// effect, which a regression split across processes needs (estimate/ols/row_partition.hpp).
// Collective: every process of the exchange calls these, in the same order.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

class ReduceExchange;

// Of the `candidates` that are columns, the one with the most distinct values over all processes
// (counted as the sum of each share's distinct values, exact when a value lies in one share; ties:
// the first); the first candidate when none is a column.
std::string variable_with_most_levels(const Frame& share, const std::vector<std::string>& candidates, ReduceExchange& exchange);

// The most bytes one all-to-all of gather_levels carries by default (8 MiB, about a cache's worth):
// smaller columns travel together, larger ones one at a time. Measured on 2 million rows of 10
// numbers, 2 processes on one machine (bench/mpi/read.sh): packed buffers of one column at a time,
// reused from column to column, regroup a process's rows in 0.065 s of CPU; all 10 columns in one
// all-to-all took 0.17 to 0.26 s (the larger buffers' fresh pages and cache misses) and raised the
// peak resident set by a fifth. The number of exchanges is not what costs here.
inline constexpr size_t kGatherBatchBytes = size_t{1} << 23;

// Each row sent to the process owning its value of `variable` (a hash of the value: the same
// owner on every process; a row missing the value stays where it is, as do the rows this process
// owns). The columns travel in packed buffers, consecutive columns in one all-to-all while the
// most any process sends or receives of them stays within batch_bytes (a larger column alone),
// which bounds the memory of the buffers and keeps each exchange within MPI's 2 GiB. The
// rows received are in the order of the file the shares were cut from: by sending process (rank
// order, each share a consecutive part of the file), then in their order there; text levels are
// numbered by first appearance among them. Column types, labels and notes are kept. `variable` not
// a column: the share as it is.
Frame gather_levels(Frame&& share, const std::string& variable, ReduceExchange& exchange, size_t batch_bytes = kGatherBatchBytes);

}  // namespace cbec
