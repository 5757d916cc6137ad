#include "cbec/estimate/spatial/distance_weights.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/io/weights_io.hpp"
#include "row_set.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;
using cbec::testing::row_set;

namespace {
Points zhejiang() {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/zhejiang_cities.csv");
  Points p;
  for (size_t i = 0; i < f.nrows(); ++i) p.ids.push_back(f.get("name_en").text(i));
  p.x = f.numeric("lon");
  p.y = f.numeric("lat");
  return p;
}
}  // namespace

TEST(DistanceWeights, MatchSpdepNeighboursAndHaversine) {
  auto ref = reference_fixture("spatial_distance_weights.json");
  Points p = zhejiang();
  SpatialWeights knn = knn_weights(p, 3), band = distance_band_weights(p, 150), idw = inverse_distance_weights(p, 2);
  for (long i = 0; i < 11; ++i) {
    std::set<long> want(ref["knn3"][i].begin(), ref["knn3"][i].end());
    EXPECT_EQ(row_set(knn, i), want) << i;
    std::set<long> wantb;
    for (const auto& v : ref["band150"][i]) wantb.insert(v.get<long>());
    EXPECT_EQ(row_set(band, i), wantb) << i;
    for (long j = 0; j < 11; ++j) {
      const double d = ref["distance"][i][j].get<double>();
      EXPECT_NEAR(point_distance(p, static_cast<size_t>(i), static_cast<size_t>(j)), d, 1e-9 * std::max(1.0, d));
      if (i != j) EXPECT_NEAR(idw.W.coeff(i, j), 1 / (d * d), 1e-12 / (d * d));
    }
  }
  WeightsSummary s = summarize_weights(knn);
  EXPECT_EQ(s.links, 33u);
  EXPECT_EQ(s.mean_neighbours, 3.0);
  EXPECT_FALSE(s.symmetric_links);  // k nearest neighbours are not mutual in general
  EXPECT_TRUE(summarize_weights(idw).symmetric);
  // A small band leaves Zhoushan's seat (offshore) without neighbours: an island, reported.
  WeightsSummary tight = summarize_weights(distance_band_weights(p, 60));
  EXPECT_GT(tight.islands, 0u);
  EXPECT_THROW(knn_weights(p, 11), SpecError);
  p.y[0] = 200;
  EXPECT_THROW(knn_weights(p, 3), DataError);
}

// The WGS-84 ellipsoid (spdep's longlat = TRUE) on the 31 provincial capitals: every distance as
// spdep's nbdists, the 4 nearest neighbours, a band whose edge lies between one pair's sphere and
// ellipsoid distances (the sphere's set differs there), and Moran's I under row-standardized
// inverse distance as moran.test (tests/reference/spatial/distance_ellipsoid.R).
TEST(DistanceWeights, EllipsoidMatchesSpdepLonglat) {
  const auto ref = reference_fixture("spatial_distance_ellipsoid.json");
  auto scalar = [&](const char* key) { return ref[key][0].get<double>(); };  // R writes length-1 vectors as arrays
  const Frame f = read_csv(std::string(CBEC_SOURCE_DIR) + "/data/china_provinces.csv");
  Points p;
  for (size_t i = 0; i < f.nrows(); ++i) p.ids.push_back(f.get("name_en").text(i));
  p.x = f.numeric("capital_lon");
  p.y = f.numeric("capital_lat");
  p.ellipsoid = true;
  const long n = static_cast<long>(p.ids.size());
  ASSERT_EQ(n, 31);
  const SpatialWeights knn = knn_weights(p, 4), band = distance_band_weights(p, scalar("band"));
  for (long i = 0; i < n; ++i) {
    for (long j = 0; j < n; ++j) {
      const double d = ref["distance"][i][j].get<double>();
      EXPECT_NEAR(point_distance(p, static_cast<size_t>(i), static_cast<size_t>(j)), d, 1e-9 * std::max(1.0, d)) << i << ", " << j;
    }
    EXPECT_EQ(row_set(knn, i), std::set<long>(ref["knn4"][i].begin(), ref["knn4"][i].end())) << i;
    std::set<long> want;
    for (const auto& v : ref["band_neighbours"][i]) want.insert(v.get<long>());
    EXPECT_EQ(row_set(band, i), want) << i;
  }
  // The pair at the band's edge: linked by one metric only.
  const long a = ref["band_pair"][0].get<long>(), b = ref["band_pair"][1].get<long>();
  Points sphere = p;
  sphere.ellipsoid = false;
  EXPECT_NE(row_set(distance_band_weights(sphere, scalar("band")), a).count(b), row_set(band, a).count(b));
  const MoranResult m = moran(ref["x"].get<std::vector<double>>(), row_standardize(inverse_distance_weights(p, 1)));
  EXPECT_NEAR(m.I, scalar("moran_i"), 1e-10);
  EXPECT_NEAR(m.EI, scalar("moran_expectation"), 1e-12);
  EXPECT_NEAR(m.VI_rand, scalar("moran_variance"), 1e-12);
  EXPECT_NEAR(m.z_rand, scalar("moran_z"), 1e-8);
  EXPECT_NEAR(m.p_rand, scalar("moran_p"), 1e-6 * scalar("moran_p"));
  EXPECT_NE(knn.construction.find("WGS-84 ellipsoid"), std::string::npos);
}

// The default, the great circle on a sphere, as libpysal's arc distance on the same 31 capitals:
// the 4 nearest neighbours and Moran's I under row-standardized inverse distance
// (tests/reference/spatial/distance_pysal.py; the radius cancels in row-standardized weights).
TEST(DistanceWeights, SphereMatchesLibpysalArcDistance) {
  const auto ref = reference_fixture("spatial_distance_pysal.json");
  const Frame f = read_csv(std::string(CBEC_SOURCE_DIR) + "/data/china_provinces.csv");
  Points p;
  for (size_t i = 0; i < f.nrows(); ++i) p.ids.push_back(f.get("name_en").text(i));
  p.x = f.numeric("capital_lon");
  p.y = f.numeric("capital_lat");
  const SpatialWeights knn = knn_weights(p, 4);
  for (long i = 0; i < static_cast<long>(p.ids.size()); ++i)
    EXPECT_EQ(row_set(knn, i), std::set<long>(ref["knn4"][i].begin(), ref["knn4"][i].end())) << i;
  const MoranResult m = moran(ref["x"].get<std::vector<double>>(), row_standardize(inverse_distance_weights(p, 1)));
  EXPECT_NEAR(m.I, ref["moran_i"].get<double>(), 1e-12);
}

TEST(DistanceWeights, EconomicDistanceAndIslandFix) {
  SpatialWeights e = economic_distance_weights({"a", "b", "c"}, {1.0, 3.0, 3.0});
  EXPECT_DOUBLE_EQ(e.W.coeff(0, 1), 0.5);
  EXPECT_DOUBLE_EQ(e.W.coeff(1, 2), 0.5);  // tie: the largest finite weight
  EXPECT_NE(e.construction.find("1 tied pairs"), std::string::npos);
  Points p = zhejiang();
  SpatialWeights band = distance_band_weights(p, 60);
  const size_t before = summarize_weights(band).islands;
  auto linked = link_islands(band, p);
  EXPECT_EQ(linked.size(), before);
  EXPECT_EQ(summarize_weights(band).islands, 0u);
  EXPECT_TRUE(summarize_weights(band).symmetric);
  // Inverse-distance weights: the island's link weighs d^-power like the others (it weighed 1).
  SpatialWeights idw = inverse_distance_weights(p, 2, 60);
  const SpatialWeights before_link = idw;
  link_islands(idw, p, 2);
  size_t checked = 0;
  for (long i = 0; i < before_link.W.outerSize(); ++i) {
    if (before_link.W.outerIndexPtr()[i + 1] != before_link.W.outerIndexPtr()[i]) continue;
    ++checked;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(idw.W, i); it; ++it) {
      const double d = point_distance(p, static_cast<size_t>(i), static_cast<size_t>(it.col()));
      EXPECT_NEAR(it.value(), 1 / (d * d), 1e-15 / (d * d)) << p.ids[static_cast<size_t>(i)];
    }
  }
  EXPECT_GT(checked, 0u);
}
