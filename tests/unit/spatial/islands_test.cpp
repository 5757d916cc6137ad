// Global and local statistics with an island (a unit without neighbours) against spdep's defaults
// (tests/reference/spatial/islands.R): the 11 Zhejiang prefectures, queen contiguity, Zhoushan alone.
// General G leaves the island out of n and of the sums of x; style "S" weights are scaled to the
// units with neighbours; the island's missing local p-value is not one of the adjusted tests.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("spatial_islands.json");
}

void near(double a, const nlohmann::json& b, const std::string& what) {
  if (b.is_null()) {
    EXPECT_TRUE(std::isnan(a)) << what << ": " << a << " where R has NA";
    return;
  }
  const double v = b.get<double>();
  EXPECT_NEAR(a, v, 1e-9 * std::max(1.0, std::fabs(v))) << what;
}
}  // namespace

TEST(SpatialIslands, GeneralGLocalMoranStyleSAndAdjustedPMatchSpdep) {
  const auto fx = fixture();
  const std::vector<double> x = fx["x"].get<std::vector<double>>();
  const SpatialWeights binary = align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/zhejiang_queen.gal"),
                                              fx["ids"].get<std::vector<std::string>>(), "zhejiang_queen.gal");
  for (const char* style : {"B", "W", "S"}) {
    SCOPED_TRACE(style);
    const std::string st = style;
    const SpatialWeights w = st == "W" ? row_standardize(binary) : st == "S" ? variance_stabilize(binary) : binary;
    const auto& ref = fx[st];
    const GeneralGResult g = general_g(x, w);
    near(g.G, ref["general_g"]["G"], "G");
    near(g.EG, ref["general_g"]["EG"], "E(G)");
    near(g.VG, ref["general_g"]["VG"], "Var(G)");
    near(g.z, ref["general_g"]["z"], "z(G)");
    near(g.p, ref["general_g"]["p"], "p(G)");
    const MoranResult m = moran(x, w);
    near(m.I, ref["moran"]["I"], "I");
    near(m.EI, ref["moran"]["EI"], "E(I)");
    near(m.VI_rand, ref["moran"]["VI"], "Var(I)");
    const LocalMoranResult l = local_moran(x, w);
    const std::vector<double> bonferroni = adjust_p(l.p, "bonferroni"), bh = adjust_p(l.p, "fdr");
    for (size_t i = 0; i < x.size(); ++i) {
      const std::string unit = fx["ids"][i].get<std::string>();
      near(l.Is[i], ref["local_moran"]["Ii"][i], unit + " Ii");
      near(l.EIs[i], ref["local_moran"]["E"][i], unit + " E(Ii)");
      near(l.VIs[i], ref["local_moran"]["Var"][i], unit + " Var(Ii)");
      near(l.p[i], ref["p_local"][i], unit + " p");
      near(bonferroni[i], ref["p_bonferroni"][i], unit + " Bonferroni p");
      near(bh[i], ref["p_bh"][i], unit + " Benjamini-Hochberg p");
      EXPECT_EQ(l.quadrant[i] == "none", unit == "Zhoushan") << unit << " " << l.quadrant[i];
    }
  }
}

TEST(SpatialIslands, ConstantVariableIsRefusedByEveryStatistic) {
  const auto fx = fixture();
  const SpatialWeights w = align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/zhejiang_queen.gal"),
                                         fx["ids"].get<std::vector<std::string>>(), "zhejiang_queen.gal");
  const std::vector<double> x(11, 4.2);
  EXPECT_THROW(moran(x, w), DataError);
  EXPECT_THROW(local_moran(x, w), DataError);
  EXPECT_THROW(getis_ord(x, w, false), DataError);
  EXPECT_THROW(getis_ord(x, w, true), DataError);
}
