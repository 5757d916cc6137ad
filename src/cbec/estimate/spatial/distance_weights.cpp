#include "cbec/estimate/spatial/distance_weights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation_common.hpp"
#include "cbec/estimate/spatial/point_index.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {
constexpr double kRad = 3.14159265358979323846 / 180.0;

// Great-circle distance on a sphere of radius 6371.0088 km: the haversine formula (Sinnott 1984,
// "Virtues of the haversine", Sky and Telescope 68(2), p. 159).
double sphere_km(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kRadius = 6371.0088;
  const double phi1 = lat1 * kRad, phi2 = lat2 * kRad;
  const double dphi = phi2 - phi1, dlambda = (lon2 - lon1) * kRad;
  const double a = std::sin(dphi / 2) * std::sin(dphi / 2) + std::cos(phi1) * std::cos(phi2) * std::sin(dlambda / 2) * std::sin(dlambda / 2);
  return 2 * kRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

// Distance on the WGS-84 ellipsoid (a = 6378.137 km, f = 1/298.257223563) by Andoyer's first-order
// formula as Lambert (1942) states it (Meeus 1998, "Astronomical Algorithms", 2nd ed., ch. 11, p. 85):
// with F, G, L the half sum and half difference of the latitudes and half the longitude difference,
// S = sin^2 G cos^2 L + cos^2 F sin^2 L, C = cos^2 G cos^2 L + sin^2 F sin^2 L, tan w = sqrt(S / C),
// R = sqrt(S C) / w, D = 2 w a, H1 = (3R - 1) / 2C, H2 = (3R + 1) / 2S,
// s = D (1 + f H1 sin^2 F cos^2 G - f H2 cos^2 F sin^2 G). spdep's gcdist (longlat = TRUE) computes
// the same; accurate to about 50 m. Coincident points are 0; at the antipodes, where H1 or H2 has
// no limit, the sphere's distance stands in.
double ellipsoid_km(double lon1, double lat1, double lon2, double lat2) {
  constexpr double a = 6378.137, f = 1.0 / 298.257223563;
  const double F = (lat1 + lat2) / 2 * kRad, G = (lat1 - lat2) / 2 * kRad, L = (lon1 - lon2) / 2 * kRad;
  const double sinG2 = std::sin(G) * std::sin(G), cosG2 = std::cos(G) * std::cos(G);
  const double sinF2 = std::sin(F) * std::sin(F), cosF2 = std::cos(F) * std::cos(F);
  const double sinL2 = std::sin(L) * std::sin(L), cosL2 = std::cos(L) * std::cos(L);
  const double S = sinG2 * cosL2 + cosF2 * sinL2, C = cosG2 * cosL2 + sinF2 * sinL2;
  if (S == 0) return 0;
  if (C == 0) return sphere_km(lon1, lat1, lon2, lat2);
  const double w = std::atan(std::sqrt(S / C)), R = std::sqrt(S * C) / w;
  const double D = 2 * w * a, H1 = (3 * R - 1) / (2 * C), H2 = (3 * R + 1) / (2 * S);
  return D * (1 + f * H1 * sinF2 * cosG2 - f * H2 * cosF2 * sinG2);
}
}  // namespace

double point_distance(const Points& p, size_t i, size_t j) {
  if (!p.lonlat) return std::hypot(p.x[i] - p.x[j], p.y[i] - p.y[j]);
  return p.ellipsoid ? ellipsoid_km(p.x[i], p.y[i], p.x[j], p.y[j]) : sphere_km(p.x[i], p.y[i], p.x[j], p.y[j]);
}

namespace {
// The unit of a distance in the weights' construction text.
std::string distance_unit(const Points& p) {
  if (!p.lonlat) return "";
  return p.ellipsoid ? " km (WGS-84 ellipsoid)" : " km";
}

void check(const Points& p) {
  if (p.x.size() != p.ids.size() || p.y.size() != p.ids.size()) throw DataError("one coordinate pair per unit is needed");
  for (size_t i = 0; i < p.ids.size(); ++i) {
    if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i])) throw DataError(fmt::format("unit '{}' has missing coordinates", p.ids[i]));
    if (p.lonlat && (std::fabs(p.y[i]) > 90 || std::fabs(p.x[i]) > 180))
      throw DataError(fmt::format("unit '{}': ({}, {}) is not a longitude/latitude pair; use projected coordinates instead", p.ids[i], p.x[i], p.y[i]));
  }
}
SpatialWeights build(const Points& p, std::vector<Eigen::Triplet<double>> t, std::string construction) {
  SpatialWeights w;
  w.ids = p.ids;
  w.W.resize(static_cast<long>(p.ids.size()), static_cast<long>(p.ids.size()));
  w.W.setFromTriplets(t.begin(), t.end());
  w.construction = std::move(construction);
  return w;
}

// Neighbour lists of every unit, queried from a k-d tree in parallel blocks (queries are
// read-only, so the result does not depend on the thread count).
template <class Query>
std::vector<Eigen::Triplet<double>> from_index(const Points& p, Query&& query) {
  const size_t n = p.ids.size();
  const PointIndex index(p);
  std::vector<std::vector<Neighbour>> rows(n);
  replicate_blocks(n, 1024, [&](size_t first, size_t count) {
    for (size_t i = first; i < first + count; ++i) rows[i] = query(index, i);
  });
  std::vector<Eigen::Triplet<double>> t;
  for (size_t i = 0; i < n; ++i)
    for (const auto& nb : rows[i]) t.emplace_back(static_cast<int>(i), static_cast<int>(nb.j), nb.d);
  return t;
}
}  // namespace

SpatialWeights knn_weights(const Points& p, int k) {
  check(p);
  const size_t n = p.ids.size();
  if (k < 1 || static_cast<size_t>(k) >= n) throw SpecError(fmt::format("k must be between 1 and {}", n - 1));
  auto t = from_index(p, [&](const PointIndex& index, size_t i) { return index.nearest(i, static_cast<size_t>(k)); });
  for (auto& e : t) e = {e.row(), e.col(), 1.0};
  return build(p, std::move(t), fmt::format("{} nearest neighbours{}", k, p.lonlat && p.ellipsoid ? " (WGS-84 ellipsoid)" : ""));
}

SpatialWeights distance_band_weights(const Points& p, double threshold) {
  check(p);
  if (!(threshold > 0)) throw SpecError("the distance band must be positive");
  auto t = from_index(p, [&](const PointIndex& index, size_t i) { return index.within(i, threshold); });
  for (auto& e : t) e = {e.row(), e.col(), 1.0};
  return build(p, std::move(t), fmt::format("distance band {:g}{}", threshold, distance_unit(p)));
}

SpatialWeights inverse_distance_weights(const Points& p, double power, double threshold) {
  check(p);
  if (!(power > 0)) throw SpecError("the inverse-distance power must be positive (1 and 2 are common)");
  if (threshold <= 0) check_dense_size(p.ids.size(), "inverse-distance weights without a cut-off", "give a distance band (--threshold)");
  std::vector<Eigen::Triplet<double>> t;
  if (threshold > 0) {
    t = from_index(p, [&](const PointIndex& index, size_t i) { return index.within(i, threshold); });
  } else {
    for (size_t i = 0; i < p.ids.size(); ++i)
      for (size_t j = 0; j < p.ids.size(); ++j)
        if (i != j) t.emplace_back(static_cast<int>(i), static_cast<int>(j), point_distance(p, i, j));
  }
  for (auto& e : t) {
    const double d = e.value();
    if (d <= 0) throw DataError(fmt::format("units '{}' and '{}' share a location: inverse distance is undefined", p.ids[static_cast<size_t>(e.row())], p.ids[static_cast<size_t>(e.col())]));
    e = {e.row(), e.col(), std::pow(d, -power)};
  }
  return build(p, std::move(t), fmt::format("inverse distance^{:g}{}", power, threshold > 0 ? fmt::format(" within {:g}{}", threshold, distance_unit(p)) : p.ellipsoid && p.lonlat ? " (WGS-84 ellipsoid)" : ""));
}

SpatialWeights economic_distance_weights(const std::vector<std::string>& ids, const std::vector<double>& x) {
  if (ids.size() != x.size()) throw SpecError("one value per unit is needed");
  check_dense_size(ids.size(), "economic-distance weights", "use distance-based weights (knn or a band) for this many units");
  double largest = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i])) throw DataError(fmt::format("unit '{}' has no value for the economic distance", ids[i]));
    for (size_t j = 0; j < x.size(); ++j)
      if (i != j && x[i] != x[j]) largest = std::max(largest, 1 / std::fabs(x[i] - x[j]));
  }
  std::vector<Eigen::Triplet<double>> t;
  size_t ties = 0;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = 0; j < x.size(); ++j) {
      if (i == j) continue;
      const double d = std::fabs(x[i] - x[j]);
      ties += d == 0;
      t.emplace_back(static_cast<int>(i), static_cast<int>(j), d > 0 ? 1 / d : largest);
    }
  Points p;
  p.ids = ids;
  SpatialWeights w = build(p, std::move(t), "economic distance 1/|x_i - x_j|");
  if (ties) w.construction += fmt::format(" ({} tied pairs given the largest finite weight)", ties / 2);
  return w;
}

std::vector<std::string> link_islands(SpatialWeights& w, const Points& p, double power) {
  check(p);
  w.W.makeCompressed();
  if (p.ids != w.ids) throw SpecError("the points must be the weights' units, in the same order");
  std::vector<long> islands;
  for (long i = 0; i < w.W.outerSize(); ++i)
    if (!w.has_neighbours(static_cast<size_t>(i))) islands.push_back(i);
  std::vector<std::string> linked;
  if (islands.empty() || p.ids.size() < 2) return linked;
  // The matrix is rebuilt once from its links plus the new ones (O(links), however many islands);
  // a new link replaces an existing weight of the same pair.
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<size_t>(w.W.nonZeros()) + 2 * islands.size());
  for (long i = 0; i < w.W.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) t.emplace_back(static_cast<int>(i), static_cast<int>(it.col()), it.value());
  const PointIndex index(p);
  for (long i : islands) {
    const Neighbour nearest = index.nearest(static_cast<size_t>(i), 1).front();
    const size_t best = nearest.j;
    const double weight = power > 0 ? std::pow(nearest.d, -power) : 1.0;
    t.emplace_back(static_cast<int>(i), static_cast<int>(best), weight);
    t.emplace_back(static_cast<int>(best), static_cast<int>(i), weight);
    linked.push_back(fmt::format("{} -> {}", p.ids[static_cast<size_t>(i)], p.ids[best]));
  }
  w.W.setFromTriplets(t.begin(), t.end(), [](double, double later) { return later; });
  return linked;
}

WeightsSummary summarize_weights(const SpatialWeights& w) {
  WeightsSummary s;
  s.n = w.n();
  s.links = static_cast<size_t>(w.W.nonZeros());
  s.min_neighbours = static_cast<double>(s.n);
  for (long i = 0; i < w.W.outerSize(); ++i) {
    const double k = static_cast<double>(w.W.outerIndexPtr()[i + 1] - w.W.outerIndexPtr()[i]);
    s.min_neighbours = std::min(s.min_neighbours, k);
    s.max_neighbours = std::max(s.max_neighbours, k);
    if (k == 0) {
      ++s.islands;
      s.island_ids.push_back(w.ids[static_cast<size_t>(i)]);
    }
  }
  s.mean_neighbours = s.n ? static_cast<double>(s.links) / static_cast<double>(s.n) : 0;
  s.percent_nonzero = s.n ? 100.0 * static_cast<double>(s.links) / (static_cast<double>(s.n) * static_cast<double>(s.n)) : 0;
  Eigen::SparseMatrix<double, Eigen::RowMajor> d = w.W - Eigen::SparseMatrix<double, Eigen::RowMajor>(w.W.transpose());
  s.symmetric = d.norm() <= 1e-12 * std::max(1.0, w.W.norm());
  const detail::WeightSums sums = detail::weight_sums(w);
  s.S0 = sums.S0, s.S1 = sums.S1, s.S2 = sums.S2;
  Eigen::SparseMatrix<double, Eigen::RowMajor> links = w.W;
  for (long k = 0; k < links.nonZeros(); ++k) links.valuePtr()[k] = 1.0;
  s.symmetric_links = Eigen::SparseMatrix<double, Eigen::RowMajor>(links - Eigen::SparseMatrix<double, Eigen::RowMajor>(links.transpose())).norm() == 0;
  return s;
}

}  // namespace cbec
