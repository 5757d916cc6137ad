#include "cbec/io/csv_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_set>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// Reads one field starting at `pos`; returns its (unquoted) text in `out` and advances `pos` past
// the delimiter or the end of the record. `at_end` is set when the record ended.
struct FieldCursor {
  std::string_view text;
  size_t pos = 0;
  size_t line = 1;
  char delim = ',';
  std::string scratch;

  bool done() const { return pos >= text.size(); }

  // Returns the field; the view stays valid until the next call.
  std::string_view next(bool& at_end, const std::string& source, size_t column) {
    at_end = false;
    if (pos < text.size() && text[pos] == '"') {
      scratch.clear();
      size_t start_line = line;
      ++pos;
      while (true) {
        if (pos >= text.size())
          throw DataError(fmt::format("{} line {}, column {}: a quoted field is never closed; add the closing '\"'",
                                      source, start_line, column));
        char c = text[pos];
        if (c == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') { scratch.push_back('"'); pos += 2; continue; }
          ++pos;
          break;
        }
        if (c == '\n') ++line;
        scratch.push_back(c);
        ++pos;
      }
      finish_field(at_end, source, column);
      return scratch;
    }
    size_t start = pos;
    while (pos < text.size() && text[pos] != delim && text[pos] != '\n') ++pos;
    size_t end = pos;
    if (end > start && text[end - 1] == '\r') --end;
    std::string_view field = text.substr(start, end - start);
    finish_field(at_end, source, column);
    return field;
  }

  void finish_field(bool& at_end, const std::string& source, size_t column) {
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos >= text.size()) { at_end = true; return; }
    if (text[pos] == delim) { ++pos; return; }
    if (text[pos] == '\n') { ++pos; ++line; at_end = true; return; }
    throw DataError(fmt::format("{} line {}, column {}: unexpected character after a quoted field", source, line, column));
  }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses a number, accepting a leading '+'; false when the text is not wholly a number.
bool parse_number(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto res = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return res.ec == std::errc() && res.ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

Frame parse_csv(std::string_view text, const std::string& source, const CsvOptions& options) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  if (text.empty()) throw DataError(fmt::format("{}: the file is empty; a header row is needed", source));
  const std::unordered_set<std::string> missing(options.missing.begin(), options.missing.end());
  auto is_missing = [&](std::string_view s) { return missing.count(std::string(s)) > 0; };

  FieldCursor cur{text, 0, 1, options.delimiter, {}};
  std::vector<std::string> header;
  for (bool end = false; !end;) {
    std::string name(trim(cur.next(end, source, header.size() + 1)));
    if (name.empty()) name = fmt::format("V{}", header.size() + 1);
    header.push_back(std::move(name));
  }
  {
    std::unordered_set<std::string> seen;
    for (size_t j = 0; j < header.size(); ++j)
      if (!seen.insert(header[j]).second)
        throw DataError(fmt::format("{} line 1, column {}: the column name '{}' appears twice; rename one", source, j + 1, header[j]));
  }
  const size_t k = header.size();
  std::vector<bool> is_text(k, false);
  for (const auto& name : options.string_columns) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw DataError(fmt::format("{}: no column '{}' to read as text", source, name));
    is_text[it - header.begin()] = true;
  }
  // Pass 1: numbers go straight into columns; a column that meets text becomes a string column,
  // whose values are read in pass 2 from the recorded record starts.
  std::vector<std::vector<double>> nums(k);
  // Reserve for the number of lines, so columns do not over-allocate while growing.
  const size_t lines = static_cast<size_t>(std::count(text.begin() + static_cast<long>(cur.pos), text.end(), '\n')) + 1;
  for (size_t j = 0; j < k; ++j)
    if (!is_text[j]) nums[j].reserve(lines);
  std::vector<size_t> record_start, record_line;
  record_start.reserve(lines);
  record_line.reserve(lines);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  while (!cur.done()) {
    // Skip completely blank lines.
    if (text[cur.pos] == '\n' || (text[cur.pos] == '\r' && cur.pos + 1 < text.size() && text[cur.pos + 1] == '\n')) {
      cur.pos += text[cur.pos] == '\r' ? 2 : 1;
      ++cur.line;
      continue;
    }
    record_start.push_back(cur.pos);
    record_line.push_back(cur.line);
    size_t line = cur.line;
    size_t j = 0;
    for (bool end = false; !end; ++j) {
      std::string_view field = cur.next(end, source, j + 1);
      if (j >= k) continue;
      if (is_text[j]) continue;
      field = trim(field);
      double v;
      if (is_missing(field)) {
        nums[j].push_back(nan);
      } else if (parse_number(field, v)) {
        nums[j].push_back(v);
      } else {
        is_text[j] = true;
        std::vector<double>().swap(nums[j]);
      }
    }
    if (j != k)
      throw DataError(fmt::format("{} line {}: expected {} fields as in the header, found {}; check the delimiter and quoting",
                                  source, line, k, j));
  }
  Frame frame(source);
  std::vector<std::vector<std::string>> texts(k);
  bool any_text = std::any_of(is_text.begin(), is_text.end(), [](bool b) { return b; });
  if (any_text) {
    for (size_t j = 0; j < k; ++j)
      if (is_text[j]) texts[j].reserve(record_start.size());
    for (size_t r = 0; r < record_start.size(); ++r) {
      FieldCursor rc{text, record_start[r], record_line[r], options.delimiter, {}};
      size_t j = 0;
      for (bool end = false; !end && j < k; ++j) {
        std::string_view field = rc.next(end, source, j + 1);
        if (!is_text[j]) continue;
        std::string_view t = trim(field);
        texts[j].emplace_back(is_missing(t) ? std::string() : std::string(t));
      }
    }
  }
  for (size_t j = 0; j < k; ++j) {
    if (is_text[j]) frame.set(Column::strings(header[j], texts[j]));
    else frame.set(Column::numeric(header[j], std::move(nums[j])));
  }
  return frame;
}

Frame read_csv(const std::string& path, const CsvOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("cannot open '{}': check the path and that the file is readable", path));
  in.seekg(0, std::ios::end);
  std::string text(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return parse_csv(text, path, options);
}

namespace {
std::string quote_csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

void write_csv(const Frame& frame, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw DataError(fmt::format("cannot write '{}': check the folder exists and is writable", path));
  std::string buf;
  const auto& cols = frame.columns();
  for (size_t j = 0; j < cols.size(); ++j) buf += (j ? "," : "") + quote_csv(cols[j].name);
  buf += '\n';
  for (size_t i = 0; i < frame.nrows(); ++i) {
    for (size_t j = 0; j < cols.size(); ++j) {
      if (j) buf += ',';
      buf += quote_csv(cols[j].text(i));
    }
    buf += '\n';
    if (buf.size() > (1 << 20)) { out << buf; buf.clear(); }
  }
  out << buf;
}

}  // namespace cbec
