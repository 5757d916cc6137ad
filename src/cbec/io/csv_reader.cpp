#include "cbec/io/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <fstream>
#include <string>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_text.hpp"
#include "cbec/io/mapped_file.hpp"
#include "cbec/io/text_encoding.hpp"

namespace cbec {

char detect_delimiter(std::string_view header_line) {
  size_t counts[4] = {0, 0, 0, 0};
  const char candidates[4] = {',', ';', '\t', '|'};
  bool in_quotes = false;
  for (char c : header_line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (int k = 0; k < 4; ++k) counts[k] += c == candidates[k];
  }
  if (counts[0] > 0) return ',';
  int best = 0;
  for (int k = 1; k < 4; ++k)
    if (counts[k] > counts[best]) best = k;
  return counts[best] > 0 ? candidates[best] : ',';
}

CsvOptions plain_csv(std::vector<std::string> missing, std::vector<std::string> string_columns) {
  CsvOptions o;
  o.delimiter = ',';
  o.missing = std::move(missing);
  o.string_columns = std::move(string_columns);
  return o;
}

char parse_separator(const std::string& text, const std::string& option) {
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text == "space" || text == " ") return ' ';
  if (text.size() == 1 && text[0] != '"' && text[0] != '\n' && text[0] != '\r') return text[0];
  throw SpecError(fmt::format("{}: '{}' is not a separator; give one character such as ',' ';' '|', or tab or space", option, text));
}

CsvOptions declared_csv(const CsvDeclaration& d, const std::string& prefix) {
  CsvOptions c;
  if (!d.delimiter.empty()) c.delimiter = parse_separator(d.delimiter, prefix + "delimiter");
  c.encoding = d.encoding;
  if (!d.thousands.empty()) c.thousands = parse_separator(d.thousands, prefix + "thousands");
  c.percent = d.percent;
  c.cache = d.cache;
  return c;
}

namespace {

// Decodes the bytes (text_encoding.hpp) and parses them; `file` (the bytes' mapping) is read by
// copies only when it is parsed as it stands (UTF-8).
// UTF-8 text is checked while the records are counted (parse_csv_text's utf8), not in a pass of its own;
// only when that check fails is the text scanned again here to be decoded or refused.
Frame decode_and_parse(std::string_view bytes, const std::string& source, const CsvOptions& options, const MappedFile* file);

// Text whose lines end in a carriage return alone (classic Mac OS; some old exports): no line feed
// anywhere but a carriage return. Read with its carriage returns as line feeds, and said so.
Frame parse_carriage_return_lines(std::string_view bytes, const std::string& source, const CsvOptions& options) {
  std::string text(bytes);
  std::replace(text.begin(), text.end(), '\r', '\n');
  Frame frame = decode_and_parse(text, source, options, nullptr);
  frame.add_note(fmt::format("{}: its lines end in carriage returns alone (classic Mac OS) and were read as line breaks", source));
  return frame;
}

Frame decode_and_parse(std::string_view bytes, const std::string& source, const CsvOptions& options, const MappedFile* file) {
  if (bytes.empty()) return parse_csv_text(bytes, source, options, nullptr);
  // (Not UTF-16, whose code units may hold the byte 0x0D: its text has zero bytes.)
  if (bytes.find('\n') == std::string_view::npos && bytes.find('\r') != std::string_view::npos && bytes.find('\0') == std::string_view::npos)
    return parse_carriage_return_lines(bytes, source, options);
  DecodedText decoded = decode_text(bytes, source, options.encoding, false);
  if (!decoded.converted) {
    try {
      return parse_csv_text(bytes.substr(decoded.skip), source, options, file, true);
    } catch (const NotUtf8&) {
      decoded = decode_text(bytes, source, options.encoding);
    }
  }
  if (!decoded.converted) return parse_csv_text(bytes.substr(decoded.skip), source, options, file);
  Frame frame = parse_csv_text(*decoded.converted, source, options, nullptr);
  if (decoded.detected)
    frame.add_note(fmt::format("{}: the file is not UTF-8 and was read as {} (detected; declare --encoding to override)", source, decoded.encoding));
  return frame;
}

}  // namespace

Frame read_csv(const std::string& path, const CsvOptions& options) {
  const MappedFile file(path);
  if (file.text().empty()) return parse_csv_text(std::string_view(), path, options, nullptr);
  return decode_and_parse(file.text(), path, options, &file);
}

Frame parse_csv(std::string_view text, const std::string& source, const CsvOptions& options) {
  return decode_and_parse(text, source, options, nullptr);
}

Frame parse_csv_share(std::string_view text, size_t begin, size_t end, size_t first_line, const std::string& source,
                      const CsvOptions& options, const MappedFile* file) {
  const BodyLines lines{begin, end, first_line};
  return parse_csv_text(text, source, options, file, false, &lines);
}

std::string quote_csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {
// A cell as written: a number that is not whole in its shortest text that reads back as the same
// double (17 significant digits at most), so a saved column gives the same estimates as the frame.
std::string cell_text(const Column& c, size_t i) {
  if (c.type == ColumnType::Double && !c.is_missing(i)) return fmt::format("{}", c.values[i]);
  return quote_csv(c.text(i));
}
}  // namespace

void write_csv(const Frame& frame, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw DataError(fmt::format("cannot write '{}': check the folder exists and is writable", path));
  std::string buf;
  const auto& cols = frame.columns();
  for (size_t j = 0; j < cols.size(); ++j) {
    if (j) buf += ',';
    buf += quote_csv(cols[j].name);
  }
  buf += '\n';
  for (size_t i = 0; i < frame.nrows(); ++i) {
    for (size_t j = 0; j < cols.size(); ++j) {
      if (j) buf += ',';
      buf += cell_text(cols[j], i);
    }
    buf += '\n';
    if (buf.size() > (1 << 20)) { out << buf; buf.clear(); }
  }
  out << buf;
}

}  // namespace cbec
