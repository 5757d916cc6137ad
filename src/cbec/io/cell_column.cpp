#include "cbec/io/cell_column.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "cbec/io/csv_cells.hpp"
#include "cbec/io/text_encoding.hpp"

namespace cbec {

bool text_by_cells(const CellStats& stats, const std::string& where, const char* position, std::vector<std::string>& notes) {
  if (stats.bad > stats.numbers) {  // text; but say so when its cells look like numbers in another format
    for (const auto& [at, cell] : stats.examples)
      if (const std::string hint = number_format_hint(cell); !hint.empty()) {
        notes.push_back(fmt::format("{} is read as text ({} {} '{}'): {}", where, position, at, printable(cell), hint));
        break;
      }
    return true;
  }
  if (stats.beyond_precision) {
    notes.push_back(fmt::format("{}: whole numbers longer than 15 digits (codes such as 18-digit ids) are kept as text, "
                                "since a double cannot hold them exactly and distinct codes would merge",
                                where));
    return true;
  }
  if (stats.bad > 0) {
    std::vector<std::string> shown;
    std::string hint;
    for (const auto& [at, cell] : stats.examples) {
      shown.push_back(fmt::format("{} {} '{}'", position, at, printable(cell)));
      if (hint.empty()) hint = number_format_hint(cell);
    }
    notes.push_back(fmt::format("{}: {} cell{} not a number and read as missing: {}{}{}", where, stats.bad, stats.bad == 1 ? " is" : "s are",
                                fmt::join(shown, ", "), stats.bad > shown.size() ? ", ..." : "", hint.empty() ? "" : "; " + hint));
  }
  return false;
}

std::optional<std::vector<double>> logical_values(const std::vector<std::string>& cells) {
  std::vector<double> out(cells.size(), std::numeric_limits<double>::quiet_NaN());
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string& c = cells[i];
    if (c.empty()) continue;
    if (c == "TRUE" || c == "True" || c == "true") out[i] = 1;
    else if (c == "FALSE" || c == "False" || c == "false") out[i] = 0;
    else return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return out;
}

std::string logical_note(const std::string& where, const std::string& name) {
  return fmt::format("{}: TRUE/FALSE read as 1/0, a dummy as R's logical and a DataFrame's bool (i({}) in a formula for its two levels)", where, name);
}

Column column_from_cells(const std::string& name, const std::vector<std::optional<std::string>>& cells, const CsvOptions& options,
                         const std::string& source, std::vector<std::string>& notes) {
  const auto missing = [&](std::string_view s) { return std::find(options.missing.begin(), options.missing.end(), s) != options.missing.end(); };
  std::vector<std::string> texts(cells.size());
  std::vector<double> values(cells.size(), std::numeric_limits<double>::quiet_NaN());
  CellStats stats;
  std::string scratch;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!cells[i]) continue;
    const std::string_view t = trim_cell(*cells[i]);
    if (missing(t)) continue;
    texts[i] = std::string(t);
    if (parse_cell(t, options, values[i], scratch)) {
      ++stats.numbers;
      stats.beyond_precision = stats.beyond_precision || beyond_double_precision(t, values[i]);
    } else {
      values[i] = std::numeric_limits<double>::quiet_NaN();
      if (stats.bad++ < kCellExamples) stats.examples.emplace_back(i, texts[i]);
    }
  }
  const std::string where = fmt::format("{} column '{}'", source, name);
  if (!text_by_cells(stats, where, "iloc", notes)) return Column::numeric(name, std::move(values));
  if (auto flags = logical_values(texts)) {
    notes.push_back(logical_note(where, name));
    return Column::numeric(name, std::move(*flags));
  }
  return Column::strings(name, texts);
}

}  // namespace cbec
