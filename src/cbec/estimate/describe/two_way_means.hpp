// Means of a variable in the cells of two groupings (region x year), with the row and column
// margins and the overall mean: Stata's `table region year, statistic(mean y)`, R's
// tapply(y, list(region, year), mean). Levels sorted (numbers in numeric order, text in byte order).
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct TwoWayMeans {
  std::string variable, row, column;
  std::vector<std::string> row_levels, column_levels;
  std::vector<std::vector<double>> mean;   // [row][column]; NaN for an empty cell
  std::vector<std::vector<size_t>> n;
  std::vector<double> row_mean, column_mean;   // margins over the non-missing observations
  double overall = 0;
  size_t missing = 0;                      // rows with the variable or a grouping missing
};

// A SpecError when a grouping has more than 500 levels (a table of means, not a data dump).
TwoWayMeans two_way_means(const Frame& frame, const std::string& variable, const std::string& row, const std::string& column);

}  // namespace cbec
