// A column's type from its cells' text, the rule the CSV reader applies to each column and the
// Python module to a DataFrame's object column (so a frame and its to_csv give the same columns):
// numbers unless most non-missing cells are not, their few other cells missing and listed; text
// when whole numbers are beyond double precision (codes that would merge); a text column of
// TRUE/FALSE a 0/1 dummy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cbec/frame/column.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

// A column's cells read as numbers: how many were numbers and how many were not, whether a whole
// number was beyond double precision, and the first few that were not numbers (position, text).
struct CellStats {
  size_t numbers = 0, bad = 0;
  size_t percent = 0;   // of the numbers, cells read as percentages ('12.5%' -> 0.125)
  bool beyond_precision = false;
  std::vector<std::pair<size_t, std::string>> examples;
};
constexpr size_t kCellExamples = 5;

// True when the column is text; otherwise numeric. Adds the note that says why a column of numbers
// is text (codes beyond double precision) or which of its cells were read as missing, each example
// named as `position` ("line" in a file, "iloc" in a DataFrame) and its number; `where` names the
// column ("data.csv column 'x'").
bool text_by_cells(const CellStats& stats, const std::string& where, const char* position, std::vector<std::string>& notes);

// The values of text cells (missing ones empty) that are all logical values, R's and pandas'
// spellings TRUE/FALSE, True/False, true/false, as fread reads a logical, with at least one value:
// 1 and 0 (missing NaN); nullopt otherwise.
std::optional<std::vector<double>> logical_values(const std::vector<std::string>& cells);

// The note for a text column read as 0/1 by logical_values.
std::string logical_note(const std::string& where, const std::string& name);

// One column from its cells' text (nullopt: missing) by the CSV reader's rules: each cell trimmed,
// missing when empty or one of options.missing, a number under options' formats, then the column's
// type by text_by_cells and logical_values. Examples are named by their index ("iloc").
Column column_from_cells(const std::string& name, const std::vector<std::optional<std::string>>& cells, const CsvOptions& options,
                         const std::string& source, std::vector<std::string>& notes);

}  // namespace cbec
