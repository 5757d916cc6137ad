// The CSV reader's parse of UTF-8 text into a frame (csv_reader.cpp decodes other encodings first):
// the header, then the body in rounds of whole lines that the threads count and parse straight
// into the columns, then each column's type from its cells. Internal to the reader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cbec/frame/frame.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

class MappedFile;

// Lines [begin, end) of a text as the body, the first numbered first_line (parse_csv_share).
struct BodyLines {
  size_t begin, end, first_line;
};

// The blank lines (only spaces, tabs or a '\r') before a text's header, skipped as fread does:
// `lines` of them, the header starting at byte `end`.
struct LeadingBlankLines {
  size_t end = 0, lines = 0;
};
LeadingBlankLines leading_blank_lines(std::string_view text);

// Thrown by parse_csv_text when the text it was asked to check is not valid UTF-8: the caller decodes it.
struct NotUtf8 {};

// Parses `text` (a header line, then the body). file: the mapping `text` lies within, whose body
// is read by copies (MappedFile::copy; nullptr: text in memory). utf8: check that the text is valid UTF-8 in the pass that
// counts the records, and throw NotUtf8 (before any other error) when it is not. lines_only: only
// those lines are the body (nullptr: all after the header).
Frame parse_csv_text(std::string_view text, const std::string& source, const CsvOptions& options, const MappedFile* file,
                     bool utf8 = false, const BodyLines* lines_only = nullptr);

}  // namespace cbec
