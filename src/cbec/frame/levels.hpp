// The distinct values of a column as sorted levels and a code per row (-1 when missing): numbers
// in numeric order, text in byte order or in its declared order (Column::declared_order: a pandas
// Categorical, whose first category is then the reference level, as R's factor and patsy).
// Integer columns with a compact range are coded in one pass without sorting, which matters for
// unit identifiers on tens of millions of rows.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cbec/frame/column.hpp"

namespace cbec {

struct Levels {
  std::vector<int32_t> codes;
  std::vector<std::string> labels;
};

Levels code_levels(const Column& column);

}  // namespace cbec
