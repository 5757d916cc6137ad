// CSV in: RFC-4180 quoting; UTF-8, UTF-16 or GBK/GB18030 (detected or declared, see text_encoding.hpp);
// the delimiter detected from the header (',' ';' tab '|') unless declared; missing values as empty,
// NA, "." and the statistical yearbooks' markers ('—', '..', '-', ...). Each column is typed from its
// contents: numeric (double, or integer when every value is whole) unless most of its cells are text.
// A numeric column's cells that are not numbers become missing, and the frame's notes list them
// (file, line, column, text). Whole numbers beyond double precision (18-digit codes) keep their
// text. Errors name the file, line and column.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

class MappedFile;

struct CsvOptions {
  char delimiter = 0;                       // 0: detected from the header, noted when it is not ','
  std::vector<std::string> missing = {"", "NA", ".", "NaN", "nan", "N/A", "#N/A", "NULL",
                                      "-", "--", "\u2014", "\u2013", "\u2014\u2014", "..", "...", "\u2026"};
  std::vector<std::string> string_columns;  // columns kept as text even if they look numeric
  std::string encoding;                     // "": detected; else an iconv name (gbk, utf-16, ...)
  char thousands = 0;                       // e.g. ',': "1,234.5" is read as 1234.5
  bool percent = false;                     // "12.5%" is read as 0.125 (as Stata's destring, percent)
  bool cache = false;                       // read_table: through the column cache (column_cache.hpp)
  // Not empty: only these columns are parsed and kept (names not in the header are ignored; none in
  // it: all are kept); the others' cells are skipped, though every line's fields are still counted
  // and checked, and their names stay in the frame's suggestions (Frame::set_unread).
  std::vector<std::string> only_columns;
  // Bytes of text each thread counts, then parses, in one round of the reader (csv_text.cpp reads
  // the file in rounds); the frame read is the same for any value. A few megabytes, so that a round
  // copied from a file is still in cache when counted and parsed. Tests set it small to cross rounds.
  size_t round_bytes_per_thread = size_t{4} << 20;
};

// Options for files cbec ships or writes itself: ','-separated UTF-8, the given missing-value
// markers and columns kept as text.
CsvOptions plain_csv(std::vector<std::string> missing, std::vector<std::string> string_columns = {});

// A separator the user names (--delimiter, --thousands, the study's [data]): one character, or
// "tab", "space", "\\t"; a SpecError names `option` otherwise.
char parse_separator(const std::string& text, const std::string& option);

// What the user declares about a data file, as text (the command line's --delimiter, --encoding,
// --thousands, --percent, --cache; Python's arguments of the same names): empty means not declared.
struct CsvDeclaration {
  std::string delimiter, encoding, thousands;
  bool percent = false;
  bool cache = false;
};
// The reading options declared; errors name the option as `prefix` + its name ("--delimiter").
CsvOptions declared_csv(const CsvDeclaration& d, const std::string& prefix);

// The delimiter of a header line: ',' unless the line has none of them and has ';', tab or '|'.
char detect_delimiter(std::string_view header_line);

Frame read_csv(const std::string& path, const CsvOptions& options = {});
// Parses CSV text already in memory; `source` names it in error messages.
Frame parse_csv(std::string_view text, const std::string& source, const CsvOptions& options = {});

// Parses the header at the start of UTF-8 `text` (no byte-order mark) and, as the body, only the
// lines in bytes [begin, end), whose first is line `first_line` of the file: one process's share
// of a file read by several (csv_share.hpp). file: the mapping `text` lies within, read by copies
// (nullptr: text in memory).
Frame parse_csv_share(std::string_view text, size_t begin, size_t end, size_t first_line, const std::string& source,
                      const CsvOptions& options, const MappedFile* file);

void write_csv(const Frame& frame, const std::string& path);
// One CSV field as written: quoted (with "" for ") when it holds a comma, quote or line break.
std::string quote_csv(const std::string& s);

}  // namespace cbec
