// A k-d tree over unit locations (Bentley 1975; Friedman, Bentley and Finkel 1977, via nanoflann)
// for nearest-neighbour and fixed-radius queries in O(log n) each instead of a scan of all units.
// Projected points are indexed in the plane. Longitude/latitude points are indexed as 3-D
// unit-sphere coordinates, where the chord length 2 sin(d / 2R) grows with the great-circle
// distance d, so a Euclidean search finds great-circle neighbours; candidates are then measured
// with point_distance (haversine, or the ellipsoid within a widened search), so results equal an
// exhaustive search exactly, ties included.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "cbec/estimate/spatial/distance_weights.hpp"

namespace cbec {

struct Neighbour {
  size_t j;
  double d;  // point_distance(p, i, j)
};

class PointIndex {
 public:
  explicit PointIndex(const Points& p);  // p must outlive the index
  ~PointIndex();
  PointIndex(const PointIndex&) = delete;
  PointIndex& operator=(const PointIndex&) = delete;

  // The k nearest other units of unit i in order of (distance, index): equal distances go to the
  // lower index, as in an exhaustive search. Fewer than k only when there are fewer other units.
  std::vector<Neighbour> nearest(size_t i, size_t k) const;
  // Every other unit within `radius` of unit i (inclusive), in index order.
  std::vector<Neighbour> within(size_t i, double radius) const;

 private:
  struct Tree;
  const Points& p_;
  std::vector<double> coords_;  // row-major, 2 (plane) or 3 (sphere) per unit
  std::unique_ptr<Tree> tree_;
  // Squared search radius in index coordinates that covers distance d, slightly widened so that
  // rounding never drops a unit the exact distance keeps.
  double search_radius_sq(double d) const;
  std::vector<Neighbour> candidates(size_t i, double radius_sq, double keep) const;
};

}  // namespace cbec
