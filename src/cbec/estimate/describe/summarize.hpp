// Summary statistics as Stata's `summarize`: N (non-missing), mean, SD (n-1), min, max; by group.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct SummaryRow {
  std::string variable;
  std::string group;   // "" when not grouped
  size_t n = 0;
  size_t missing = 0;
  double mean = 0, sd = 0, min = 0, max = 0;
};

// Summaries of the given numeric variables (all numeric columns when empty), optionally by the
// levels of `by` (rows with a missing group are counted in the note, not summarized).
std::vector<SummaryRow> summarize(const Frame& frame, std::vector<std::string> variables, const std::string& by = "");

}  // namespace cbec
