#include "cbec/io/csv_text.hpp"

#include <fmt/format.h>
#include <omp.h>
#include <string.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_set>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/core/memory.hpp"
#include "cbec/io/cell_column.hpp"
#include "cbec/io/csv_cells.hpp"
#include "cbec/io/field_cursor.hpp"
#include "cbec/io/line_count.hpp"
#include "cbec/io/mapped_file.hpp"
#include "cbec/io/plain_decimal.hpp"
#include "cbec/io/separator_scan.hpp"
#include "cbec/io/text_encoding.hpp"

namespace cbec {

namespace {

// Records (non-blank lines) and lines of a share of the body, whether a field is quoted and
// whether the bytes are not UTF-8.
struct ShareCount {
  size_t records = 0, lines = 0;
  bool quoted = false, not_utf8 = false;
};

// What is done with each column's fields, looked up once per field: skipped (a column not kept or
// text, read in a later pass), a number first (the fast paths), or the general rules only.
enum class FieldWork : uint8_t { kSkip, kNumber, kGeneral };

// Text is checked for valid UTF-8 a block of whole lines at a time while the block is in cache.
constexpr size_t kCheckBlock = size_t{1} << 20;

void check_utf8(std::string_view text) {
  if (first_invalid_utf8(text) != std::string_view::npos) throw NotUtf8{};
}

std::string first_line_of(std::string_view text) {
  size_t in_quotes = 0, e = 0;
  for (; e < text.size(); ++e) {
    if (text[e] == '"') in_quotes ^= 1;
    else if (text[e] == '\n' && !in_quotes) break;
  }
  return std::string(text.substr(0, e));
}

std::string delimiter_name(char d) { return d == '\t' ? "tab" : fmt::format("'{}'", d); }

// One parse of a text: the header (read_header), the numeric cells of the body in rounds
// (read_rounds, parse_share), each column's type from its cells (decide_types), the text columns
// (read_text_columns), then the frame (make_frame).
class TextParser {
 public:
  TextParser(std::string_view text, const std::string& source, const CsvOptions& options, const MappedFile* file, bool utf8)
      : text_(text), source_(source), options_(options), file_(file), utf8_(utf8) {}

  Frame parse(const BodyLines* lines_only) {
    if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF && static_cast<unsigned char>(text_[1]) == 0xBB &&
        static_cast<unsigned char>(text_[2]) == 0xBF)
      text_.remove_prefix(3);
    if (text_.empty()) throw DataError(fmt::format("{}: the file is empty; a header row is needed", source_));
    if (utf8_) check_utf8(text_.substr(0, text_.find('\n')));
    const FieldCursor after_header = read_header();
    choose_columns();
    body_ = lines_only ? text_.substr(lines_only->begin, lines_only->end - lines_only->begin) : text_.substr(after_header.pos);
    first_line_ = lines_only ? lines_only->first_line : after_header.line;
    threads_ = body_.size() < (1u << 20) ? 1 : std::max(1, omp_get_max_threads());
    plan_fields();
    read_rounds();
    if (quoted_) {  // from the body's start, appending to the columns
      for (auto& v : nums_) std::vector<double>().swap(v);
      stats_.assign(k_, CellStats{});
      parse_share(body_, 0, body_.size(), 0, first_line_, stats_.data());
    }
    decide_types();
    return make_frame(read_text_columns());
  }

 private:
  // Missing-value tokens, compared without allocating (this runs once per field).
  bool is_missing(std::string_view s) const {
    for (const auto& m : options_.missing)
      if (m.size() == s.size() && std::string_view(m) == s) return true;
    return false;
  }

  static bool blank_at(std::string_view text, size_t p) {
    return text[p] == '\n' || (text[p] == '\r' && p + 1 < text.size() && text[p + 1] == '\n');
  }

  // The line start at or after p in text (its end when there is none).
  static size_t line_start_after(std::string_view text, size_t p) {
    if (p >= text.size()) return text.size();
    const size_t e = text.find('\n', p);
    return e == std::string_view::npos ? text.size() : e + 1;
  }

  // The delimiter (declared, or detected and noted) and the column names; returns the cursor after
  // the header.
  FieldCursor read_header() {
    // Blank lines before the header (an export's empty first rows) are skipped and said.
    const auto [start, blank] = leading_blank_lines(text_);
    if (start >= text_.size()) throw DataError(fmt::format("{}: the file has only blank lines; a header row is needed", source_));
    if (blank)
      notes_.push_back(fmt::format("{}: {} blank line{} before the header skipped; the header is line {}", source_, blank, blank == 1 ? "" : "s", blank + 1));
    delimiter_ = options_.delimiter;
    if (!delimiter_) {
      delimiter_ = detect_delimiter(first_line_of(text_.substr(start)));
      if (delimiter_ != ',')
        notes_.push_back(fmt::format("{}: the header has no ',' and is {}-separated: read with that delimiter (declare --delimiter to override)",
                                     source_, delimiter_name(delimiter_)));
    }
    FieldCursor cur{text_, start, 1 + blank, delimiter_, {}};
    for (bool end = false; !end;) {
      std::string name(trim_cell(cur.next(end, source_, header_.size() + 1)));
      if (name.empty()) name = fmt::format("V{}", header_.size() + 1);
      header_.push_back(std::move(name));
    }
    if (utf8_) check_utf8(text_.substr(0, cur.pos));  // a quoted name may hold a newline
    std::unordered_set<std::string> seen;
    for (size_t j = 0; j < header_.size(); ++j)
      if (!seen.insert(header_[j]).second)
        throw DataError(fmt::format("{} line {}, column {}: the column name '{}' appears twice; rename one", source_, 1 + blank, j + 1, header_[j]));
    k_ = header_.size();
    return cur;
  }

  // The columns declared text, and those kept (options.only_columns; a skipped column is neither
  // numbers nor text).
  void choose_columns() {
    is_text_.assign(k_, false);
    for (const auto& name : options_.string_columns) {
      auto it = std::find(header_.begin(), header_.end(), name);
      if (it == header_.end()) throw DataError(fmt::format("{}: no column '{}' to read as text", source_, name));
      is_text_[static_cast<size_t>(it - header_.begin())] = true;
    }
    kept_.assign(k_, 1);
    auto listed = [&](const std::string& name) {
      return std::find(options_.only_columns.begin(), options_.only_columns.end(), name) != options_.only_columns.end();
    };
    if (std::any_of(header_.begin(), header_.end(), listed))
      for (size_t j = 0; j < k_; ++j) {
        kept_[j] = listed(header_[j]);
        if (!kept_[j]) is_text_[j] = false;
      }
  }

  bool numeric_column(size_t j) const { return kept_[j] && !is_text_[j]; }

  // The number fast paths (FieldCursor::next_number, the separator scan's plain decimals) read a
  // cell as a number before checking the missing markers: they are used only when no marker is
  // itself a number and the delimiter cannot be part of one.
  void plan_fields() {
    const bool fast_numbers =
        std::string_view("0123456789.+-eE").find(delimiter_) == std::string_view::npos &&
        std::none_of(options_.missing.begin(), options_.missing.end(), [](const std::string& m) {
          double v;
          return parse_number(trim_cell(m), v);
        });
    field_work_.assign(k_, FieldWork::kGeneral);
    for (size_t j = 0; j < k_; ++j)
      if (!numeric_column(j)) field_work_[j] = FieldWork::kSkip;
      else if (fast_numbers) field_work_[j] = FieldWork::kNumber;
    nums_.assign(k_, {});
  }

  // Records and lines of text[from, to), whether a field is quoted and (utf8) whether the bytes
  // are UTF-8, a block of whole lines at a time while the block is in cache.
  ShareCount count_share(std::string_view text, size_t from, size_t to) const {
    ShareCount sc;
    for (size_t block = from; block < to;) {
      size_t block_end = std::min(to, block + kCheckBlock);
      if (block_end < to) {  // end after the block's last newline, or the first one after it
        const void* last = ::memrchr(text.data() + block, '\n', block_end - block);
        const size_t next = last ? static_cast<size_t>(static_cast<const char*>(last) - text.data()) : text.find('\n', block_end);
        block_end = next == std::string_view::npos || next >= to ? to : next + 1;
      }
      const LineCount counted = count_lines(text, block, block_end);
      if (utf8_ && counted.non_ascii && first_invalid_utf8(text.substr(block, block_end - block)) != std::string_view::npos) {
        sc.not_utf8 = true;
        return sc;
      }
      sc.quoted = sc.quoted || counted.quote;
      sc.lines += counted.lines;
      if (!counted.maybe_blank) {
        sc.records += counted.lines;
      } else {  // the lines one by one, the blank ones not records
        for (size_t p = block; p < block_end;) {
          size_t e = text.find('\n', p);
          if (e == std::string_view::npos || e >= block_end) e = block_end;
          if (!blank_at(text, p)) ++sc.records;
          p = e + 1;
        }
      }
      block = block_end;
    }
    return sc;
  }

  // A share's parse under way: the cursor, the next record's index, the cells' counts and, unless
  // quoted, the columns' storage (sized for the round).
  struct Share {
    FieldCursor rc;
    size_t record;
    CellStats* stats;
    std::vector<double*> out;
    std::string scratch;
  };

  void store(Share& s, size_t j, double v) {
    if (quoted_) nums_[j].push_back(v);
    else s.out[j][s.record] = v;
  }

  DataError wrong_fields(size_t at_line, size_t found) const {
    return DataError(fmt::format("{} line {}: expected {} fields as in the header, found {}; check the delimiter{} and quoting", source_,
                                 at_line, k_, found, options_.delimiter ? "" : fmt::format(" (read as {})", delimiter_name(delimiter_))));
  }

  // Field j at s.rc.pos by the general rules: the number fast path first where the column allows,
  // else the field's text (unquoted), trimmed, checked against the markers and the number formats.
  void read_field(Share& s, size_t j, bool& end, size_t at_line) {
    double v = std::numeric_limits<double>::quiet_NaN();
    std::string_view field;
    const FieldWork work = j < k_ ? field_work_[j] : FieldWork::kSkip;
    if (work == FieldWork::kNumber && s.rc.next_number(end, v, field)) {
      CellStats& st = s.stats[j];
      ++st.numbers;
      if (!field.empty() && !st.beyond_precision && beyond_double_precision(field, v)) st.beyond_precision = true;
      store(s, j, v);
      return;
    }
    field = s.rc.next(end, source_, j + 1);
    if (work == FieldWork::kSkip) return;
    field = trim_cell(field);
    CellStats& st = s.stats[j];
    if (!is_missing(field)) {
      if (parse_cell(field, options_, v, s.scratch)) {
        ++st.numbers;
        st.percent += options_.percent && field.back() == '%';
        if (!st.beyond_precision && beyond_double_precision(field, v)) st.beyond_precision = true;
      } else {
        v = std::numeric_limits<double>::quiet_NaN();
        if (st.bad++ < kCellExamples) st.examples.emplace_back(at_line, std::string(field));
      }
    }
    store(s, j, v);
  }

  // Parses the records of text[from, to), the first of them record `record` on line `line`, into
  // the columns (sized already, unless quoted: then appended to), counting into cell_stats.
  void parse_share(std::string_view text, size_t from, size_t to, size_t record, size_t line, CellStats* cell_stats) {
    Share s{FieldCursor{text.substr(0, to), from, line, delimiter_, {}}, record, cell_stats, std::vector<double*>(k_, nullptr), {}};
    if (quoted_) {
      parse_quoted(s);
    } else {
      for (size_t j = 0; j < k_; ++j) s.out[j] = nums_[j].data();
      parse_unquoted(s);
    }
  }

  // Quoted text, field by field (a quoted field may hold a line break).
  void parse_quoted(Share& s) {
    FieldCursor& rc = s.rc;
    while (!rc.done()) {
      if (blank_at(rc.text, rc.pos)) {
        rc.pos += rc.text[rc.pos] == '\r' ? 2 : 1;
        ++rc.line;
        continue;
      }
      const size_t at_line = rc.line;
      size_t j = 0;
      for (bool end = false; !end; ++j) read_field(s, j, end, at_line);
      if (j != k_) throw wrong_fields(at_line, j);
      ++s.record;
    }
  }

  // Unquoted text: each field's end comes from the separator scan, so a plain decimal is read
  // within known bounds and a skipped field costs nothing; any other cell goes to read_field.
  // A numeric column's cells read here are counted at the end, as its records less the cells that
  // went to read_field (which counts its own): every record has all k fields or throws.
  void parse_unquoted(Share& s) {
    FieldCursor& rc = s.rc;
    const char* const d = rc.text.data();
    const size_t n = rc.text.size(), k = k_;
    const FieldWork* const field_work = field_work_.data();
    double* const* const out = s.out.data();
    SeparatorScan separators(rc.text, rc.pos, delimiter_);
    const size_t first_record = s.record;
    std::vector<size_t> general(k, 0);
    for (size_t p = rc.pos; p < n;) {
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
            if (numeric) out[j][s.record] = v;
            end = e >= n || d[e] == '\n';
            rc.line += end && e < n;
            p = e + 1;
            if (!end) e = separators.next();
            continue;
          }
        }
        rc.pos = p;
        if (j < k) ++general[j];
        read_field(s, j, end, at_line);
        p = rc.pos;
        separators.restart(p);
        if (!end) e = separators.next();
      }
      if (j != k) throw wrong_fields(at_line, j);
      ++s.record;
    }
    for (size_t j = 0; j < k; ++j)
      if (field_work[j] == FieldWork::kNumber) s.stats[j].numbers += s.record - first_record - general[j];
  }

  // A share's cell counts added to the whole body's, in the body's order.
  void add_stats(const std::vector<CellStats>& share) {
    for (size_t j = 0; j < k_; ++j) {
      CellStats& all = stats_[j];
      const CellStats& st = share[j];
      all.numbers += st.numbers;
      all.percent += st.percent;
      all.bad += st.bad;
      all.beyond_precision = all.beyond_precision || st.beyond_precision;
      for (const auto& e : st.examples)
        if (all.examples.size() < kCellExamples) all.examples.push_back(e);
    }
  }

  // The records of the whole body at the rate of `records` in its first `bytes_read` bytes.
  double records_in_body(size_t records, size_t bytes_read) const {
    return static_cast<double>(records) / static_cast<double>(std::max<size_t>(bytes_read, 1)) * static_cast<double>(body_.size());
  }

  // The columns hold `capacity_` records: an estimate from the records per byte read so far (exact
  // when the first round is the whole body), at most what the physical memory holds (a first round
  // of much shorter lines than the rest must not reserve an address space the system refuses), and
  // grown by half again when a round would pass it.
  void reserve_columns(size_t records_needed, size_t bytes_read) {
    if (records_needed <= capacity_) return;
    size_t numeric_columns = 0;
    for (size_t j = 0; j < k_; ++j) numeric_columns += numeric_column(j);
    const size_t memory_records = physical_memory_bytes() / sizeof(double) / std::max<size_t>(numeric_columns, 1);
    size_t estimate = bytes_read >= body_.size() ? records_needed : static_cast<size_t>(1.1 * records_in_body(records_needed, bytes_read)) + 1024;
    if (memory_records > 0) estimate = std::min(estimate, memory_records);
    capacity_ = std::max({records_needed, estimate, capacity_ + capacity_ / 2});
    for (size_t j = 0; j < k_; ++j)
      if (numeric_column(j)) {
        resident_ = nums_[j].size();  // a new block: resident as far as its copied records
        nums_[j].reserve(capacity_);
      }
  }

  // The columns' pages made resident for at least `records`, the records of the body's first
  // `bytes_read` bytes, by the threads a column each, in steps of kResidentBytes a column (within
  // the capacity and the records expected at that rate, so the pages past the data's end are not
  // made resident): a round is smaller than a step (a few megabytes, to stay in cache), and pages
  // populated in one call cost far less than faulted in one at a time (make_resident; allocated
  // first, by reserve_columns: a heap growing under a populating thread waits).
  void make_columns_resident(size_t records, size_t bytes_read) {
    constexpr size_t kResidentBytes = size_t{32} << 20;
    if (records <= resident_) return;
    const auto expected = static_cast<size_t>(records_in_body(records, bytes_read));
    const size_t from = resident_;
    resident_ = std::max(records, std::min({capacity_, expected, resident_ + kResidentBytes / sizeof(double)}));
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads_)
    for (long j = 0; j < static_cast<long>(k_); ++j)
      if (numeric_column(static_cast<size_t>(j)))
        make_resident(nums_[static_cast<size_t>(j)].data() + from, (resident_ - from) * sizeof(double));
  }

  // A round's text: its positions [begin, end) are the body's [base + begin, base + end).
  struct Round {
    std::string_view text;
    size_t base, begin, end;
  };

  // The bytes per round: options.round_bytes_per_thread for each thread.
  size_t round_bytes() const {
    return static_cast<size_t>(threads_) * std::clamp<size_t>(options_.round_bytes_per_thread, 1, std::max<size_t>(body_.size(), 1));
  }

  // The round of whole lines from body position `from`, about `bytes` long. Text in memory is its
  // own round; a file's bytes are copied by the threads into one buffer reused round after round
  // (MappedFile::copy), not read through the mapping: a mapped page costs a fault on its first
  // touch, dear on a virtual machine (the 10M-row benchmark file touched through the mapping:
  // 0.54 s on two threads; copied into 4 MB a thread: 0.11 s, into 32 MB: 0.29 s, as the copy
  // leaves the cache; bench/RESULTS.md, session 28), and the buffer's pages are touched once.
  Round next_round(size_t from, size_t bytes) {
    if (!file_) return {body_, 0, from, line_start_after(body_, from + bytes)};
    const size_t left = body_.size() - from, offset = static_cast<size_t>(body_.data() - file_->text().data()) + from;
    for (size_t n = std::min(bytes, left);; n = std::min(2 * n, left)) {  // doubled while a line is longer than the round
      if (round_buffer_.size() < n) round_buffer_.resize(n);
      char* const buffer = round_buffer_.data();
      const long parts = n < (size_t{1} << 20) ? 1 : threads_;
      std::vector<char> copied(static_cast<size_t>(parts), 0);
#pragma omp parallel for num_threads(threads_) if (parts > 1)
      for (long t = 0; t < parts; ++t) {
        const size_t lo = n * static_cast<size_t>(t) / static_cast<size_t>(parts), hi = n * static_cast<size_t>(t + 1) / static_cast<size_t>(parts);
        copied[static_cast<size_t>(t)] = file_->copy(offset + lo, hi - lo, buffer + lo);
      }
      if (std::find(copied.begin(), copied.end(), 0) != copied.end())
        throw DataError(fmt::format("{}: the file could not be read to its end (was it changed or shortened while it was read?); read it again", source_));
      if (n == left) return {std::string_view(buffer, n), from, 0, n};
      if (const void* last = ::memrchr(buffer, '\n', n)) {
        const size_t end = static_cast<size_t>(static_cast<const char*>(last) - buffer) + 1;
        return {std::string_view(buffer, end), from, 0, end};
      }
    }
  }

  // The body is read in rounds of whole lines (next_round), a share of each round per thread. In a
  // round the threads first count their shares' records and lines (finding any '"' and, for utf8,
  // checking the bytes), then, every share's first record known, parse them straight into the
  // columns while the round is in memory. A quoted field may hold a newline: a body with any '"' is
  // left (quoted_) to be parsed by one thread from its start.
  void read_rounds() {
    stats_.assign(k_, CellStats{});
    size_t total = 0, line_at = first_line_;
    const auto threads = static_cast<size_t>(threads_);
    for (size_t from = 0; from < body_.size();) {
      const Round round = next_round(from, round_bytes());
      const std::string_view text = round.text;
      const size_t to = round.base + round.end;
      std::vector<size_t> cut = {round.begin};
      for (size_t c = 1; c < threads; ++c)
        cut.push_back(std::min(round.end, line_start_after(text, round.begin + (round.end - round.begin) * c / threads)));
      cut.push_back(round.end);
      const size_t shares = cut.size() - 1;
      std::vector<ShareCount> counts(shares);
#pragma omp parallel for num_threads(threads_)
      for (long c = 0; c < static_cast<long>(shares); ++c)
        counts[static_cast<size_t>(c)] = count_share(text, cut[static_cast<size_t>(c)], cut[static_cast<size_t>(c) + 1]);
      if (std::any_of(counts.begin(), counts.end(), [](const ShareCount& c) { return c.not_utf8; })) throw NotUtf8{};
      // Text not UTF-8 is decoded before anything else is said about it: the rounds not yet counted
      // are checked before the body is parsed again as quoted, or before a parse error is thrown.
      auto check_rest = [&] {
        if (utf8_ && first_invalid_utf8(body_.substr(to)) != std::string_view::npos) throw NotUtf8{};
      };
      if (std::any_of(counts.begin(), counts.end(), [](const ShareCount& c) { return c.quoted; })) {
        check_rest();
        quoted_ = true;
        return;
      }
      std::vector<size_t> first_record(shares + 1, total), first_line_of_share(shares + 1, line_at);
      for (size_t c = 0; c < shares; ++c) {
        first_record[c + 1] = first_record[c] + counts[c].records;
        first_line_of_share[c + 1] = first_line_of_share[c] + counts[c].lines;
      }
      // The columns sized to the round's records by the threads, a column each.
      reserve_columns(first_record[shares], to);
      make_columns_resident(first_record[shares], to);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads_)
      for (long j = 0; j < static_cast<long>(k_); ++j)
        if (numeric_column(static_cast<size_t>(j))) nums_[static_cast<size_t>(j)].resize(first_record[shares]);
      std::vector<std::vector<CellStats>> share_stats(shares, std::vector<CellStats>(k_));
      std::vector<std::string> share_error(shares);
#pragma omp parallel for num_threads(threads_)
      for (long c = 0; c < static_cast<long>(shares); ++c) {
        const auto sc = static_cast<size_t>(c);
        try {
          parse_share(text, cut[sc], cut[sc + 1], first_record[sc], first_line_of_share[sc], share_stats[sc].data());
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
  }

  // Each column's verdict (text_by_cells), its notes.
  void decide_types() {
    for (size_t j = 0; j < k_; ++j) {
      if (!numeric_column(j)) continue;
      is_text_[j] = text_by_cells(stats_[j], fmt::format("{} column '{}'", source_, header_[j]), "line", notes_);
      const CellStats& st = stats_[j];
      if (!is_text_[j] && st.percent > 0 && st.percent < st.numbers)  // two scales in one column
        notes_.push_back(fmt::format("{} column '{}': {} of its {} numbers are percentages (read as fractions, 12.5% = 0.125) and {} are "
                                     "written without '%' (read as they stand): check that the column has one scale",
                                     source_, header_[j], st.percent, st.numbers, st.numbers - st.percent));
    }
  }

  // The text columns' cells, in a pass of their own over the body (their numbers freed first).
  std::vector<std::vector<std::string>> read_text_columns() {
    std::vector<std::vector<std::string>> texts(k_);
    if (std::none_of(is_text_.begin(), is_text_.end(), [](bool b) { return b; })) return texts;
    for (size_t j = 0; j < k_; ++j)
      if (is_text_[j]) std::vector<double>().swap(nums_[j]);
    // Quoted text is read whole (a quoted field may hold a line break); other text in rounds.
    size_t line = first_line_;
    for (size_t from = 0; from < body_.size();) {
      const Round round = quoted_ ? Round{body_, 0, 0, body_.size()} : next_round(from, round_bytes());
      FieldCursor rc{round.text.substr(0, round.end), round.begin, line, delimiter_, {}};
      while (!rc.done()) {
        if (blank_at(rc.text, rc.pos)) {
          rc.pos += rc.text[rc.pos] == '\r' ? 2 : 1;
          ++rc.line;
          continue;
        }
        size_t j = 0;
        for (bool end = false; !end; ++j) {
          std::string_view field = rc.next(end, source_, j + 1);
          if (j >= k_ || !is_text_[j]) continue;
          std::string_view t = trim_cell(field);
          texts[j].emplace_back(is_missing(t) ? std::string() : std::string(t));
        }
      }
      line = rc.line;
      from = round.base + round.end;
    }
    return texts;
  }

  // A text column not declared text whose cells are all logical values: 1 and 0 (logical_values).
  std::optional<std::vector<double>> logical_column(size_t j, const std::vector<std::string>& cells) const {
    if (std::find(options_.string_columns.begin(), options_.string_columns.end(), header_[j]) != options_.string_columns.end()) return std::nullopt;
    return logical_values(cells);
  }

  // The columns built (integer type inferred, text coded) by the threads, a column each; the
  // columns not kept named as unread, and the notes.
  Frame make_frame(std::vector<std::vector<std::string>> texts) {
    std::vector<Column> columns(k_);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads_)
    for (long jj = 0; jj < static_cast<long>(k_); ++jj) {
      const size_t j = static_cast<size_t>(jj);
      if (!kept_[j]) continue;
      if (!is_text_[j]) columns[j] = Column::numeric(header_[j], std::move(nums_[j]));
      else if (auto flags = logical_column(j, texts[j])) columns[j] = Column::numeric(header_[j], std::move(*flags));
      else columns[j] = Column::strings(header_[j], texts[j]);
    }
    for (size_t j = 0; j < k_; ++j)
      if (kept_[j] && is_text_[j] && columns[j].is_numeric())
        notes_.push_back(logical_note(fmt::format("{} column '{}'", source_, header_[j]), header_[j]));
    Frame frame(source_);
    std::vector<std::string> unread;
    for (size_t j = 0; j < k_; ++j)
      if (kept_[j]) frame.set(std::move(columns[j]));
      else unread.push_back(header_[j]);
    frame.set_unread(std::move(unread));
    for (auto& n : notes_) frame.add_note(std::move(n));
    return frame;
  }

  std::string_view text_;
  const std::string& source_;
  const CsvOptions& options_;
  const MappedFile* const file_;  // the file text_ was mapped from; nullptr for text in memory
  const bool utf8_;
  std::vector<std::string> notes_;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  size_t k_ = 0;
  std::vector<bool> is_text_;
  std::vector<char> kept_;
  std::string_view body_;
  size_t first_line_ = 1;
  int threads_ = 1;
  std::vector<FieldWork> field_work_;
  std::vector<std::vector<double>> nums_;  // the numeric columns' values
  size_t capacity_ = 0;                    // records the columns are reserved for
  size_t resident_ = 0;                    // records whose pages are resident (make_columns_resident)
  bool quoted_ = false;                    // a '"' was met: the body is parsed from its start by one thread
  std::vector<CellStats> stats_;           // the cells' counts of the whole body
  std::vector<char> round_buffer_;         // a file's round (next_round)
};

}  // namespace

LeadingBlankLines leading_blank_lines(std::string_view text) {
  LeadingBlankLines b;
  while (b.end < text.size()) {
    const size_t e = text.find('\n', b.end);
    if (e == std::string_view::npos || text.substr(b.end, e - b.end).find_first_not_of(" \t\r") != std::string_view::npos) break;
    b.end = e + 1;
    ++b.lines;
  }
  return b;
}

Frame parse_csv_text(std::string_view text, const std::string& source, const CsvOptions& options, const MappedFile* file, bool utf8,
                     const BodyLines* lines_only) {
  return TextParser(text, source, options, file, utf8).parse(lines_only);
}

}  // namespace cbec
