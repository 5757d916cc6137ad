// Dense weight matrices in CSV: a header row of unit ids, then one row per unit with one cell per
// unit (w_ij = weight of column unit j in row unit i; 0 = no link; the matrix need not be
// symmetric). Rows may start with their unit's id (with or without a corner cell above the id
// column, as R's write.csv and spreadsheets write); without an id column, row i is the i-th id of
// the header. The layout is told from the counts: h header cells, m rows of r cells.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"

namespace cbec {

namespace {
// One CSV record: fields split on commas, RFC-4180 quotes ("" inside quotes), spaces trimmed.
std::vector<std::string> split_record(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t k = 0; k < line.size(); ++k) {
    const char ch = line[k];
    if (quoted) {
      if (ch == '"' && k + 1 < line.size() && line[k + 1] == '"') out.back() += line[++k];
      else if (ch == '"') quoted = false;
      else out.back() += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      out.emplace_back();
    } else if (ch != '\r') {
      out.back() += ch;
    }
  }
  for (auto& f : out) {
    const size_t a = f.find_first_not_of(" \t"), b = f.find_last_not_of(" \t");
    f = a == std::string::npos ? "" : f.substr(a, b - a + 1);
  }
  return out;
}

bool blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }
}  // namespace

SpatialWeights read_weight_matrix(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("cannot open weights file '{}'", path));
  std::string line;
  if (!std::getline(in, line)) throw DataError(fmt::format("{}: empty file; a weight matrix starts with a header row of unit ids", path));
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte-order mark
  const std::vector<std::string> header = split_record(line);
  // First pass: the number of rows and the cells of the first one.
  size_t m = 0, r = 0;
  while (std::getline(in, line))
    if (!blank(line) && m++ == 0) r = split_record(line).size();
  const size_t h = header.size();
  const bool id_column = r == m + 1 && (h == m || h == m + 1);
  const auto not_square = [&] {
    return DataError(fmt::format("{}: not a square weight matrix: {} rows of {} cells under a header of {} cells (n units need n rows of n "
                                 "cells, or n + 1 with an id column)", path, m, r, h));
  };
  if (!(r == m && h == m) && !id_column) throw not_square();
  std::vector<std::string> ids(header.begin() + static_cast<long>(h - m), header.end());
  std::unordered_map<std::string, int> pos;
  for (size_t j = 0; j < ids.size(); ++j)
    if (!pos.emplace(ids[j], static_cast<int>(j)).second) throw DataError(fmt::format("{} line 1: unit id '{}' appears twice in the header", path, ids[j]));
  // Second pass: the cells.
  in.clear();
  in.seekg(0);
  std::getline(in, line);
  std::vector<Eigen::Triplet<double>> t;
  std::vector<std::string> rows_only;
  std::unordered_set<int> seen;
  size_t lineno = 1, row = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (blank(line)) continue;
    const std::vector<std::string> cells = split_record(line);
    if (cells.size() != r) throw DataError(fmt::format("{} line {}: {} cells, expected {} like the first row (a square matrix)", path, lineno, cells.size(), r));
    int i = static_cast<int>(row++);
    if (id_column) {
      auto it = pos.find(cells[0]);
      if (it == pos.end()) {
        rows_only.push_back(cells[0]);
        continue;
      }
      i = it->second;
      if (!seen.insert(i).second) throw DataError(fmt::format("{} line {}: unit '{}' has a second row", path, lineno, cells[0]));
    }
    for (size_t c = id_column ? 1 : 0; c < cells.size(); ++c) {
      const std::string& s = cells[c];
      double v = 0;
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        throw DataError(fmt::format("{} line {} column {}: '{}' is not a number (weights are numbers; 0 = no link)", path, lineno, c + 1, s));
      if (v != 0) t.emplace_back(i, static_cast<int>(c - (id_column ? 1 : 0)), v);
    }
  }
  if (!rows_only.empty() && rows_only.size() == m) throw not_square();  // no row id in the header: no id column
  if (!rows_only.empty()) {
    std::vector<std::string> columns_only;
    for (size_t j = 0; j < ids.size(); ++j)
      if (!seen.count(static_cast<int>(j))) columns_only.push_back(ids[j]);
    throw DataError(fmt::format("{}: row ids and column ids differ: in the rows only: [{}]; in the header only: [{}]", path,
                                fmt::join(rows_only, ", "), fmt::join(columns_only, ", ")));
  }
  SpatialWeights w;
  w.ids = std::move(ids);
  w.W.resize(static_cast<long>(m), static_cast<long>(m));
  w.W.setFromTriplets(t.begin(), t.end());
  w.construction = "weight matrix " + std::filesystem::path(path).filename().string();
  return w;
}

void write_weight_matrix(const SpatialWeights& w, const std::string& path) {
  check_dense_size(w.n(), "weight matrix files", "save an edge list (.csv) or GWT file instead");
  std::ofstream out(path);
  if (!out) throw DataError(fmt::format("cannot write '{}'", path));
  out << "id";
  for (const auto& id : w.ids) out << ',' << quote_csv(id);
  out << '\n';
  std::vector<double> row(w.n());
  for (long i = 0; i < w.W.outerSize(); ++i) {
    std::fill(row.begin(), row.end(), 0.0);
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) row[static_cast<size_t>(it.col())] = it.value();
    out << quote_csv(w.ids[static_cast<size_t>(i)]);
    for (double v : row) out << ',' << (v == 0 ? std::string("0") : fmt::format("{:.17g}", v));
    out << '\n';
  }
}

}  // namespace cbec
