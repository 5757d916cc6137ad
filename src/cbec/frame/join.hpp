// Left join of a second table onto a frame by key columns (e.g. city and year, or city alone for
// unit-level data such as the pilot-zone batch): every row of the left frame is kept; the right
// table's other columns are added, missing where a row has no match. A key that appears twice in
// the right table, a key column absent from either side and a column name on both sides are errors
// naming the file (and line) and what to do. A key "a=b" matches the left column a to the right
// column b (e.g. "province_en=name_en").
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct JoinReport {
  std::string source;                 // the right table's file
  std::vector<std::string> by, added; // key columns and the columns added
  size_t matched = 0, unmatched = 0;  // rows of the left frame with and without a match
  size_t right_unused = 0;            // rows of the right table no left row matched
};

JoinReport left_join(Frame& left, const Frame& right, const std::vector<std::string>& by, const std::string& right_source);

}  // namespace cbec
