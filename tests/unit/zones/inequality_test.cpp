// Theil T and L with their between/within parts and the Gini with Dagum's (1997) decomposition,
// against independent R code and laeken::gini (tests/reference/zones/inequality.R), at 1e-10
// (closed forms); and the identities of the decompositions.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/inequality/gini.hpp"
#include "cbec/estimate/inequality/theil.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("zones_inequality.json");
}
std::vector<int> codes(const std::vector<std::string>& labels, int& k) {
  std::vector<std::string> levels;
  std::vector<int> g;
  for (const auto& l : labels) {
    auto it = std::find(levels.begin(), levels.end(), l);
    if (it == levels.end()) it = levels.insert(levels.end(), l);
    g.push_back(static_cast<int>(it - levels.begin()));
  }
  k = static_cast<int>(levels.size());
  return g;
}
}  // namespace

TEST(Inequality, TheilAndDagumGiniMatchR) {
  const auto fx = fixture();
  ASSERT_EQ(fx["cases"].size(), 2u);
  for (const auto& c : fx["cases"]) {
    const auto x = c["values"].get<std::vector<double>>();
    int k = 0;
    const auto g = codes(c["groups"].get<std::vector<std::string>>(), k);
    const TheilResult t = theil_decomposition(x, g, k);
    const auto& rt = c["theil"];
    EXPECT_NEAR(t.t, rt["t"].get<double>(), 1e-10) << c["variable"];
    EXPECT_NEAR(t.t_between, rt["t_between"].get<double>(), 1e-10);
    EXPECT_NEAR(t.t_within, rt["t_within"].get<double>(), 1e-10);
    EXPECT_NEAR(t.l, rt["l"].get<double>(), 1e-10);
    EXPECT_NEAR(t.l_between, rt["l_between"].get<double>(), 1e-10);
    EXPECT_NEAR(t.l_within, rt["l_within"].get<double>(), 1e-10);
    EXPECT_NEAR(t.t, t.t_between + t.t_within, 1e-12);
    EXPECT_NEAR(t.l, t.l_between + t.l_within, 1e-12);
    const GiniResult d = gini_dagum(x, g, k);
    const auto& rg = c["gini"];
    EXPECT_NEAR(d.gini, rg["gini"].get<double>(), 1e-10) << "laeken::gini";
    EXPECT_NEAR(d.within, rg["within"].get<double>(), 1e-10);
    EXPECT_NEAR(d.net_between, rg["net_between"].get<double>(), 1e-10);
    EXPECT_NEAR(d.transvariation, rg["transvariation"].get<double>(), 1e-10);
  }
}

TEST(Inequality, OneGroupHasNoBetweenPart) {
  const std::vector<double> x = {1, 2, 3, 10};
  const std::vector<int> g(4, 0);
  const TheilResult t = theil_decomposition(x, g, 1);
  EXPECT_NEAR(t.t_between, 0, 1e-15);
  EXPECT_NEAR(t.t_within, t.t, 1e-15);
  const GiniResult d = gini_dagum(x, g, 1);
  EXPECT_NEAR(d.gini, 56.0 / (2 * 16 * 4), 1e-15);   // sum over ordered pairs of |xi - xj| = 2 * (1 + 2 + 9 + 1 + 8 + 7) = 56; n = 4, mean 4
}

TEST(Inequality, SeparatedGroupsHaveNoTransvariation) {
  // Every value of group 1 exceeds every value of group 0: D = 1, so G_t = 0 (Dagum 1997).
  const std::vector<double> x = {1, 2, 3, 10, 11, 14};
  const std::vector<int> g = {0, 0, 0, 1, 1, 1};
  const GiniResult d = gini_dagum(x, g, 2);
  EXPECT_NEAR(d.transvariation, 0, 1e-15);
  EXPECT_NEAR(d.relative_affluence[1][0], 1, 1e-15);
  EXPECT_NEAR(d.gini, d.within + d.net_between, 1e-15);
}

TEST(Inequality, BadValuesAreRefused) {
  EXPECT_THROW(theil_decomposition({1, 0, 2}, {0, 0, 0}, 1), DataError);
  EXPECT_THROW(gini_dagum({1, -1, 2}, {0, 0, 0}, 1), DataError);
  EXPECT_THROW(theil_decomposition({1, 2}, {0, 0}, 2), DataError);   // an empty group
}
