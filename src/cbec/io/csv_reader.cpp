#include "cbec/io/csv_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_set>

#include "cbec/core/error.hpp"
#include "cbec/core/memory.hpp"
#include "cbec/io/line_count.hpp"
#include "cbec/io/mapped_file.hpp"
#include "cbec/io/plain_decimal.hpp"
#include "cbec/io/separator_scan.hpp"
#include "cbec/io/text_encoding.hpp"
#include <omp.h>

namespace cbec {

namespace {

// Drops the pages of a memory-mapped file that the parser has passed from the process (they stay in
// the kernel's page cache and fault back in cheaply if touched again), so the resident set holds the
// columns being filled rather than the whole text. Inactive for text that is not a file mapping,
// where MADV_DONTNEED would discard data.
class PageReleaser {
 public:
  PageReleaser(std::string_view text, size_t from, bool active) : base_(text.data()), done_(from), active_(active) {}
  void passed(size_t pos) {
    if (!active_ || pos < done_ + kStep) return;
    release_whole_pages(base_ + done_, base_ + pos);
    done_ = pos;
  }
  // Releases the rest up to `end` (the end of the text parsed), however little it is.
  void finish(size_t end) {
    if (active_ && end > done_) release_whole_pages(base_ + done_, base_ + end);
    done_ = end;
  }

 private:
  static constexpr size_t kStep = size_t{16} << 20;
  const char* base_;
  size_t done_;
  bool active_;
};

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

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses a number, accepting a leading '+'; false when the text is not wholly a finite number.
bool parse_number(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto res = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return res.ec == std::errc() && res.ptr == s.data() + s.size() && std::isfinite(out);
}

// "1,234,567.5" with `sep` = ',' -> "1234567.5": groups of three digits after the first group of
// one to three; false when the separators are not placed as thousands separators.
bool strip_thousands(std::string_view s, char sep, std::string& out) {
  out.clear();
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) out += s[i++];
  size_t group = 0, groups = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] == sep) {
      if (group == 0 || (groups > 0 && group != 3) || group > 3) return false;
      ++groups;
      group = 0;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    out += s[i];
    ++group;
  }
  if (groups > 0 && group != 3) return false;
  out.append(s.substr(i));
  return true;
}

// A cell of a numeric column under the declared number formats (--thousands, --percent).
bool parse_cell(std::string_view s, const CsvOptions& o, double& out, std::string& scratch) {
  if (parse_number(s, out)) return true;
  if (!o.thousands && !o.percent) return false;
  double scale = 1;
  if (o.percent && !s.empty() && s.back() == '%') {
    s.remove_suffix(1);
    scale = 0.01;
  }
  if (o.thousands && s.find(o.thousands) != std::string_view::npos) {
    if (!strip_thousands(s, o.thousands, scratch)) return false;
    s = scratch;
  }
  if (!parse_number(s, out)) return false;
  out *= scale;
  return true;
}

// A whole number written with more digits than a double holds exactly (beyond 2^53): an 18-digit
// administrative or firm code, which must keep its text or distinct codes would merge.
bool beyond_double_precision(std::string_view s, double v) {
  return std::fabs(v) >= 9007199254740992.0 && s.find_first_of(".eE") == std::string_view::npos;
}

// Why a cell that is not a number might still be one, for the warning's advice.
std::string number_format_hint(std::string_view s) {
  if (s.size() > 1 && s.back() == '%') return "cells such as '12.5%' are percentages: add --percent (percent = true in the study's [data]) to read them as 0.125";
  const bool digits_with_commas = s.find(',') != std::string_view::npos &&
                                  s.find_first_not_of("0123456789,.-+") == std::string_view::npos;
  if (digits_with_commas) return "cells such as '1,234' have thousands separators: add --thousands ',' (thousands = \",\" in the study's [data])";
  if (s.find(' ') != std::string_view::npos && s.find_first_not_of("0123456789 .-+") == std::string_view::npos)
    return "cells such as '1 234' have spaces as thousands separators: add --thousands ' '";
  if (s.find("\xEF\xBC") != std::string_view::npos) return "full-width digits (\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93) are not read as numbers: replace them with ASCII digits";
  return "";
}

// Per share of the text and column: cells that were not numbers, and the first few of them for the
// warning (its hint is read from the whole text's first few, so it does not depend on the shares).
struct CellStats {
  size_t numbers = 0, bad = 0;
  bool beyond_precision = false;
  std::vector<std::pair<size_t, std::string>> examples;   // (line, text)
};
constexpr size_t kExamples = 5;

std::string first_line_of(std::string_view text) {
  size_t in_quotes = 0, e = 0;
  for (; e < text.size(); ++e) {
    if (text[e] == '"') in_quotes ^= 1;
    else if (text[e] == '\n' && !in_quotes) break;
  }
  return std::string(text.substr(0, e));
}

}  // namespace

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

std::string delimiter_name(char d) { return d == '\t' ? "tab" : fmt::format("'{}'", d); }

// Lines [begin, end) of a text as the body, the first numbered first_line (parse_csv_share).
struct BodyLines {
  size_t begin, end, first_line;
};

// Thrown by parse_text when the text it was asked to check is not valid UTF-8: the caller decodes it.
struct NotUtf8 {};

// Text is checked for valid UTF-8 a block of whole lines at a time while the block is in cache.
constexpr size_t kCheckBlock = size_t{1} << 20;

void check_utf8(std::string_view text) {
  if (first_invalid_utf8(text) != std::string_view::npos) throw NotUtf8{};
}

// file_mapped: text is a read-only file mapping whose parsed pages may be released (PageReleaser).
// utf8: check that the text is valid UTF-8 in the pass that counts the records, and throw NotUtf8
// (before any other error) when it is not. lines: only those lines are the body (nullptr: all after
// the header).
Frame parse_text(std::string_view text, const std::string& source, const CsvOptions& options, bool file_mapped,
                 bool utf8 = false, const BodyLines* lines_only = nullptr) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  if (text.empty()) throw DataError(fmt::format("{}: the file is empty; a header row is needed", source));
  if (utf8) check_utf8(text.substr(0, text.find('\n')));
  // Missing-value tokens, compared without allocating (this runs once per field).
  auto is_missing = [&](std::string_view s) {
    for (const auto& m : options.missing)
      if (m.size() == s.size() && std::string_view(m) == s) return true;
    return false;
  };
  std::vector<std::string> notes;
  char delimiter = options.delimiter;
  if (!delimiter) {
    delimiter = detect_delimiter(first_line_of(text));
    if (delimiter != ',')
      notes.push_back(fmt::format("{}: the header has no ',' and is {}-separated: read with that delimiter (declare --delimiter to override)",
                                  source, delimiter_name(delimiter)));
  }

  FieldCursor cur{text, 0, 1, delimiter, {}};
  std::vector<std::string> header;
  for (bool end = false; !end;) {
    std::string name(trim(cur.next(end, source, header.size() + 1)));
    if (name.empty()) name = fmt::format("V{}", header.size() + 1);
    header.push_back(std::move(name));
  }
  if (utf8) check_utf8(text.substr(0, cur.pos));  // a quoted name may hold a newline
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
  // The columns kept (only_columns); a skipped column is neither numbers nor text.
  std::vector<char> kept(k, 1);
  auto listed = [&](const std::string& name) {
    return std::find(options.only_columns.begin(), options.only_columns.end(), name) != options.only_columns.end();
  };
  if (std::any_of(header.begin(), header.end(), listed))
    for (size_t j = 0; j < k; ++j) {
      kept[j] = listed(header[j]);
      if (!kept[j]) is_text[j] = false;
    }
  // The body is read in rounds of whole lines, a share of each round per thread
  // (options.round_bytes_per_thread). In
  // a round the threads first count their shares' records and lines (finding any '"' and, for
  // utf8, checking the bytes), then, every share's first record known, parse them straight into
  // the columns while their pages are still mapped, and release them: each page of the file is
  // mapped once, where counting the whole file first and parsing it after mapped every page twice.
  // A quoted field may hold a newline: a body with any '"' is parsed by one thread from its start.
  // A column whose cells are mostly text becomes a string column, read in a second pass.
  const std::string_view body = lines_only ? text.substr(lines_only->begin, lines_only->end - lines_only->begin) : text.substr(cur.pos);
  const size_t first_line = lines_only ? lines_only->first_line : cur.line;
  const int threads = body.size() < (1u << 20) ? 1 : std::max(1, omp_get_max_threads());
  auto blank_at = [&](size_t p) { return body[p] == '\n' || (body[p] == '\r' && p + 1 < body.size() && body[p + 1] == '\n'); };
  // The line start at or after p (the body's end when there is none).
  auto line_start_after = [&](size_t p) {
    if (p >= body.size()) return body.size();
    const size_t e = body.find('\n', p);
    return e == std::string_view::npos ? body.size() : e + 1;
  };
  struct ShareCount {
    size_t records = 0, lines = 0;
    bool quoted = false, not_utf8 = false;
  };
  // Records (non-blank lines) and lines of body[from, to), whether a field is quoted and (utf8)
  // whether the bytes are UTF-8, a block of whole lines at a time while the block is in cache.
  auto count_share = [&](size_t from, size_t to) {
    ShareCount sc;
    for (size_t block = from; block < to;) {
      size_t block_end = std::min(to, block + kCheckBlock);
      if (block_end < to) {  // end after the block's last newline, or the first one after it
        const void* last = ::memrchr(body.data() + block, '\n', block_end - block);
        const size_t next = last ? static_cast<size_t>(static_cast<const char*>(last) - body.data()) : body.find('\n', block_end);
        block_end = next == std::string_view::npos || next >= to ? to : next + 1;
      }
      const LineCount counted = count_lines(body, block, block_end);
      if (utf8 && counted.non_ascii && first_invalid_utf8(body.substr(block, block_end - block)) != std::string_view::npos) {
        sc.not_utf8 = true;
        return sc;
      }
      sc.quoted = sc.quoted || counted.quote;
      sc.lines += counted.lines;
      if (!counted.maybe_blank) {
        sc.records += counted.lines;
      } else {  // the lines one by one, the blank ones not records
        for (size_t p = block; p < block_end;) {
          size_t e = body.find('\n', p);
          if (e == std::string_view::npos || e >= block_end) e = block_end;
          if (!blank_at(p)) ++sc.records;
          p = e + 1;
        }
      }
      block = block_end;
    }
    return sc;
  };
  std::vector<std::vector<double>> nums(k);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // The number fast path (FieldCursor::next_number) reads a cell as a number before checking the
  // missing markers: it is used only when no marker is itself a number and the delimiter cannot
  // be part of one.
  const bool fast_numbers =
      std::string_view("0123456789.+-eE").find(delimiter) == std::string_view::npos &&
      std::none_of(options.missing.begin(), options.missing.end(), [](const std::string& m) {
        double v;
        return parse_number(trim(m), v);
      });
  // What is done with each column's fields, looked up once per field: skipped (a column not kept or
  // text, read in the second pass), a number first (the fast paths), or the general rules only.
  enum class FieldWork : uint8_t { kSkip, kNumber, kGeneral };
  std::vector<FieldWork> field_work(k, FieldWork::kGeneral);
  for (size_t j = 0; j < k; ++j)
    if (!kept[j] || is_text[j]) field_work[j] = FieldWork::kSkip;
    else if (fast_numbers) field_work[j] = FieldWork::kNumber;
  bool quoted = false;
  // Parses the records of body[from, to), the first of them record `record` on line `line`, into
  // the columns (sized already, unless quoted: then appended to), counting into cell_stats.
  auto parse_share = [&](size_t from, size_t to, size_t record, size_t line, CellStats* const cell_stats) {
    FieldCursor rc{body.substr(0, to), from, line, delimiter, {}};
    PageReleaser pages(body, from, file_mapped);
    std::string scratch;
    std::vector<double*> out(k, nullptr);  // the columns' storage (not quoted: sized for the round)
    if (!quoted)
      for (size_t j = 0; j < k; ++j) out[j] = nums[j].data();
    auto store = [&](size_t j, double v) {
      if (quoted) nums[j].push_back(v);
      else out[j][record] = v;
    };
    auto wrong_fields = [&](size_t at_line, size_t found) {
      return DataError(fmt::format("{} line {}: expected {} fields as in the header, found {}; check the delimiter{} and quoting", source,
                                   at_line, k, found, options.delimiter ? "" : fmt::format(" (read as {})", delimiter_name(delimiter))));
    };
    // Field j at rc.pos by the general rules: the number fast path first where the column allows,
    // else the field's text (unquoted), trimmed, checked against the markers and the number formats.
    auto read_field = [&](size_t j, bool& end, size_t at_line) {
      double v = nan;
      std::string_view field;
      const FieldWork work = j < k ? field_work[j] : FieldWork::kSkip;
      if (work == FieldWork::kNumber && rc.next_number(end, v, field)) {
        CellStats& st = cell_stats[j];
        ++st.numbers;
        if (!field.empty() && !st.beyond_precision && beyond_double_precision(field, v)) st.beyond_precision = true;
        store(j, v);
        return;
      }
      field = rc.next(end, source, j + 1);
      if (work == FieldWork::kSkip) return;
      field = trim(field);
      CellStats& st = cell_stats[j];
      if (!is_missing(field)) {
        if (parse_cell(field, options, v, scratch)) {
          ++st.numbers;
          if (!st.beyond_precision && beyond_double_precision(field, v)) st.beyond_precision = true;
        } else {
          v = nan;
          if (st.bad++ < kExamples) st.examples.emplace_back(at_line, std::string(field));
        }
      }
      store(j, v);
    };
    if (quoted) {
      while (!rc.done()) {
        if (blank_at(rc.pos)) {
          rc.pos += body[rc.pos] == '\r' ? 2 : 1;
          ++rc.line;
          continue;
        }
        const size_t at_line = rc.line;
        size_t j = 0;
        for (bool end = false; !end; ++j) read_field(j, end, at_line);
        if (j != k) throw wrong_fields(at_line, j);
        ++record;
      }
      pages.finish(to);
      return;
    }
    // Unquoted text: each field's end comes from the separator scan, so a plain decimal is read
    // within known bounds and a skipped field costs nothing; any other cell goes to read_field.
    const char* const d = rc.text.data();
    const size_t n = rc.text.size();
    SeparatorScan separators(rc.text, rc.pos, delimiter);
    // A numeric column's cells read here are counted at the chunk's end, as its records less the
    // cells that went to read_field (which counts its own): every record has all k fields or throws.
    const size_t first_record = record;
    std::vector<size_t> general(k, 0);
    for (size_t p = rc.pos; p < n;) {
      pages.passed(p);
      size_t e = separators.next();  // the end of the record's first field
      if (e < n && d[e] == '\n' && (e == p || (e == p + 1 && d[p] == '\r'))) {  // a blank line
        p = e + 1;
        ++rc.line;
        continue;
      }
      const size_t at_line = rc.line;
      size_t j = 0;
      for (bool end = false; !end; ++j) {
        const FieldWork work = j < k ? field_work[j] : FieldWork::kSkip;
        const bool numeric = work == FieldWork::kNumber;
        if (work != FieldWork::kGeneral) {
          const size_t field_end = e > p && d[e - 1] == '\r' ? e - 1 : e;
          double v = 0;
          if (!numeric || (field_end >= 32 ? parse_bounded_decimal(d + p, d + field_end, v)
                                           : parse_plain_decimal(d + p, d + n, v) == d + field_end)) {
            if (numeric) out[j][record] = v;
            end = e >= n || d[e] == '\n';
            rc.line += end && e < n;
            p = e + 1;
            if (!end) e = separators.next();
            continue;
          }
        }
        rc.pos = p;
        if (j < k) ++general[j];
        read_field(j, end, at_line);
        p = rc.pos;
        separators.restart(p);
        if (!end) e = separators.next();
      }
      if (j != k) throw wrong_fields(at_line, j);
      ++record;
    }
    for (size_t j = 0; j < k; ++j)
      if (field_work[j] == FieldWork::kNumber) cell_stats[j].numbers += record - first_record - general[j];
    pages.finish(to);
  };
  // The cells' counts of the whole body, each share's added in the body's order.
  std::vector<CellStats> stats(k);
  auto add_stats = [&](const std::vector<CellStats>& share) {
    for (size_t j = 0; j < k; ++j) {
      CellStats& all = stats[j];
      const CellStats& st = share[j];
      all.numbers += st.numbers;
      all.bad += st.bad;
      all.beyond_precision = all.beyond_precision || st.beyond_precision;
      for (const auto& e : st.examples)
        if (all.examples.size() < kExamples) all.examples.push_back(e);
    }
  };
  // The columns hold `capacity` records: an estimate from the records per byte read so far (exact
  // when the first round is the whole body), at most what the physical memory holds (a first round
  // of much shorter lines than the rest must not reserve an address space the system refuses), and
  // grown by half again when a round would pass it.
  size_t total = 0, capacity = 0, line_at = first_line;
  size_t numeric_columns = 0;
  for (size_t j = 0; j < k; ++j) numeric_columns += kept[j] && !is_text[j];
  const size_t memory_records = physical_memory_bytes() / sizeof(double) / std::max<size_t>(numeric_columns, 1);
  auto reserve_columns = [&](size_t records_needed, size_t bytes_read) {
    if (records_needed <= capacity) return;
    const double per_byte = static_cast<double>(records_needed) / static_cast<double>(std::max<size_t>(bytes_read, 1));
    size_t estimate = bytes_read >= body.size() ? records_needed : static_cast<size_t>(1.1 * per_byte * static_cast<double>(body.size())) + 1024;
    if (memory_records > 0) estimate = std::min(estimate, memory_records);
    capacity = std::max({records_needed, estimate, capacity + capacity / 2});
    for (size_t j = 0; j < k; ++j)
      if (kept[j] && !is_text[j]) nums[j].reserve(capacity);
  };
  const size_t round_bytes = static_cast<size_t>(threads) * std::clamp<size_t>(options.round_bytes_per_thread, 1, std::max<size_t>(body.size(), 1));
  for (size_t from = 0; from < body.size();) {
    const size_t to = line_start_after(from + round_bytes);
    std::vector<size_t> cut = {from};
    for (int c = 1; c < threads; ++c) cut.push_back(std::min(to, line_start_after(from + (to - from) * static_cast<size_t>(c) / static_cast<size_t>(threads))));
    cut.push_back(to);
    const size_t shares = cut.size() - 1;
    std::vector<ShareCount> counts(shares);
#pragma omp parallel for num_threads(threads)
    for (long c = 0; c < static_cast<long>(shares); ++c) counts[static_cast<size_t>(c)] = count_share(cut[static_cast<size_t>(c)], cut[static_cast<size_t>(c) + 1]);
    if (std::any_of(counts.begin(), counts.end(), [](const ShareCount& c) { return c.not_utf8; })) throw NotUtf8{};
    // Text not UTF-8 is decoded before anything else is said about it: the rounds not yet counted
    // are checked before the body is parsed again as quoted, or before a parse error is thrown.
    auto check_rest = [&] {
      if (utf8 && first_invalid_utf8(body.substr(to)) != std::string_view::npos) throw NotUtf8{};
    };
    if (std::any_of(counts.begin(), counts.end(), [](const ShareCount& c) { return c.quoted; })) {
      check_rest();
      quoted = true;
      break;
    }
    std::vector<size_t> first_record(shares + 1, total), first_line_of_share(shares + 1, line_at);
    for (size_t c = 0; c < shares; ++c) {
      first_record[c + 1] = first_record[c] + counts[c].records;
      first_line_of_share[c + 1] = first_line_of_share[c] + counts[c].lines;
    }
    // The columns sized to the round's records, their new pages made resident by the threads a
    // column each (make_resident; allocated first: a heap growing under a populating thread waits).
    reserve_columns(first_record[shares], to);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (long j = 0; j < static_cast<long>(k); ++j)
      if (kept[static_cast<size_t>(j)] && !is_text[static_cast<size_t>(j)]) resize_resident(nums[static_cast<size_t>(j)], first_record[shares]);
    std::vector<std::vector<CellStats>> share_stats(shares, std::vector<CellStats>(k));
    std::vector<std::string> share_error(shares);
#pragma omp parallel for num_threads(threads)
    for (long c = 0; c < static_cast<long>(shares); ++c) {
      const auto sc = static_cast<size_t>(c);
      try {
        parse_share(cut[sc], cut[sc + 1], first_record[sc], first_line_of_share[sc], share_stats[sc].data());
      } catch (const std::exception& e) {
        share_error[sc] = e.what();
      }
    }
    for (const auto& e : share_error)
      if (!e.empty()) {
        check_rest();
        throw DataError(e);
      }
    for (const auto& st : share_stats) add_stats(st);
    total = first_record[shares];
    line_at = first_line_of_share[shares];
    from = to;
  }
  if (quoted) {  // from the body's start, appending to the columns
    for (auto& v : nums) std::vector<double>().swap(v);
    stats.assign(k, CellStats{});
    parse_share(0, body.size(), 0, first_line, stats.data());
  }
  // Each column's verdict: text when most of its non-missing cells are text or when it holds whole
  // numbers beyond double precision; otherwise numeric, its few text cells missing and listed.
  for (size_t j = 0; j < k; ++j) {
    if (is_text[j] || !kept[j]) continue;
    const CellStats& all = stats[j];
    if (all.bad > all.numbers) {
      is_text[j] = true;
    } else if (all.beyond_precision) {
      is_text[j] = true;
      notes.push_back(fmt::format("{} column '{}': whole numbers longer than 15 digits (codes such as 18-digit ids) are kept as text, "
                                  "since a double cannot hold them exactly and distinct codes would merge",
                                  source, header[j]));
    } else if (all.bad > 0) {
      std::vector<std::string> shown;
      std::string hint;
      for (const auto& [line, cell] : all.examples) {
        shown.push_back(fmt::format("line {} '{}'", line, printable(cell)));
        if (hint.empty()) hint = number_format_hint(cell);
      }
      notes.push_back(fmt::format("{} column '{}': {} cell{} not a number and read as missing: {}{}{}", source, header[j], all.bad,
                                  all.bad == 1 ? " is" : "s are", fmt::join(shown, ", "), all.bad > shown.size() ? ", ..." : "",
                                  hint.empty() ? "" : "; " + hint));
    }
  }
  std::vector<std::vector<std::string>> texts(k);
  if (std::any_of(is_text.begin(), is_text.end(), [](bool b) { return b; })) {
    for (size_t j = 0; j < k; ++j)
      if (is_text[j]) std::vector<double>().swap(nums[j]);
    FieldCursor rc{body, 0, first_line, delimiter, {}};
    while (!rc.done()) {
      if (blank_at(rc.pos)) {
        rc.pos += body[rc.pos] == '\r' ? 2 : 1;
        continue;
      }
      size_t j = 0;
      for (bool end = false; !end; ++j) {
        std::string_view field = rc.next(end, source, j + 1);
        if (j >= k || !is_text[j]) continue;
        std::string_view t = trim(field);
        texts[j].emplace_back(is_missing(t) ? std::string() : std::string(t));
      }
    }
  }
  // The columns are built (integer type inferred, text coded) by the threads, a column each.
  std::vector<Column> columns(k);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (long jj = 0; jj < static_cast<long>(k); ++jj) {
    const size_t j = static_cast<size_t>(jj);
    if (!kept[j]) continue;
    columns[j] = is_text[j] ? Column::strings(header[j], texts[j]) : Column::numeric(header[j], std::move(nums[j]));
  }
  Frame frame(source);
  std::vector<std::string> unread;
  for (size_t j = 0; j < k; ++j)
    if (kept[j]) frame.set(std::move(columns[j]));
    else unread.push_back(header[j]);
  frame.set_unread(std::move(unread));
  for (auto& n : notes) frame.add_note(std::move(n));
  return frame;
}

}  // namespace

namespace {

// Decodes the bytes (text_encoding.hpp) and parses them; the mapping is released page by page
// only when it is parsed in place (UTF-8).
// UTF-8 text is checked while the records are counted (parse_text's utf8), not in a pass of its own;
// only when that check fails is the text scanned again here to be decoded or refused.
Frame decode_and_parse(std::string_view bytes, const std::string& source, const CsvOptions& options, bool file_mapped) {
  if (bytes.empty()) return parse_text(bytes, source, options, false);
  DecodedText decoded = decode_text(bytes, source, options.encoding, false);
  if (!decoded.converted) {
    try {
      return parse_text(bytes.substr(decoded.skip), source, options, file_mapped, true);
    } catch (const NotUtf8&) {
      decoded = decode_text(bytes, source, options.encoding);
    }
  }
  if (!decoded.converted) return parse_text(bytes.substr(decoded.skip), source, options, file_mapped);
  Frame frame = parse_text(*decoded.converted, source, options, false);
  if (decoded.detected)
    frame.add_note(fmt::format("{}: the file is not UTF-8 and was read as {} (detected; declare --encoding to override)", source, decoded.encoding));
  return frame;
}

}  // namespace

Frame read_csv(const std::string& path, const CsvOptions& options) {
  const MappedFile file(path);
  if (file.text().empty()) return parse_text(std::string_view(), path, options, false);
  return decode_and_parse(file.text(), path, options, true);
}

Frame parse_csv(std::string_view text, const std::string& source, const CsvOptions& options) {
  return decode_and_parse(text, source, options, false);
}

Frame parse_csv_share(std::string_view text, size_t begin, size_t end, size_t first_line, const std::string& source,
                      const CsvOptions& options, bool file_mapped) {
  const BodyLines lines{begin, end, first_line};
  return parse_text(text, source, options, file_mapped, false, &lines);
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
      buf += quote_csv(cols[j].text(i));
    }
    buf += '\n';
    if (buf.size() > (1 << 20)) { out << buf; buf.clear(); }
  }
  out << buf;
}

}  // namespace cbec
