// A panel view of a Frame: unit and time indices, with duplicates, gaps and balance reported.
// Time must be integer-valued (years, or periods numbered 1, 2, ...).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct Panel {
  std::string unit, time;            // column names
  std::vector<int32_t> unit_code;    // per row: 0..n_units-1, -1 when unit or time is missing
  std::vector<int64_t> time_value;   // per row
  std::vector<std::string> unit_labels;
  std::vector<int64_t> times;        // distinct times, sorted
  size_t n_units = 0;
  size_t rows_missing_id = 0;        // rows whose unit or time is missing (not in the panel)
  // The periods' step: the greatest common divisor of the gaps between the distinct times (1 for
  // yearly data, 5 for a panel of every fifth year).
  int64_t step = 1;
  size_t n_absent_times = 0;         // periods on that step between the first and last time with no row at all
  std::vector<int64_t> absent_times; // the first 20 of them
  size_t n_gaps = 0;                 // missing (unit, period) cells on that step inside each unit's first..last span
  size_t units_with_gaps = 0;
  bool balanced = false;             // every unit observed at every time, no gaps
  std::vector<size_t> order;         // row indices sorted by (unit, time)
  std::vector<size_t> unit_start;    // into `order`: rows of unit u are order[unit_start[u]..unit_start[u+1])

  size_t n_periods() const { return times.size(); }
  // The periods with no row at all, listed ("2004, 2006", with ", ..." past the first 20).
  std::string absent_times_text() const;
  // Plain-language summary: "41 units x 10 periods, balanced" / "... unbalanced, 3 gaps in 2 units".
  std::string summary() const;
  // Throws a DataError naming `analysis` when no row has both a unit and a time.
  void require_observations(const std::string& analysis) const;
};

// Declares a panel. Duplicate (unit, time) pairs are an error naming the first few, with their
// data lines (header = line 1), unless allow_duplicates is set.
Panel declare_panel(const Frame& frame, const std::string& unit, const std::string& time, bool allow_duplicates = false);

// x shifted within each unit by k periods of time: k > 0 lag (value at t-k), k < 0 lead (t+|k|).
// Gaps are respected: the value is missing when period t-k is not observed for that unit.
std::vector<double> panel_shift(const Panel& panel, const std::vector<double>& x, int k);

}  // namespace cbec
