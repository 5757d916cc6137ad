#include "cbec/io/csv_share.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <string_view>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/io/csv_text.hpp"
#include "cbec/io/mapped_file.hpp"
#include "cbec/io/text_encoding.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {

// The byte just past the first line break outside quotes at or after `from` (text.size() if none).
size_t after_line(std::string_view text, size_t from) {
  const size_t e = text.find('\n', from);
  return e == std::string_view::npos ? text.size() : e + 1;
}

// Where process `r` of `P` starts in the body [begin, end): at a line start, after the line break
// at or after its proportional cut (so a cut landing on a line start stays there).
size_t share_start(std::string_view text, size_t begin, size_t end, size_t r, size_t P) {
  if (r == 0) return begin;
  if (r >= P) return end;
  const size_t cut = begin + (end - begin) / P * r + (end - begin) % P * r / P;
  return cut <= begin ? begin : std::min(end, after_line(text, cut - 1));
}

// Refuses a line break inside a quoted field in [from, to) (lines numbered from first_line): the
// cut between two shares could fall inside it. A share starting inside a quoted field is one whose
// predecessor ends inside it, and that predecessor refuses, so no share is parsed from a wrong start
// unless a lower process fails first.
void refuse_quoted_line_breaks(std::string_view text, size_t from, size_t to, size_t first_line, const std::string& source) {
  if (!std::memchr(text.data() + from, '"', to - from)) return;
  bool quoted = false;
  size_t line = first_line, opened = first_line;
  for (size_t p = from; p < to; ++p) {
    const char c = text[p];
    if (c == '"') {
      quoted = !quoted;
      if (quoted) opened = line;
    } else if (c == '\n') {
      if (quoted)
        throw DataError(fmt::format("{} line {}: a quoted field holds a line break; under mpirun each process reads its own lines "
                                    "of the file, cut at line breaks: remove the line breaks inside quotes, or run without mpirun",
                                    source, opened));
      ++line;
    }
  }
}

// The type a column has in this share: all missing (numeric), double, integer or text.
char share_type(const Column& c) {
  if (!c.is_numeric()) return 'S';
  if (c.count_missing() == c.size()) return 'M';
  return c.type == ColumnType::Integer ? 'I' : 'D';
}

// The processes' types per column (one byte each, rank order) -> every share's column retyped to
// the one all agree on, or a DataError naming the column.
void agree_types(Frame& frame, ReduceExchange& exchange, const std::string& source) {
  std::string mine;
  for (const auto& c : frame.columns()) mine.push_back(share_type(c));
  std::vector<size_t> lengths;
  const std::string all = exchange.all_gather(mine, lengths);
  const size_t k = mine.size();
  for (size_t j = 0; j < k; ++j) {
    bool text = false, number = false, whole = true;
    for (size_t r = 0; r < lengths.size(); ++r) {
      const char t = all[r * k + j];
      text |= t == 'S';
      number |= t == 'I' || t == 'D';
      whole &= t != 'D';
    }
    const Column& c = frame.columns()[j];
    if (text && number)
      throw DataError(fmt::format("{} column '{}': read as numbers in some processes' lines and as text in others' (under mpirun each "
                                  "process types the column from its own lines): make the column consistent, or run without mpirun",
                                  source, c.name));
    if (text && c.is_numeric()) {
      frame.set(Column::strings(c.name, std::vector<std::string>(c.size())));
    } else if (!text) {
      Column& m = frame.get_mutable(c.name);
      m.type = whole ? ColumnType::Integer : ColumnType::Double;
    }
  }
}

// The notes of every share, in rank order (a note made the same by several, once).
void gather_notes(Frame& frame, ReduceExchange& exchange) {
  std::string mine;
  for (const auto& n : frame.notes()) mine.append(n).push_back('\0');
  std::vector<size_t> lengths;
  const std::string all = exchange.all_gather(mine, lengths);
  std::vector<std::string> notes;
  std::set<std::string> seen;
  for (size_t at = 0; at < all.size();) {
    const size_t e = all.find('\0', at);
    std::string n = all.substr(at, e - at);
    if (seen.insert(n).second) notes.push_back(std::move(n));
    at = e + 1;
  }
  frame.set_notes(std::move(notes));
}

}  // namespace

Frame read_csv_share(const std::string& path, const CsvOptions& options, ReduceExchange& exchange) {
  const MappedFile file(path);
  std::string_view text = file.text();
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const size_t P = static_cast<size_t>(exchange.size()), me = static_cast<size_t>(exchange.rank());
  // The header: after any blank lines (as the whole-file reader), up to the first line break outside quotes.
  const auto [header_start, blank] = leading_blank_lines(text);
  size_t header_end = header_start;
  {
    bool quoted = false;
    for (; header_end < text.size(); ++header_end) {
      if (text[header_end] == '"') quoted = !quoted;
      else if (text[header_end] == '\n' && !quoted) break;
    }
    if (quoted) throw DataError(fmt::format("{} line {}: a quoted column name holds a line break: rename the column, or run without mpirun", path, blank + 1));
    header_end = std::min(text.size(), header_end + 1);
  }
  const size_t from = share_start(text, header_end, text.size(), me, P), to = share_start(text, header_end, text.size(), me + 1, P);
  const std::string_view bytes = text.substr(from, to - from);
  auto not_utf8 = [&](const std::string& encoding) {
    return DataError(fmt::format("{}: under mpirun the file is read in byte ranges and must be UTF-8 (this part reads as {}): convert it "
                                 "(iconv -f <encoding> -t utf-8), or run without mpirun", path, encoding));
  };
  if (!options.encoding.empty()) {
    const std::string e = lower_ascii(options.encoding);
    if (e != "utf-8" && e != "utf8") throw not_utf8(options.encoding);
  }
  for (std::string_view part : {text.substr(0, header_end), bytes}) {
    const DecodedText d = decode_text(part, path, "");
    if (d.converted) throw not_utf8(d.encoding);
  }
  // Lines before this share: the header's one and every earlier share's.
  double lines = static_cast<double>(std::count(bytes.begin(), bytes.end(), '\n'));
  std::vector<double> per(P, 0.0);
  per[me] = lines;
  exchange.sum(per.data(), P);
  size_t first_line = 2 + blank;
  for (size_t r = 0; r < me; ++r) first_line += static_cast<size_t>(per[r]);
  refuse_quoted_line_breaks(text, from, to, first_line, path);
  Frame frame = parse_csv_share(text, from, to, first_line, path, options, &file);
  agree_types(frame, exchange, path);
  gather_notes(frame, exchange);
  return frame;
}

}  // namespace cbec
