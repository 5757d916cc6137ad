// The k-d tree behind knn and distance-band weights: neighbour sets equal an exhaustive search
// (planar and great-circle, ties and shared locations included), and 200,000 units take seconds.
#include "cbec/estimate/spatial/point_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <set>

#include "cbec/core/error.hpp"
#include "row_set.hpp"
#include "cbec/stats/replicate.hpp"

using namespace cbec;
using cbec::testing::row_set;

namespace {
Points random_points(size_t n, bool lonlat, uint64_t seed) {
  Rng rng = draw_stream(seed, 0);
  Points p;
  p.lonlat = lonlat;
  for (size_t i = 0; i < n; ++i) {
    p.ids.push_back(std::to_string(i));
    // lon/lat: a China-sized window crossing no pole; projected: a unit square.
    p.x.push_back(lonlat ? 73 + 62 * uniform01(rng) : uniform01(rng));
    p.y.push_back(lonlat ? 18 + 36 * uniform01(rng) : uniform01(rng));
  }
  return p;
}
std::vector<size_t> brute_nearest(const Points& p, size_t i, size_t k) {
  std::vector<size_t> idx;
  for (size_t j = 0; j < p.ids.size(); ++j)
    if (j != i) idx.push_back(j);
  std::partial_sort(idx.begin(), idx.begin() + static_cast<long>(k), idx.end(), [&](size_t a, size_t b) {
    const double da = point_distance(p, i, a), db = point_distance(p, i, b);
    return da != db ? da < db : a < b;
  });
  idx.resize(k);
  return idx;
}
std::vector<size_t> js(const std::vector<Neighbour>& v) {
  std::vector<size_t> out;
  for (const auto& nb : v) out.push_back(nb.j);
  return out;
}
}  // namespace

TEST(PointIndex, NearestAndWithinEqualExhaustiveSearch) {
  for (bool lonlat : {false, true}) {
    SCOPED_TRACE(lonlat ? "lon/lat" : "projected");
    const Points p = random_points(2000, lonlat, 7);
    const PointIndex index(p);
    const double radius = lonlat ? 150.0 : 0.03;
    for (size_t i = 0; i < p.ids.size(); ++i) {
      ASSERT_EQ(js(index.nearest(i, 6)), brute_nearest(p, i, 6)) << i;
      std::vector<size_t> want;
      for (size_t j = 0; j < p.ids.size(); ++j)
        if (j != i && point_distance(p, i, j) <= radius) want.push_back(j);
      ASSERT_EQ(js(index.within(i, radius)), want) << i;
    }
  }
}

TEST(PointIndex, TiesAndSharedLocationsFollowTheExhaustiveOrder) {
  Points p;
  p.lonlat = false;
  for (int a = 0; a < 20; ++a)
    for (int b = 0; b < 20; ++b) {  // a lattice: many equal distances
      p.ids.push_back(std::to_string(p.ids.size()));
      p.x.push_back(a);
      p.y.push_back(b);
    }
  for (int c = 0; c < 5; ++c) {  // five units on one lattice point
    p.ids.push_back(std::to_string(p.ids.size()));
    p.x.push_back(3);
    p.y.push_back(4);
  }
  const PointIndex index(p);
  for (size_t k : {1, 3, 5, 7, 12})
    for (size_t i = 0; i < p.ids.size(); ++i) ASSERT_EQ(js(index.nearest(i, k)), brute_nearest(p, i, k)) << i << " k " << k;
  SpatialWeights band = distance_band_weights(p, 1.0);
  EXPECT_EQ(row_set(band, 0), (std::set<long>{1, 20}));  // corner of the lattice: a rook neighbourhood
}

TEST(PointIndex, KnnOnTwoHundredThousandUnitsTakesSeconds) {
  const Points p = random_points(200000, true, 11);
  const auto start = std::chrono::steady_clock::now();
  SpatialWeights w = knn_weights(p, 6);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0);  // an exhaustive search would take hours
  EXPECT_EQ(w.W.nonZeros(), 6 * 200000);
  for (long i = 0; i < 200000; i += 20011) {
    const auto want = brute_nearest(p, static_cast<size_t>(i), 6);
    EXPECT_EQ(row_set(w, i), std::set<long>(want.begin(), want.end())) << i;
  }
  RecordProperty("seconds", std::to_string(seconds));
}

TEST(PointIndex, DenseConstructionsRefuseManyUnits) {
  const Points p = random_points(kMaxDenseUnits + 1, false, 3);
  EXPECT_THROW(inverse_distance_weights(p, 1), SpecError);
  SpatialWeights banded = inverse_distance_weights(p, 1, 0.01);
  EXPECT_GT(banded.W.nonZeros(), 0);
  EXPECT_THROW(economic_distance_weights(p.ids, p.x), SpecError);
}
