// The CSV reader's cursor over text: one field at a time by RFC-4180's rules (a quoted field may
// hold delimiters, line breaks and doubled quotes), the line counted for error messages, and the
// fast path for an unquoted number. Inline: it runs once per field of quoted text and of cells the
// reader's separator scan (csv_text.cpp) passes on.
#pragma once

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "cbec/core/error.hpp"
#include "cbec/io/plain_decimal.hpp"

namespace cbec {

// One field at a time from `pos`: its (unquoted) text, `pos` advanced past the delimiter or the
// end of the record.
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
    const size_t start = pos;
    pos = field_end(pos);
    size_t end = pos;
    if (end > start && text[end - 1] == '\r') --end;
    std::string_view field = text.substr(start, end - start);
    finish_field(at_end, source, column);
    return field;
  }

  // The fast path for the common cell, an unquoted number with nothing around it (the approach of
  // data.table's fread: parse the number where it stands, then expect a delimiter), saving the
  // separate scan for the field's end. Takes the field only when fast_float reads all of it up to a
  // delimiter, line end or the end of the text and the value is finite; otherwise leaves `pos` and
  // returns false, and the cell goes through next() and the general rules (trim, '+', markers...).
  // A plain decimal (plain_decimal.hpp) is read first, anything else by fast_float; `field` is
  // the number's text only when fast_float read it (a plain decimal is below 2^53, never beyond
  // double precision), empty otherwise.
  bool next_number(bool& at_end, double& value, std::string_view& field) {
    const char* start = text.data() + pos;
    const char* end = text.data() + text.size();
    const char* p = parse_plain_decimal(start, end, value);
    if (!p || !ends_field(p, end)) {
      const auto res = fast_float::from_chars(start, end, value);
      if (res.ec != std::errc() || res.ptr == start || !std::isfinite(value)) return false;
      p = res.ptr;
      if (!ends_field(p, end)) return false;
      field = std::string_view(start, static_cast<size_t>(p - start));
    } else {
      field = std::string_view();
    }
    pos = static_cast<size_t>(p - text.data());
    at_end = false;
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos >= text.size()) at_end = true;
    else if (text[pos] == delim) ++pos;
    else { ++pos; ++line; at_end = true; }
    return true;
  }

  // The first delimiter or newline at or after p (or the text's end): eight bytes a step, each
  // tested for either byte by the zero-byte test (x - 0x01..) & ~x & 0x80.. (Anderson, "Bit
  // Twiddling Hacks": determine if a word has a zero byte), with local copies the compiler can
  // keep in registers.
  size_t field_end(size_t p) const {
    const char* d = text.data();
    const size_t n = text.size();
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const uint64_t delims = ones * static_cast<unsigned char>(delim), newlines = ones * static_cast<unsigned char>('\n');
    while (p + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, d + p, 8);
      const uint64_t a = word ^ delims, b = word ^ newlines;
      const uint64_t hit = ((a - ones) & ~a & highs) | ((b - ones) & ~b & highs);
      if (hit) return p + (static_cast<size_t>(std::countr_zero(hit)) >> 3);
      p += 8;
    }
    while (p < n && d[p] != delim && d[p] != '\n') ++p;
    return p;
  }

  bool ends_field(const char* p, const char* end) const {
    return p == end || *p == delim || *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] == '\n'));
  }

  void finish_field(bool& at_end, const std::string& source, size_t column) {
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos >= text.size()) { at_end = true; return; }
    if (text[pos] == delim) { ++pos; return; }
    if (text[pos] == '\n') { ++pos; ++line; at_end = true; return; }
    throw DataError(fmt::format("{} line {}, column {}: unexpected character after a quoted field", source, line, column));
  }
};

}  // namespace cbec
