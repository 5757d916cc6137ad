// A CSV file read by several cooperating processes, each parsing only its share of the bytes
// (issue 19, "chunked reading"; README "Replications on several processes or machines (MPI)").
//
// The body (the lines after the header) is cut at line breaks into one byte range per process,
// about equal in size; every process maps the file, reads the header from its start and parses the
// lines of its range, numbered as in the whole file (the processes exchange their line counts), so
// errors and notes name the right line. A line break inside a quoted field would make the cut
// ambiguous: the process whose range holds one refuses the read. Each process types its columns
// from its own lines; the processes then agree (a column all missing in one share takes the type
// the others found; integer only where every share is whole); a column read as numbers in one share
// and as text in another is refused. The notes of all shares are kept, in file order.
// Only UTF-8 (or ASCII) files are read in shares.
#pragma once
#include <string>

#include "cbec/frame/frame.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

class ReduceExchange;

// This process's share of the rows of `path` (collective: every process of `exchange` calls it).
Frame read_csv_share(const std::string& path, const CsvOptions& options, ReduceExchange& exchange);

}  // namespace cbec
