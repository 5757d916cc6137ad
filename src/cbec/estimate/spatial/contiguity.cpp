#include "cbec/estimate/spatial/contiguity.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "cbec/core/error.hpp"
#include "cbec/frame/gdal_module.hpp"

namespace cbec {

Polygons dissolve(const Polygons& p, const std::vector<std::string>& group) {
  if (group.size() != p.ids.size()) throw SpecError("one group label per polygon is needed");
  Polygons out;
  std::unordered_map<std::string, size_t> index;
  std::vector<size_t> of(p.ids.size());
  for (size_t i = 0; i < p.ids.size(); ++i) {
    auto [it, inserted] = index.emplace(group[i], out.ids.size());
    if (inserted) out.ids.push_back(group[i]);
    of[i] = it->second;
  }
  throw_if_failed(gdal_module().dissolve(p, of, out.ids.size(), out.wkt));
  return out;
}

SpatialWeights contiguity_weights(const Polygons& p, bool queen, double snap) {
  const size_t n = p.ids.size();
  std::vector<std::pair<size_t, size_t>> links;
  const GdalStatus status = gdal_module().contiguity(p, queen, snap, links);
  throw_if_failed(status);
  std::vector<Eigen::Triplet<double>> t;
  for (const auto& [i, j] : links) {
    t.emplace_back(static_cast<int>(i), static_cast<int>(j), 1.0);
    t.emplace_back(static_cast<int>(j), static_cast<int>(i), 1.0);
  }
  SpatialWeights w;
  w.ids = p.ids;
  w.W.resize(static_cast<long>(n), static_cast<long>(n));
  w.W.setFromTriplets(t.begin(), t.end());
  w.construction = fmt::format("{} contiguity{}", queen ? "queen" : "rook", snap > 0 ? fmt::format(" (snap {:g})", snap) : "");
  if (!status.message.empty()) w.construction += " (" + status.message + ")";   // polygons repaired (gdal/contiguity.cpp)
  return w;
}

std::vector<std::string> apply_edits(SpatialWeights& w, const std::vector<LinkEdit>& edits) {
  std::unordered_map<std::string, int> pos;
  for (size_t i = 0; i < w.ids.size(); ++i) pos[w.ids[i]] = static_cast<int>(i);
  std::vector<std::string> report;
  for (const auto& e : edits) {
    if (!pos.count(e.a) || !pos.count(e.b)) throw DataError(fmt::format("{}: unit '{}' is not in the weights", e.where, pos.count(e.a) ? e.b : e.a));
    const int i = pos[e.a], j = pos[e.b];
    const bool had = w.W.coeff(i, j) != 0;
    w.W.coeffRef(i, j) = e.add ? 1 : 0;
    w.W.coeffRef(j, i) = e.add ? 1 : 0;
    w.W.prune(0.0);
    report.push_back(fmt::format("{} {}-{}: {}", e.add ? "add" : "remove", e.a, e.b, had == e.add ? "no change (already so)" : "done"));
  }
  return report;
}

}  // namespace cbec
