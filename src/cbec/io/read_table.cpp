#include "cbec/io/read_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/dta_reader.hpp"

namespace cbec {

Frame read_table(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".dta") return read_dta(path);
  if (ext == ".csv" || ext == ".txt") return read_csv(path);
  if (ext == ".tsv") {
    CsvOptions o;
    o.delimiter = '\t';
    return read_csv(path, o);
  }
  throw DataError(fmt::format("'{}': unknown data format '{}'; use .csv, .tsv or .dta", path, ext));
}

}  // namespace cbec
