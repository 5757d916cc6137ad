// CSV in: RFC-4180 quoting, UTF-8 (a byte-order mark is skipped), missing values as empty, NA or ".".
// Each column is typed from its contents: numeric (double, or integer when every value is whole)
// or categorical string. Errors name the file, line and column.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct CsvOptions {
  char delimiter = ',';
  std::vector<std::string> missing = {"", "NA", ".", "NaN", "nan", "N/A"};
  std::vector<std::string> string_columns;  // columns kept as text even if they look numeric
};

Frame read_csv(const std::string& path, const CsvOptions& options = {});
// Parses CSV text already in memory; `source` names it in error messages.
Frame parse_csv(std::string_view text, const std::string& source, const CsvOptions& options = {});

void write_csv(const Frame& frame, const std::string& path);
// One CSV field as written: quoted (with "" for ") when it holds a comma, quote or line break.
std::string quote_csv(const std::string& s);

}  // namespace cbec
