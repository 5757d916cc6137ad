#include "cbec/io/weights_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

namespace {
SpatialWeights from_triplets(std::vector<std::string> ids, const std::vector<Eigen::Triplet<double>>& t, std::string construction) {
  SpatialWeights w;
  w.ids = std::move(ids);
  w.W.resize(static_cast<long>(w.ids.size()), static_cast<long>(w.ids.size()));
  w.W.setFromTriplets(t.begin(), t.end());
  w.W.prune([](Eigen::Index, Eigen::Index, double v) { return v != 0; });  // a listed weight of 0 is no link
  w.construction = std::move(construction);
  return w;
}
// Unit ids in order of first appearance, for readers of pair lists.
struct IdIndex {
  std::vector<std::string> ids;
  std::unordered_map<std::string, int> pos;
  int operator()(const std::string& id) {
    auto [it, inserted] = pos.emplace(id, static_cast<int>(ids.size()));
    if (inserted) ids.push_back(id);
    return it->second;
  }
};

// The links a weights file lists, with the line of each: a pair listed twice would be summed
// (a "binary" weight of 2), so it is refused naming both lines.
struct ListedLinks {
  std::string path;
  std::vector<Eigen::Triplet<double>> triplets;
  std::unordered_map<uint64_t, size_t> line_of;  // (from << 32 | to) -> line
  void add(int from, int to, double weight, size_t line, const std::vector<std::string>& ids) {
    const uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(from)) << 32) | static_cast<uint32_t>(to);
    const auto [it, inserted] = line_of.emplace(key, line);
    if (!inserted)
      throw DataError(fmt::format("{} line {}: the link from '{}' to '{}' is listed again (first on line {}); list each neighbour once",
                                  path, line, ids[static_cast<size_t>(from)], ids[static_cast<size_t>(to)], it->second));
    triplets.emplace_back(from, to, weight);
  }
};

// The number of units a GAL or GWT header gives: "n" or GeoDa's "0 n [name idvar]"; none when the
// header has no such whole number.
std::optional<size_t> header_unit_count(const std::string& header) {
  std::istringstream hs(header);
  std::vector<std::string> fields;
  for (std::string f; hs >> f;) fields.push_back(f);
  if (fields.empty()) return std::nullopt;
  const std::string& count = fields.size() >= 2 ? fields[1] : fields[0];
  if (count.size() >= 10 || !std::all_of(count.begin(), count.end(), [](unsigned char c) { return std::isdigit(c); })) return std::nullopt;
  return std::stoul(count);
}
}  // namespace

SpatialWeights read_gal(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError(fmt::format("cannot open weights file '{}'", path));
  std::string header;
  std::getline(in, header);
  const std::optional<size_t> declared = header_unit_count(header);
  if (!declared) throw DataError(fmt::format("{} line 1: the GAL header must give the number of units ('n' or GeoDa's '0 n name id')", path));
  const size_t n = *declared;
  std::vector<std::string> ids;
  std::vector<std::vector<std::string>> nbrs;
  std::vector<size_t> nbr_lines;
  size_t line = 1;
  for (size_t k = 0; k < n; ++k) {
    std::string a, b;
    if (!std::getline(in, a)) throw DataError(fmt::format("{}: expected {} units, found {}", path, n, k));
    ++line;
    std::istringstream as(a);
    std::string id;
    size_t card = 0;
    if (!(as >> id >> card)) throw DataError(fmt::format("{} line {}: expected 'id number_of_neighbours'", path, line));
    std::getline(in, b);
    ++line;
    std::istringstream bs(b);
    std::vector<std::string> list;
    for (std::string tok; bs >> tok;) list.push_back(tok);
    if (list.size() != card) throw DataError(fmt::format("{} line {}: {} neighbours listed, {} announced", path, line, list.size(), card));
    ids.push_back(id);
    nbrs.push_back(list);
    nbr_lines.push_back(line);
  }
  std::unordered_map<std::string, int> pos;
  for (size_t i = 0; i < ids.size(); ++i) pos[ids[i]] = static_cast<int>(i);
  ListedLinks links{path, {}, {}};
  for (size_t i = 0; i < ids.size(); ++i)
    for (const auto& j : nbrs[i]) {
      auto it = pos.find(j);
      if (it == pos.end()) throw DataError(fmt::format("{}: neighbour '{}' of '{}' is not a unit of the file", path, j, ids[i]));
      links.add(static_cast<int>(i), it->second, 1.0, nbr_lines[i], ids);
    }
  return from_triplets(ids, links.triplets, "GAL file " + std::filesystem::path(path).filename().string());
}

SpatialWeights read_edge_list(const std::string& path) {
  Frame f = read_csv(path, plain_csv({"", "NA"}, {}));
  if (f.ncols() < 2 || f.ncols() > 3)
    throw DataError(fmt::format("{}: {} columns, but an edge list has from,to[,weight]; a dense matrix (a header of unit ids) is read "
                                "when named .matrix.csv or with --matrix", path, f.ncols()));
  if (f.ncols() == 3 && !f.columns()[2].is_numeric()) throw DataError(fmt::format("{}: the weight column '{}' is not numeric", path, f.columns()[2].name));
  const Column &a = f.columns()[0], &b = f.columns()[1];
  IdIndex index;
  ListedLinks links{path, {}, {}};
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (a.is_missing(i)) throw DataError(fmt::format("{} line {}: the 'from' unit id is missing", path, i + 2));
    const int from = index(a.text(i));  // in order: ids are numbered by first appearance
    if (b.is_missing(i)) continue;      // "id," declares a unit without neighbours (an island)
    const double wt = f.ncols() >= 3 ? f.columns()[2].values.at(i) : 1.0;
    if (!std::isfinite(wt)) throw DataError(fmt::format("{} line {}: the weight is missing or not a number", path, i + 2));
    const int to = index(b.text(i));
    links.add(from, to, wt, i + 2, index.ids);
  }
  return from_triplets(index.ids, links.triplets, "edge list " + std::filesystem::path(path).filename().string());
}

namespace {
bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && std::equal(tail.rbegin(), tail.rend(), s.rbegin(), [](char a, char b) { return std::tolower(a) == b; });
}
}  // namespace

SpatialWeights read_weights(const std::string& path, bool matrix) {
  if (ends_with(path, ".gal")) return read_gal(path);
  if (ends_with(path, ".gwt")) return read_gwt(path);
  if (matrix || ends_with(path, ".matrix.csv")) return read_weight_matrix(path);
  if (ends_with(path, ".csv")) return read_edge_list(path);
  throw DataError(fmt::format("'{}': unknown weights format; use .gal, .gwt, a .csv edge list (from,to[,weight]) or a .matrix.csv dense matrix", path));
}

std::vector<std::string> write_weights(const SpatialWeights& w, const std::string& path, bool matrix) {
  std::vector<std::string> warnings;
  if (ends_with(path, ".gal")) {
    write_gal(w, path);
  } else if (ends_with(path, ".gwt")) {
    const std::vector<std::string> islands = write_gwt(w, path);
    if (!islands.empty())
      warnings.push_back(fmt::format("{}: the GWT format has no line for a unit without neighbours, so {} unit(s) are not in the file: {}; "
                                     "save as .gal or .csv to keep them", path, islands.size(), fmt::join(islands, ", ")));
  } else if (matrix || ends_with(path, ".matrix.csv")) {
    write_weight_matrix(w, path);
  } else if (ends_with(path, ".csv")) {
    write_edge_list(w, path);
  } else {
    throw SpecError(fmt::format("'{}': save weights as .gal, .gwt, .csv (edge list) or .matrix.csv (dense matrix)", path));
  }
  return warnings;
}

namespace {
// GAL and GWT separate fields by white space, so an id holding any cannot be written (it would be
// read back as two fields): refused, naming the id and the formats that can hold it.
void refuse_spaced_ids(const SpatialWeights& w, const std::string& path) {
  for (const auto& id : w.ids)
    if (id.empty() || std::any_of(id.begin(), id.end(), [](unsigned char c) { return std::isspace(c); }))
      throw DataError(fmt::format("cannot save '{}': unit id '{}' {}, which the {} format cannot hold (it separates fields by spaces): "
                                  "save as a .csv edge list or .matrix.csv, or use ids without spaces (codes)",
                                  path, id, id.empty() ? "is empty" : "has a space", ends_with(path, ".gal") ? "GAL" : "GWT"));
}
}  // namespace

void write_gal(const SpatialWeights& w, const std::string& path) {
  refuse_spaced_ids(w, path);
  std::ofstream out(path);
  if (!out) throw DataError(fmt::format("cannot write '{}'", path));
  out << "0 " << w.n() << " cbec id\n";
  for (long i = 0; i < w.W.outerSize(); ++i) {
    std::vector<std::string> nb;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) nb.push_back(w.ids[static_cast<size_t>(it.col())]);
    out << w.ids[static_cast<size_t>(i)] << " " << nb.size() << "\n" << fmt::format("{}", fmt::join(nb, " ")) << "\n";
  }
}

void write_edge_list(const SpatialWeights& w, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw DataError(fmt::format("cannot write '{}'", path));
  out << "from,to,weight\n";
  for (long i = 0; i < w.W.outerSize(); ++i) {
    const std::string from = quote_csv(w.ids[static_cast<size_t>(i)]);  // ids with commas or quotes stay one field
    if (!w.has_neighbours(static_cast<size_t>(i))) out << from << ",,\n";
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it)
      out << from << "," << quote_csv(w.ids[static_cast<size_t>(it.col())]) << "," << fmt::format("{:.17g}", it.value()) << "\n";
  }
}

std::string unit_list(const std::vector<std::string>& ids, size_t shown) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < shown; ++i) out += (i ? ", " : "") + (ids[i].empty() ? std::string("(empty)") : ids[i]);
  if (ids.size() > shown) out += fmt::format(" and {} more", ids.size() - shown);
  return out;
}

SpatialWeights align_weights(const SpatialWeights& w, const std::vector<std::string>& ids, const std::string& source) {
  std::unordered_map<std::string, int> pos;
  for (size_t i = 0; i < w.ids.size(); ++i) pos[w.ids[i]] = static_cast<int>(i);
  std::vector<std::string> missing_w, missing_d;
  std::unordered_map<std::string, int> in_data;
  for (size_t i = 0; i < ids.size(); ++i) {
    in_data[ids[i]] = static_cast<int>(i);
    if (!pos.count(ids[i])) missing_w.push_back(ids[i]);
  }
  for (const auto& id : w.ids)
    if (!in_data.count(id)) missing_d.push_back(id);
  if (!missing_w.empty() || !missing_d.empty())
    throw DataError(fmt::format("{}: units in the data but not in the weights: [{}]; in the weights but not in the data: [{}]", source,
                                unit_list(missing_w), unit_list(missing_d)));
  std::vector<Eigen::Triplet<double>> t;
  for (long i = 0; i < w.W.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it)
      t.emplace_back(in_data[w.ids[static_cast<size_t>(i)]], in_data[w.ids[static_cast<size_t>(it.col())]], it.value());
  SpatialWeights out = from_triplets(ids, t, w.construction);
  out.transform = w.transform;
  if (!w.row_scale.empty()) {
    out.row_scale.resize(ids.size());
    for (size_t i = 0; i < w.ids.size(); ++i) out.row_scale[static_cast<size_t>(in_data[w.ids[i]])] = w.row_scale[i];
  }
  return out;
}

SpatialWeights row_standardize(const SpatialWeights& w) {
  SpatialWeights out = w;
  out.row_scale.resize(w.n());
  for (long i = 0; i < out.W.outerSize(); ++i) {
    double s = 0;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(out.W, i); it; ++it) s += it.value();
    out.row_scale[static_cast<size_t>(i)] = w.row_scale_of(static_cast<size_t>(i)) / (s > 0 ? s : 1.0);
    if (s > 0)
      for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(out.W, i); it; ++it) it.valueRef() /= s;
  }
  out.transform = "R";
  return out;
}

SpatialWeights variance_stabilize(const SpatialWeights& w) {
  SpatialWeights out = w;
  std::vector<double> norm(static_cast<size_t>(w.W.outerSize()), 0.0);
  for (long i = 0; i < w.W.outerSize(); ++i) {
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) norm[static_cast<size_t>(i)] += it.value() * it.value();
    norm[static_cast<size_t>(i)] = std::sqrt(norm[static_cast<size_t>(i)]);
  }
  // Each row is divided by its norm (rows then have unit sums of squares) and all weights are
  // scaled to sum to the number of units with neighbours (n less the islands: spdep's nb2listw,
  // style "S", its eff.n; Tiefelsdorf, Griffith and Boots 1999, eq. 7).
  double total = 0, linked = 0;
  for (long i = 0; i < out.W.outerSize(); ++i) {
    linked += norm[static_cast<size_t>(i)] > 0;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(out.W, i); it; ++it) {
      it.valueRef() /= norm[static_cast<size_t>(i)];
      total += it.value();
    }
  }
  out.W *= linked / total;
  out.row_scale.resize(w.n());
  for (size_t i = 0; i < w.n(); ++i)
    out.row_scale[i] = w.row_scale_of(i) * linked / total / (norm[i] > 0 ? norm[i] : 1.0);
  out.transform = "S";
  return out;
}

SpatialWeights read_gwt(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError(fmt::format("cannot open weights file '{}'", path));
  std::string header;
  std::getline(in, header);
  const size_t declared = header_unit_count(header).value_or(0);  // a GWT header may leave the count out
  IdIndex index;
  ListedLinks links{path, {}, {}};
  std::string line;
  size_t lineno = 1;
  while (std::getline(in, line)) {
    ++lineno;
    std::istringstream ls(line);
    std::string a, b;
    double wt = 0;
    if (!(ls >> a >> b >> wt)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      throw DataError(fmt::format("{} line {}: expected 'from to weight'", path, lineno));
    }
    const int from = index(a);
    const int to = index(b);
    links.add(from, to, wt, lineno, index.ids);
  }
  if (declared > index.ids.size())
    throw DataError(fmt::format("{}: the header counts {} units but the lines name {}: the GWT format has no line for a unit without neighbours; "
                                "read the weights from a .gal or .csv edge list that lists them", path, declared, index.ids.size()));
  return from_triplets(index.ids, links.triplets, "GWT file " + std::filesystem::path(path).filename().string());
}

std::vector<std::string> write_gwt(const SpatialWeights& w, const std::string& path) {
  refuse_spaced_ids(w, path);
  std::ofstream out(path);
  if (!out) throw DataError(fmt::format("cannot write '{}'", path));
  out << "0 " << w.n() << " cbec id\n";
  std::vector<std::string> islands;
  for (long i = 0; i < w.W.outerSize(); ++i) {
    if (!w.has_neighbours(static_cast<size_t>(i))) islands.push_back(w.ids[static_cast<size_t>(i)]);
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it)
      out << w.ids[static_cast<size_t>(i)] << " " << w.ids[static_cast<size_t>(it.col())] << " " << fmt::format("{:.17g}", it.value()) << "\n";
  }
  return islands;
}

}  // namespace cbec
