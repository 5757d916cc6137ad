// Reads a data file by its extension: .csv/.txt/.tsv (CSV) or .dta (Stata). The CSV options
// (delimiter, encoding, number formats) are the user's; .tsv declares the tab delimiter. With
// `csv.cache` a CSV is read through its column cache (column_cache.hpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

Frame read_table(const std::string& path, const CsvOptions& csv = {});

class ReduceExchange;

// Under several processes (collective): this process's share of a CSV/TSV file's rows, read from
// its part of the file (csv_share.hpp) and regrouped so that it holds every row of some levels of
// one of `by`, the one with the most levels, returned in `split_by` (frame/rows_by_level.hpp).
// nullopt, nothing read, for other formats, a column cache or no `by`: read the whole table.
std::optional<Frame> read_table_shares(const std::string& path, const CsvOptions& csv, const std::vector<std::string>& by,
                                       ReduceExchange& exchange, std::string& split_by);

// The column names of a CSV/TSV file from its header alone (a study checks the columns its steps
// name before reading the data); nullopt for other formats or a file that cannot be read.
std::optional<std::vector<std::string>> column_names(const std::string& path, const CsvOptions& csv = {});

}  // namespace cbec
