// Moran's I, Geary's C, local Moran and Getis-Ord against spdep on the Columbus data
// (tests/reference/spatial/spdep_columbus.R), binary and row-standardized weights.
#include "cbec/estimate/spatial/autocorrelation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/stats/replicate.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../scratch_folder.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
struct Columbus {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
  SpatialWeights w = align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/columbus.gal"), [&] {
    std::vector<std::string> ids;
    for (size_t i = 0; i < f.nrows(); ++i) ids.push_back(f.get("POLYID").text(i));
    return ids;
  }(), "columbus");
  nlohmann::json ref = [] {
    return reference_fixture("spatial_columbus.json");
  }();
};
void near(double a, double b, const std::string& what) { EXPECT_NEAR(a, b, 1e-9 * std::max(1.0, std::fabs(b))) << what; }
}  // namespace

TEST(SpatialAutocorrelation, GlobalAndLocalMatchSpdep) {
  Columbus c;
  const auto& crime = c.f.numeric("CRIME");
  for (const char* style : {"B", "W"}) {
    SCOPED_TRACE(style);
    const SpatialWeights w = std::string(style) == "W" ? row_standardize(c.w) : c.w;
    const auto& ref = c.ref[style];
    MoranResult m = moran(crime, w);
    near(m.I, ref["moran"]["I"], "I");
    near(m.EI, ref["moran"]["EI"], "EI");
    near(m.VI_rand, ref["moran"]["VI_rand"], "VI_rand");
    near(m.z_rand, ref["moran"]["z_rand"], "z_rand");
    near(m.p_rand, ref["moran"]["p_rand"], "p_rand");
    near(m.VI_norm, ref["moran"]["VI_norm"], "VI_norm");
    near(m.z_norm, ref["moran"]["z_norm"], "z_norm");
    GearyResult g = geary(crime, w);
    near(g.C, ref["geary"]["C"], "C");
    near(g.VC_rand, ref["geary"]["VC_rand"], "VC_rand");
    near(g.z_rand, ref["geary"]["z_rand"], "z_rand C");
    near(g.VC_norm, ref["geary"]["VC_norm"], "VC_norm");
    LocalMoranResult l = local_moran(crime, w);
    GetisOrdResult gi = getis_ord(crime, w, false), gs = getis_ord(crime, w, true);
    for (size_t i = 0; i < crime.size(); ++i) {
      near(l.Is[i], ref["local_moran"]["Ii"][i], "Ii");
      near(l.EIs[i], ref["local_moran"]["E"][i], "E.Ii");
      near(l.VIs[i], ref["local_moran"]["Var"][i], "Var.Ii");
      near(l.p[i], ref["local_moran"]["p"][i], "p Ii");
      near(gi.z[i], ref["localG"][i], "Gi");
      near(gs.z[i], ref["localGstar"][i], "Gi*");  // self-weight added before the transform (include.self)
    }
  }
  // Benjamini-Hochberg as R's p.adjust.
  LocalMoranResult l = local_moran(crime, row_standardize(c.w));
  auto adj = adjust_p(l.p, "fdr");
  for (size_t i = 0; i < adj.size(); ++i) near(adj[i], c.ref["p_bh"][i], "BH");
}

// Gi* (issue 13, item 3): spdep's localG(x, nb2listw(include.self(nb), style)) adds the unit's
// self-weight before the transform, so Gi* z is the same for styles B, W and S. Columbus and the
// 11 Zhejiang prefectures, with the weights transformed before or after aligning them to the data.
TEST(SpatialAutocorrelation, GiStarAddsTheSelfWeightBeforeTheTransform) {
  Columbus c;
  const auto& crime = c.f.numeric("CRIME");
  const auto& ref = c.ref["gistar"];
  for (const char* style : {"B", "W", "S"}) {
    SCOPED_TRACE(style);
    const std::string st(style);
    const SpatialWeights w = st == "W" ? row_standardize(c.w) : st == "S" ? variance_stabilize(c.w) : c.w;
    const GetisOrdResult gs = getis_ord(crime, w, true);
    for (size_t i = 0; i < crime.size(); ++i) near(gs.z[i], ref["columbus"][st][i], "Gi* Columbus");
  }
  // Zhejiang: verified land borders; Zhoushan has none (Gi* from its own value only, Gi undefined).
  const Frame cities = read_csv(std::string(CBEC_TEST_DATA) + "/zhejiang_cities.csv");
  const Frame adj = read_csv(std::string(CBEC_TEST_DATA) + "/zhejiang_city_adjacency.csv");
  const auto& zj = ref["zhejiang"];
  std::vector<std::string> ids;
  for (size_t i = 0; i < cities.nrows(); ++i) ids.push_back(cities.get("name_en").text(i));
  ASSERT_EQ(ids, zj["ids"].get<std::vector<std::string>>());
  std::vector<Eigen::Triplet<double>> t;
  const auto pos = [&](const std::string& name) { return static_cast<int>(std::find(ids.begin(), ids.end(), name) - ids.begin()); };
  for (size_t r = 0; r < adj.nrows(); ++r) {
    const int a = pos(adj.get("a_en").text(r)), b = pos(adj.get("b_en").text(r));
    t.emplace_back(a, b, 1.0);
    t.emplace_back(b, a, 1.0);
  }
  SpatialWeights raw;
  raw.ids = ids;
  raw.W.resize(static_cast<long>(ids.size()), static_cast<long>(ids.size()));
  raw.W.setFromTriplets(t.begin(), t.end());
  const auto x = zj["x"].get<std::vector<double>>();
  std::vector<std::string> reversed(ids.rbegin(), ids.rend());
  std::vector<double> x_rev(x.rbegin(), x.rend());
  for (const char* style : {"B", "W", "S"}) {
    SCOPED_TRACE(style);
    const std::string st(style);
    const auto transform = [&](const SpatialWeights& w) { return st == "W" ? row_standardize(w) : st == "S" ? variance_stabilize(w) : w; };
    const GetisOrdResult gs = getis_ord(x, transform(raw), true);
    // Transformed first, then reordered (as a study), or reordered first (as cbec spatial).
    const GetisOrdResult ga = getis_ord(x_rev, align_weights(transform(raw), reversed, "zhejiang"), true);
    const GetisOrdResult gb = getis_ord(x_rev, transform(align_weights(raw, reversed, "zhejiang")), true);
    for (size_t i = 0; i < x.size(); ++i) {
      near(gs.z[i], zj["gistar"][st][i], "Gi* Zhejiang");
      near(ga.z[ids.size() - 1 - i], zj["gistar"][st][i], "Gi* Zhejiang, transformed then aligned");
      near(gb.z[ids.size() - 1 - i], zj["gistar"][st][i], "Gi* Zhejiang, aligned then transformed");
    }
    if (st == "S") continue;
    const GetisOrdResult gi = getis_ord(x, transform(raw), false);
    for (size_t i = 0; i < x.size(); ++i) {
      if (zj["gi"][st][i].is_string()) EXPECT_TRUE(std::isnan(gi.z[i])) << ids[i];  // "NaN": no neighbour
      else near(gi.z[i], zj["gi"][st][i], "Gi Zhejiang");
    }
  }
}

// Gi* on weights that are not 0/1 (w_ij = 1 / |i - j|): a self-weight of 1 would depend on the
// weights' scale, so it must be given; with self-weight 2, spdep's localG on the matrix with diagonal 2.
TEST(SpatialAutocorrelation, GiStarOnWeightsThatAreNotBinaryTakesAGivenSelfWeight) {
  Columbus c;
  const auto& crime = c.f.numeric("CRIME");
  const long n = static_cast<long>(crime.size());
  std::vector<Eigen::Triplet<double>> t;
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j)
      if (i != j) t.emplace_back(i, j, 1.0 / static_cast<double>(std::abs(i - j)));
  SpatialWeights raw = c.w;
  raw.W.setZero();
  raw.W.setFromTriplets(t.begin(), t.end());
  raw.construction = "1 / |i - j|";
  const auto& ref = c.ref["gistar"]["self_weight"];
  for (const char* style : {"B", "W"}) {
    SCOPED_TRACE(style);
    const SpatialWeights w = std::string(style) == "W" ? row_standardize(raw) : raw;
    EXPECT_THROW(getis_ord(crime, w, true), SpecError);
    const GetisOrdResult gs = getis_ord(crime, w, true, ref["value"].get<double>());
    for (size_t i = 0; i < crime.size(); ++i) near(gs.z[i], ref["z"][style][i], "Gi* with a self-weight");
  }
  EXPECT_NO_THROW(getis_ord(crime, row_standardize(c.w), true));  // contiguity: 1 is the self-weight
}

// An island has no neighbours to permute: its pseudo p-value is missing (spdep's localmoran_perm: NA),
// so it is not one of the m tests of an adjustment (a p_sim of 1 made Bonferroni's m 49 for 47).
TEST(SpatialAutocorrelation, LisaPermutationLeavesIslandsMissing) {
  Columbus c;
  const SpatialWeights w = row_standardize(align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/columbus_islands.gal"), c.w.ids, "columbus"));
  const LocalMoranResult l = local_moran(c.f.numeric("CRIME"), w, 99, 3);
  size_t islands = 0;
  for (size_t i = 0; i < l.p_sim.size(); ++i) {
    EXPECT_EQ(std::isnan(l.p_sim[i]), !w.has_neighbours(i)) << c.w.ids[i];
    EXPECT_EQ(std::isnan(l.p[i]), !w.has_neighbours(i)) << c.w.ids[i];
    islands += !w.has_neighbours(i);
  }
  EXPECT_EQ(islands, 2u);
  const auto adjusted = adjust_p(l.p_sim, "bonferroni");
  for (size_t i = 0; i < adjusted.size(); ++i)
    if (!std::isnan(l.p_sim[i])) EXPECT_DOUBLE_EQ(adjusted[i], std::min(1.0, l.p_sim[i] * 47));
}

// A value at the mean or a spatial lag of exactly 0 is Low, as spdep's quadrants (cut at 0, right-closed).
TEST(SpatialAutocorrelation, LisaQuadrantAtTheMeanIsLow) {
  SpatialWeights w;
  w.ids = {"a", "b", "c", "d"};
  w.W.resize(4, 4);
  std::vector<Eigen::Triplet<double>> t{{0, 1, 1}, {1, 0, 1}, {1, 2, 1}, {2, 1, 1}, {2, 3, 1}, {3, 2, 1}, {0, 3, 1}, {3, 0, 1}};
  w.W.setFromTriplets(t.begin(), t.end());
  // A ring a-b-c-d, mean 5, z = (0, 3, 0, -3): every lag is 0 (each unit's two neighbours cancel), a and c
  // are at the mean. Before, z >= 0 and lag >= 0 counted as High: HH, HH, HH, LH.
  const LocalMoranResult l = local_moran({5, 8, 5, 2}, w);
  EXPECT_EQ(l.quadrant, (std::vector<std::string>{"LL", "HL", "LL", "LL"}));
}

// The weights summary's S0, S1, S2 as spdep's spweights.constants, binary and row-standardized.
TEST(SpatialAutocorrelation, WeightsSummaryGivesTheConstantsOfTheMoments) {
  Columbus c;
  for (const char* style : {"B", "W"}) {
    SCOPED_TRACE(style);
    const WeightsSummary s = summarize_weights(std::string(style) == "W" ? row_standardize(c.w) : c.w);
    near(s.S0, c.ref["constants"][style]["S0"], "S0");
    near(s.S1, c.ref["constants"][style]["S1"], "S1");
    near(s.S2, c.ref["constants"][style]["S2"], "S2");
  }
}

TEST(SpatialAutocorrelation, PermutationsAreReproducibleAndAgreeWithTheory) {
  Columbus c;
  const auto& crime = c.f.numeric("CRIME");
  SpatialWeights w = row_standardize(c.w);
  MoranResult a = moran(crime, w, 999, 7, 1), b = moran(crime, w, 999, 7, 2);
  EXPECT_EQ(a.p_sim, b.p_sim);
  EXPECT_NEAR(a.p_sim, 0.001, 1e-12);  // strong clustering: no permutation beats I
  EXPECT_NEAR(a.EI_sim, a.EI, 0.01);
  EXPECT_NEAR(a.seI_sim, std::sqrt(a.VI_rand), 0.02);
  LocalMoranResult l1 = local_moran(crime, w, 499, 3, 0.05, 1), l2 = local_moran(crime, w, 499, 3, 0.05, 2);
  EXPECT_EQ(l1.p_sim, l2.p_sim);
  size_t agree = 0;
  for (size_t i = 0; i < crime.size(); ++i) agree += (l1.p_sim[i] < 0.05) == (l1.p[i] < 0.05);
  EXPECT_GE(agree, 40u);  // conditional permutation and analytic inference mostly agree
}

TEST(SpatialAutocorrelation, ElevenUnitsGiveMinusPointOne) {
  // E(I) = -1/(n-1) = -0.100 for 11 cities, as the reference paper reports.
  std::vector<Eigen::Triplet<double>> t;
  for (int i = 0; i < 11; ++i) {
    t.emplace_back(i, (i + 1) % 11, 1.0);
    t.emplace_back((i + 1) % 11, i, 1.0);
  }
  SpatialWeights w;
  for (int i = 0; i < 11; ++i) w.ids.push_back(std::to_string(i));
  w.W.resize(11, 11);
  w.W.setFromTriplets(t.begin(), t.end());
  std::vector<double> x = {1, 3, 2, 5, 4, 6, 8, 7, 9, 11, 10};
  EXPECT_DOUBLE_EQ(moran(x, w).EI, -0.1);
  EXPECT_THROW(moran(std::vector<double>(11, 1.0), w), DataError);
  EXPECT_THROW(align_weights(w, {"0", "1"}, "test"), DataError);
}

TEST(SpatialAutocorrelation, GeneralGMatchesSpdep) {
  Columbus c;
  const auto& crime = c.f.numeric("CRIME");
  for (const char* style : {"B", "W"}) {
    SCOPED_TRACE(style);
    const auto& ref = c.ref[style]["general_g"];
    GeneralGResult g = general_g(crime, std::string(style) == "W" ? row_standardize(c.w) : c.w);
    near(g.G, ref["G"], "G");
    near(g.EG, ref["EG"], "EG");
    near(g.VG, ref["VG"], "VG");
    near(g.z, ref["z"], "z");
    near(g.p, ref["p"], "p");
  }
}

TEST(SpatialWeightsIO, VarianceStabilizingAndGwtRoundTrip) {
  const cbec::testing::ScratchFolder scratch;
  Columbus c;
  SpatialWeights s = variance_stabilize(c.w);
  std::vector<double> row1, row5;
  for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(s.W, 0); it; ++it) row1.push_back(it.value());
  for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(s.W, 4); it; ++it) row5.push_back(it.value());
  ASSERT_EQ(row1.size(), c.ref["S"]["weights_1"].size());
  for (size_t k = 0; k < row1.size(); ++k) near(row1[k], c.ref["S"]["weights_1"][k], "S row 1");
  for (size_t k = 0; k < row5.size(); ++k) near(row5[k], c.ref["S"]["weights_5"][k], "S row 5");
  near(moran(c.f.numeric("CRIME"), s).I, c.ref["S"]["moran_I"], "Moran I with S weights");
  const std::string path = scratch.path("columbus.gwt");
  write_gwt(row_standardize(c.w), path);
  SpatialWeights back = align_weights(read_weights(path), c.w.ids, "gwt");
  EXPECT_NEAR((Eigen::MatrixXd(back.W) - Eigen::MatrixXd(row_standardize(c.w).W)).cwiseAbs().maxCoeff(), 0.0, 1e-15);
  const std::string csv = scratch.path("columbus_edges.csv");
  write_edge_list(row_standardize(c.w), csv);
  SpatialWeights edges = align_weights(read_weights(csv), c.w.ids, "edges");
  EXPECT_NEAR((Eigen::MatrixXd(edges.W) - Eigen::MatrixXd(row_standardize(c.w).W)).cwiseAbs().maxCoeff(), 0.0, 1e-15);
}

TEST(SpatialAutocorrelation, LocalPermutationsScaleWithNeighboursNotUnits) {
  // 100,000 units, 6 neighbours each: conditional permutations cost n x draws x k, so this takes
  // a fraction of a second; drawing neighbours from all n - 1 units each time would take minutes.
  Points p;
  p.lonlat = false;
  std::vector<double> v;
  Rng rng = draw_stream(5, 0);
  for (size_t i = 0; i < 100000; ++i) {
    p.ids.push_back(std::to_string(i));
    p.x.push_back(uniform01(rng));
    p.y.push_back(uniform01(rng));
    v.push_back(std::sin(6 * p.x.back()) + uniform01(rng));
  }
  const SpatialWeights w = row_standardize(knn_weights(p, 6));
  const LocalMoranResult a = local_moran(v, w, 99, 1, 0.05, 1), b = local_moran(v, w, 99, 1, 0.05, 2);
  EXPECT_EQ(a.p_sim, b.p_sim);  // the same for any number of threads
  size_t agree = 0;
  for (size_t i = 0; i < v.size(); ++i) agree += (a.p_sim[i] < 0.05) == (a.p[i] < 0.05);
  EXPECT_GE(agree, 90000u);
}
