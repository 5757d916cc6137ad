#include "cbec/io/read_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/frame/rows_by_level.hpp"
#include "cbec/io/column_cache.hpp"
#include "cbec/io/csv_share.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/dta_reader.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {
std::string extension(const std::string& path) {
  return lower_ascii(std::filesystem::path(path).extension().string());
}
}  // namespace

Frame read_table(const std::string& path, const CsvOptions& csv) {
  const std::string ext = extension(path);
  if (ext == ".dta") return read_dta(path);
  if (ext == ".csv" || ext == ".txt" || ext == ".tsv") {
    CsvOptions o = csv;
    if (ext == ".tsv" && !o.delimiter) o.delimiter = '\t';
    return o.cache ? read_csv_cached(path, o) : read_csv(path, o);
  }
  throw DataError(fmt::format("'{}': unknown data format '{}'; use .csv, .tsv or .dta", path, ext));
}

std::optional<Frame> read_table_shares(const std::string& path, const CsvOptions& csv, const std::vector<std::string>& by,
                                       ReduceExchange& exchange, std::string& split_by) {
  const std::string ext = extension(path);
  if (csv.cache || by.empty() || (ext != ".csv" && ext != ".txt" && ext != ".tsv")) return std::nullopt;
  CsvOptions o = csv;
  if (ext == ".tsv" && !o.delimiter) o.delimiter = '\t';
  Frame share = read_csv_share(path, o, exchange);
  exchange.note_shared_read();
  split_by = variable_with_most_levels(share, by, exchange);
  return gather_levels(std::move(share), split_by, exchange);
}

std::optional<std::vector<std::string>> column_names(const std::string& path, const CsvOptions& csv) {
  const std::string ext = extension(path);
  if (ext != ".csv" && ext != ".txt" && ext != ".tsv") return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(1 << 16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  // The header and the line after it (UTF-16 newlines are two bytes: keep whole lines of text).
  size_t cut = head.find('\n');
  if (cut != std::string::npos) cut = head.find('\n', cut + 1);
  if (cut != std::string::npos) head.resize(cut + 1);
  CsvOptions o = csv;
  if (ext == ".tsv" && !o.delimiter) o.delimiter = '\t';
  try {
    std::vector<std::string> names;
    const Frame header = parse_csv(head, path, o);
    for (const auto& c : header.columns()) names.push_back(c.name);
    return names;
  } catch (const Error&) {
    return std::nullopt;   // reading the whole file will report the problem
  }
}

}  // namespace cbec
