#include "cbec/io/csv_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_set>

#include "cbec/core/error.hpp"
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
    const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const uintptr_t lo = (reinterpret_cast<uintptr_t>(base_ + done_) + page - 1) / page * page;
    const uintptr_t hi = reinterpret_cast<uintptr_t>(base_ + pos) / page * page;
    if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_DONTNEED);
    done_ = pos;
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

namespace {

// file_mapped: text is a read-only file mapping whose parsed pages may be released (PageReleaser).
Frame parse_text(std::string_view text, const std::string& source, const CsvOptions& options, bool file_mapped) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  if (text.empty()) throw DataError(fmt::format("{}: the file is empty; a header row is needed", source));
  // Missing-value tokens, compared without allocating (this runs once per field).
  auto is_missing = [&](std::string_view s) {
    for (const auto& m : options.missing)
      if (m.size() == s.size() && std::string_view(m) == s) return true;
    return false;
  };

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
  // The body is cut into chunks at line starts, one per thread, when no field is quoted (a quoted
  // field may hold a newline); each chunk parses its records straight into its slice of the
  // columns. A column that meets text becomes a string column, read in a second pass.
  const std::string_view body = text.substr(cur.pos);
  const size_t first_line = cur.line;
  int threads = body.size() < (1u << 20) ? 1 : std::max(1, omp_get_max_threads());
  std::vector<size_t> cut = {0};
  for (int c = 1; c < threads; ++c) {
    size_t p = body.find('\n', body.size() * static_cast<size_t>(c) / static_cast<size_t>(threads));
    cut.push_back(p == std::string_view::npos ? body.size() : p + 1);
  }
  cut.push_back(body.size());
  size_t nchunks = cut.size() - 1;
  auto blank_at = [&](size_t p) { return body[p] == '\n' || (body[p] == '\r' && p + 1 < body.size() && body[p + 1] == '\n'); };
  // Records (non-blank lines) and lines per chunk, and whether any field is quoted, found in one
  // pass that releases the pages it has read (a whole-text search would keep the file resident).
  std::vector<size_t> records(nchunks, 0), lines(nchunks, 0);
  std::vector<char> chunk_quoted(nchunks, 0);
#pragma omp parallel for num_threads(threads)
  for (long c = 0; c < static_cast<long>(nchunks); ++c) {
    const size_t from = cut[static_cast<size_t>(c)], to = cut[static_cast<size_t>(c) + 1];
    PageReleaser pages(body, from, file_mapped);
    for (size_t p = from; p < to;) {
      size_t e = body.find('\n', p);
      if (e == std::string_view::npos || e >= to) e = to;
      if (!chunk_quoted[static_cast<size_t>(c)] && std::memchr(body.data() + p, '"', e - p)) chunk_quoted[static_cast<size_t>(c)] = 1;
      if (!blank_at(p)) ++records[static_cast<size_t>(c)];
      ++lines[static_cast<size_t>(c)];
      p = e + 1;
      pages.passed(p);
    }
  }
  const bool quoted = std::any_of(chunk_quoted.begin(), chunk_quoted.end(), [](char q) { return q != 0; });
  if (quoted) {  // one sequential chunk: a quoted field may hold a newline
    threads = 1;
    cut = {0, body.size()};
    nchunks = 1;
  }
  size_t total = 0;
  for (size_t r : records) total += r;
  std::vector<std::vector<double>> nums(k);
  if (!quoted)
    for (size_t j = 0; j < k; ++j)
      if (!is_text[j]) nums[j].resize(total);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<char>> text_seen(nchunks, std::vector<char>(k, 0));
  std::vector<std::string> chunk_error(nchunks);
  auto parse_chunk = [&](size_t c, size_t record, size_t line) {
    FieldCursor rc{body.substr(0, cut[c + 1]), cut[c], line, options.delimiter, {}};
    PageReleaser pages(body, cut[c], file_mapped);
    while (!rc.done()) {
      pages.passed(rc.pos);
      if (blank_at(rc.pos)) {
        rc.pos += body[rc.pos] == '\r' ? 2 : 1;
        ++rc.line;
        continue;
      }
      const size_t at_line = rc.line;
      size_t j = 0;
      for (bool end = false; !end; ++j) {
        std::string_view field = rc.next(end, source, j + 1);
        if (j >= k || is_text[j] || text_seen[c][j]) continue;
        field = trim(field);
        double v;
        if (is_missing(field)) v = nan;
        else if (!parse_number(field, v)) {
          text_seen[c][j] = 1;
          continue;
        }
        if (quoted) nums[j].push_back(v);
        else nums[j][record] = v;
      }
      if (j != k)
        throw DataError(fmt::format("{} line {}: expected {} fields as in the header, found {}; check the delimiter and quoting",
                                    source, at_line, k, j));
      ++record;
    }
  };
  if (quoted) {
    parse_chunk(0, 0, first_line);
  } else {
#pragma omp parallel for num_threads(threads)
    for (long c = 0; c < static_cast<long>(nchunks); ++c) {
      size_t record = 0, line = first_line;
      for (long b = 0; b < c; ++b) {
        record += records[static_cast<size_t>(b)];
        line += lines[static_cast<size_t>(b)];
      }
      try {
        parse_chunk(static_cast<size_t>(c), record, line);
      } catch (const std::exception& e) {
        chunk_error[static_cast<size_t>(c)] = e.what();
      }
    }
    for (const auto& e : chunk_error)
      if (!e.empty()) throw DataError(e);
  }
  for (size_t c = 0; c < nchunks; ++c)
    for (size_t j = 0; j < k; ++j)
      if (text_seen[c][j]) is_text[j] = true;
  std::vector<std::vector<std::string>> texts(k);
  if (std::any_of(is_text.begin(), is_text.end(), [](bool b) { return b; })) {
    for (size_t j = 0; j < k; ++j)
      if (is_text[j]) std::vector<double>().swap(nums[j]);
    FieldCursor rc{body, 0, first_line, options.delimiter, {}};
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
  Frame frame(source);
  for (size_t j = 0; j < k; ++j) {
    if (is_text[j]) frame.set(Column::strings(header[j], texts[j]));
    else frame.set(Column::numeric(header[j], std::move(nums[j])));
  }
  return frame;
}

}  // namespace

Frame read_csv(const std::string& path, const CsvOptions& options) {
  // The file is mapped, not copied: the parser reads the page cache directly.
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw DataError(fmt::format("cannot open '{}': check the path and that the file is readable", path));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw DataError(fmt::format("cannot read '{}': it is not a regular file", path));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return parse_text(std::string_view(), path, options, false);
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) throw DataError(fmt::format("cannot read '{}': mapping the file failed", path));
  ::madvise(map, size, MADV_SEQUENTIAL);
  struct Unmap {
    void* p;
    size_t n;
    ~Unmap() { ::munmap(p, n); }
  } unmap{map, size};
  return parse_text(std::string_view(static_cast<const char*>(map), size), path, options, true);
}

Frame parse_csv(std::string_view text, const std::string& source, const CsvOptions& options) {
  return parse_text(text, source, options, false);
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
