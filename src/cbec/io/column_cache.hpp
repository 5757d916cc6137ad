// A column cache for repeated studies on the same CSV: the parsed Frame (columns, types, text
// levels and the reading notes, bad cells included) written as one binary columnar file beside the
// CSV, "<file>.cbec-cache", and read back through a memory mapping instead of parsing.
//
// The cache is used only while it matches: its key holds the CSV's path as given (the notes name
// it, so another spelling of the path parses again and rewrites the cache), size,
// modification time (nanoseconds), a SHA-256 of its first and last 64 KiB (the header and the
// tail, where appends land) and every reading option (delimiter, markers, text columns,
// encoding, number formats). A file that changed is parsed again and its cache rewritten. The
// payload carries checksums (xxHash64) and every length is bounds-checked, so a
// damaged cache is parsed around, with a note, never trusted. Writes go to a temporary file
// renamed into place: readers see the old cache or the new one, never half of one.
#pragma once
#include <string>

#include "cbec/frame/frame.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

// Where the cache of a data file lives.
std::string column_cache_path(const std::string& csv_path);

// Reads the CSV through its cache: the cache when valid (the same Frame and notes as parsing),
// else the CSV parsed with read_csv and the cache (re)written. A cache that cannot be read or
// written is noted on the frame, never an error.
Frame read_csv_cached(const std::string& path, const CsvOptions& options);

}  // namespace cbec
