// Queen contiguity of Zhejiang's 11 prefecture cities from their real polygons (census boundaries),
// against the verified land-border list of ../shared/data (zhejiang_city_adjacency.csv, copied as
// tests/data/zhejiang_city_adjacency.csv) after removing the water-only links.
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/io/polygons_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
std::set<std::pair<std::string, std::string>> pairs(const SpatialWeights& w) {
  std::set<std::pair<std::string, std::string>> out;
  for (long i = 0; i < w.W.outerSize(); ++i)
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) {
      std::string a = w.ids[static_cast<size_t>(i)], b = w.ids[static_cast<size_t>(it.col())];
      if (a > b) std::swap(a, b);
      out.insert({a, b});
    }
  return out;
}
}  // namespace

TEST(Contiguity, ZhejiangQueenEqualsTheVerifiedLandBorders) {
  Polygons p = read_polygons(std::string(CBEC_TEST_DATA) + "/zhejiang_polygons.csv", "city");
  SpatialWeights w = contiguity_weights(p, true);
  auto found = pairs(w);
  Frame ref = read_csv(std::string(CBEC_TEST_DATA) + "/zhejiang_city_adjacency.csv");
  std::set<std::pair<std::string, std::string>> want;
  for (size_t i = 0; i < ref.nrows(); ++i) {
    std::string a = ref.get("a_en").text(i), b = ref.get("b_en").text(i);
    if (a > b) std::swap(a, b);
    want.insert({a, b});
  }
  auto report = apply_edits(w, read_link_edits(std::string(CBEC_TEST_DATA) + "/zhejiang_water_edits.csv"));
  auto after = pairs(w);
  std::string diff;
  for (const auto& q : after)
    if (!want.count(q)) diff += " +" + q.first + "-" + q.second;
  for (const auto& q : want)
    if (!after.count(q)) diff += " -" + q.first + "-" + q.second;
  EXPECT_TRUE(diff.empty()) << "polygons gave " << found.size() << " pairs; differences after edits:" << diff;
  EXPECT_EQ(after.size(), 17u);
  WeightsSummary s = summarize_weights(w);
  EXPECT_EQ(s.island_ids, std::vector<std::string>{"Zhoushan"});
  EXPECT_TRUE(s.symmetric);
  // row standardization makes the values asymmetric; the neighbour structure stays symmetric
  const WeightsSummary rows = summarize_weights(row_standardize(w));
  EXPECT_FALSE(rows.symmetric);
  EXPECT_TRUE(rows.symmetric_links);
  // Rook on these polygons keeps every land border (they share segments, not just points).
  EXPECT_GE(pairs(contiguity_weights(p, false)).size(), 17u);
}

TEST(Contiguity, ProvincesDissolvedFromCitiesGiveThe68LandBorders) {
  CsvOptions o;
  o.string_columns = {"city_code", "province_code", "wkt"};
  Frame cities = read_csv(std::string(CBEC_SOURCE_DIR "/data") + "/china_city_polygons.csv", o);
  Frame prov = read_csv(std::string(CBEC_SOURCE_DIR "/data") + "/china_provinces.csv", plain_csv({""}, {"adcode"}));
  std::map<std::string, std::string> english;
  for (size_t i = 0; i < prov.nrows(); ++i) english[prov.get("adcode").text(i)] = prov.get("name_en").text(i);
  Polygons p;
  std::vector<std::string> group;
  for (size_t i = 0; i < cities.nrows(); ++i) {
    auto it = english.find(cities.get("province_code").text(i));
    if (it == english.end()) continue;  // Hong Kong and Macau: not mainland provincial units
    p.ids.push_back(cities.get("city_code").text(i));
    p.wkt.push_back(cities.get("wkt").text(i));
    group.push_back(it->second);
  }
  Polygons provinces = dissolve(p, group);
  ASSERT_EQ(provinces.ids.size(), 31u);
  SpatialWeights w = contiguity_weights(provinces, true);
  auto found = pairs(w);
  Frame ref = read_csv(std::string(CBEC_TEST_DATA) + "/china_province_adjacency.csv");
  std::set<std::pair<std::string, std::string>> want;
  for (size_t i = 0; i < ref.nrows(); ++i) {
    std::string a = ref.get("a_en").text(i), b = ref.get("b_en").text(i);
    if (a > b) std::swap(a, b);
    want.insert({a, b});
  }
  std::string diff;
  for (const auto& q : found)
    if (!want.count(q)) diff += " +" + q.first + "-" + q.second;
  for (const auto& q : want)
    if (!found.count(q)) diff += " -" + q.first + "-" + q.second;
  EXPECT_TRUE(diff.empty()) << diff;
  EXPECT_EQ(summarize_weights(w).island_ids, std::vector<std::string>{"Hainan"});
}

// Queen and rook neighbours equal spdep::poly2nb on the same WKT polygons (tests/reference/spatial/poly2nb.R):
// Zhejiang's 11 prefectures, and the Yangtze River Delta's 41 cities from the shipped polygons.
TEST(Contiguity, QueenAndRookEqualSpdepPoly2nb) {
  const auto ref = reference_fixture("spatial_poly2nb.json");
  auto as_set = [](const nlohmann::json& list) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& p : list) {
      const std::string s = p.get<std::string>();
      const auto bar = s.find('|');
      std::string a = s.substr(0, bar), b = s.substr(bar + 1);
      if (a > b) std::swap(a, b);
      out.insert({a, b});
    }
    return out;
  };
  const Polygons zj = read_polygons(std::string(CBEC_TEST_DATA) + "/zhejiang_polygons.csv", "city");
  EXPECT_EQ(pairs(contiguity_weights(zj, true)), as_set(ref["zhejiang"]["queen"]));
  EXPECT_EQ(pairs(contiguity_weights(zj, false)), as_set(ref["zhejiang"]["rook"]));
  const Polygons all = read_polygons(std::string(CBEC_SOURCE_DIR "/data") + "/china_city_polygons.csv", "city_cn");
  Polygons yrd;
  const auto ids = ref["yrd"]["ids"].get<std::vector<std::string>>();
  for (size_t i = 0; i < all.ids.size(); ++i)
    if (std::find(ids.begin(), ids.end(), all.ids[i]) != ids.end()) {
      yrd.ids.push_back(all.ids[i]);
      yrd.wkt.push_back(all.wkt[i]);
    }
  ASSERT_EQ(yrd.ids.size(), 41u);
  EXPECT_EQ(pairs(contiguity_weights(yrd, true)), as_set(ref["yrd"]["queen"]));
  EXPECT_EQ(pairs(contiguity_weights(yrd, false)), as_set(ref["yrd"]["rook"]));
}

// With a snapping tolerance, rook still needs a shared edge: squares meeting at a corner leave 2
// snap of boundary in the buffer and were linked (rook equalled queen on a 3 x 3 grid: 44 links).
TEST(Contiguity, RookWithSnapLeavesCornersOut) {
  Polygons grid;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      grid.ids.push_back(std::to_string(3 * r + c));
      grid.wkt.push_back(fmt::format("POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))", c, r, c + 1, r + 1));
    }
  for (const double snap : {0.0, 0.001, 0.01}) {
    EXPECT_EQ(contiguity_weights(grid, false, snap).W.nonZeros(), 24) << "rook, snap " << snap;
    EXPECT_EQ(contiguity_weights(grid, true, snap).W.nonZeros(), 40) << "queen, snap " << snap;
  }
}

// A self-intersecting ring (as coordinates rounded too far leave) made GEOS's intersection fail,
// which read as "not contiguous" dropped true borders (Shenzhen-Hong Kong) without a word: the
// polygon is repaired by MakeValid, said in the construction, and its shared edge is a rook link.
TEST(Contiguity, InvalidPolygonsAreRepairedAndSaidNotLeftUnlinked) {
  Polygons p;
  p.ids = {"A", "B", "C"};
  p.wkt = {"POLYGON((0 0,1 0,1 1,0 1,0 0))",
           "POLYGON((1 0,2 1,2 0,1 1,1 0))",   // a bow tie whose left triangle shares A's edge x = 1
           "POLYGON((5 5,6 5,6 6,5 6,5 5))"};
  for (bool queen : {true, false}) {
    const SpatialWeights w = contiguity_weights(p, queen);
    EXPECT_EQ(pairs(w), (std::set<std::pair<std::string, std::string>>{{"A", "B"}})) << (queen ? "queen" : "rook");
    EXPECT_NE(w.construction.find("1 invalid polygon repaired by GEOS MakeValid before the test: B"), std::string::npos) << w.construction;
  }
  p.wkt[1] = "POLYGON((1 0,2 0,2 1,1 1,1 0))";
  EXPECT_EQ(contiguity_weights(p, false).construction, "rook contiguity");
}
