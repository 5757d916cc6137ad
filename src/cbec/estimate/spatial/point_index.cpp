#include "cbec/estimate/spatial/point_index.hpp"

#include <nanoflann.hpp>

#include <algorithm>
#include <cmath>

namespace cbec {

namespace {
constexpr double kRadius = 6371.0088, kRad = 3.14159265358979323846 / 180.0, kPi = 3.14159265358979323846;

// nanoflann's dataset interface over row-major coordinates.
struct Cloud {
  const std::vector<double>* coords;
  size_t dim;
  size_t kdtree_get_point_count() const { return coords->size() / dim; }
  double kdtree_get_pt(size_t i, size_t d) const { return (*coords)[i * dim + d]; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const { return false; }
};
using KdTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, -1, size_t>;
}  // namespace

struct PointIndex::Tree {
  Cloud cloud;
  KdTree tree;
  Tree(const std::vector<double>& c, size_t dim)
      : cloud{&c, dim}, tree(dim, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {}
};

PointIndex::PointIndex(const Points& p) : p_(p) {
  const size_t n = p.ids.size(), dim = p.lonlat ? 3 : 2;
  coords_.reserve(n * dim);
  for (size_t i = 0; i < n; ++i) {
    if (p.lonlat) {
      const double phi = p.y[i] * kRad, lambda = p.x[i] * kRad;
      coords_.insert(coords_.end(), {std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)});
    } else {
      coords_.insert(coords_.end(), {p.x[i], p.y[i]});
    }
  }
  tree_ = std::make_unique<Tree>(coords_, dim);
}

PointIndex::~PointIndex() = default;

double PointIndex::search_radius_sq(double d) const {
  double r = d;
  // An ellipsoid distance is within 0.6% of the sphere's (the meridian's radius of curvature
  // spans 6335-6400 km); the sphere is searched 2% wider, then candidates measured exactly.
  if (p_.lonlat && p_.ellipsoid) d /= 0.98;
  if (p_.lonlat) r = d / kRadius >= kPi ? 2.0 : 2 * std::sin(d / (2 * kRadius));  // chord on the unit sphere
  return r * r * (1 + 1e-9) + 1e-18;
}

std::vector<Neighbour> PointIndex::candidates(size_t i, double radius_sq, double keep) const {
  std::vector<std::pair<size_t, double>> found;
  tree_->tree.radiusSearch(&coords_[i * tree_->cloud.dim], radius_sq, found, nanoflann::SearchParams(32, 0, false));
  std::vector<Neighbour> out;
  out.reserve(found.size());
  for (const auto& f : found) {
    if (f.first == i) continue;
    const double d = point_distance(p_, i, f.first);
    if (d <= keep) out.push_back({f.first, d});
  }
  return out;
}

std::vector<Neighbour> PointIndex::nearest(size_t i, size_t k) const {
  const size_t n = coords_.size() / tree_->cloud.dim;
  k = std::min(k, n - 1);
  if (k == 0) return {};
  // The k + 1 nearest points (unit i or units at its location among them) bound the distance of
  // the k-th nearest other unit; every unit within that bound is then ranked exactly, ties included.
  std::vector<size_t> idx(k + 1);
  std::vector<double> dsq(k + 1);
  const size_t got = tree_->tree.knnSearch(&coords_[i * tree_->cloud.dim], k + 1, idx.data(), dsq.data());
  double bound = 0;
  for (size_t a = 0; a < got; ++a)
    if (idx[a] != i) bound = std::max(bound, point_distance(p_, i, idx[a]));
  std::vector<Neighbour> out = candidates(i, search_radius_sq(bound), bound);
  std::sort(out.begin(), out.end(), [](const Neighbour& a, const Neighbour& b) { return a.d != b.d ? a.d < b.d : a.j < b.j; });
  out.resize(std::min(k, out.size()));
  return out;
}

std::vector<Neighbour> PointIndex::within(size_t i, double radius) const {
  std::vector<Neighbour> out = candidates(i, search_radius_sq(radius), radius);
  std::sort(out.begin(), out.end(), [](const Neighbour& a, const Neighbour& b) { return a.j < b.j; });
  return out;
}

}  // namespace cbec
