#include "cbec/estimate/spatial/distance_weights.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

#include "cbec/core/error.hpp"
#include "row_set.hpp"
#include "cbec/io/csv_reader.hpp"

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
  std::ifstream in(std::string(CBEC_FIXTURES) + "/spatial_distance_weights.json");
  auto ref = nlohmann::json::parse(in);
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
