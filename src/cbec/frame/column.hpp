// A named, typed column of a Frame. Numbers (double or integer-valued) are stored as double with
// NaN for missing; strings are stored as categorical codes into `levels` with -1 for missing.
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace cbec {

enum class ColumnType { Double, Integer, String };

const char* to_string(ColumnType type);

struct Column {
  std::string name;
  ColumnType type = ColumnType::Double;
  std::vector<double> values;        // Double and Integer columns
  std::vector<int32_t> codes;        // String columns: index into levels, -1 = missing
  std::vector<std::string> levels;   // String columns: distinct values in order of appearance
  // String columns: the levels' order is declared (a pandas Categorical's categories, as R's factor
  // levels), and categories keep it (levels.hpp) instead of byte order.
  bool declared_order = false;
  std::string label;                 // optional variable label (from .dta or the user)

  static Column numeric(std::string name, std::vector<double> values);
  static Column strings(std::string name, const std::vector<std::string>& values);

  bool is_numeric() const { return type != ColumnType::String; }
  size_t size() const { return is_numeric() ? values.size() : codes.size(); }
  bool is_missing(size_t i) const { return is_numeric() ? std::isnan(values[i]) : codes[i] < 0; }
  size_t count_missing() const;
  // The value of row i as text (numbers formatted with up to 15 significant digits; "" if missing).
  std::string text(size_t i) const;
  // Row i's value as a key equal for equal values, without formatting a text (a number's bits, or a
  // string's code): for grouping rows by unit in a pass over a large column.
  int64_t row_key(size_t i) const { return is_numeric() ? std::bit_cast<int64_t>(values[i]) : codes[i]; }
  // For a text column, why its texts might be numbers in another format (number_format_hint.hpp) as
  // its first level with such a reason shows; "" when none does (or the column is numeric).
  std::string number_hint() const;
  // Marks a numeric column Integer when every non-missing value is a whole number.
  void infer_integer();
  // Keeps only the given rows, in the given order.
  Column take(const std::vector<size_t>& rows) const;
};

}  // namespace cbec
