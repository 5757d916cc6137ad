// The CSV reader's rules for one cell's text: trimming, numbers (a leading '+', the declared
// thousands separator and percent sign), whole numbers beyond double precision, and the advice
// given when cells of a numeric column are not numbers. The fast paths for plain numbers are in
// plain_decimal.hpp and field_cursor.hpp; these rules read every other cell.
#pragma once

#include <string>
#include <string_view>

#include "cbec/frame/number_format_hint.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

// The text without leading and trailing spaces and tabs.
std::string_view trim_cell(std::string_view s);

// Parses a number, accepting a leading '+'; false when the text is not wholly a finite number.
bool parse_number(std::string_view s, double& out);

// A cell of a numeric column under the declared number formats (options.thousands, .percent);
// `scratch` holds the text without its thousands separators.
bool parse_cell(std::string_view s, const CsvOptions& options, double& out, std::string& scratch);

// A whole number written with more digits than a double holds exactly (beyond 2^53): an 18-digit
// administrative or firm code, which must keep its text or distinct codes would merge.
bool beyond_double_precision(std::string_view s, double v);


}  // namespace cbec
