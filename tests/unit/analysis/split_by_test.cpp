// --split-by and --if through the analysis layer (analysis/subsample.hpp): each group's numbers are
// exactly those of running the subset by hand, and the test of equal coefficients across the 8
// regions of core_panel matches R (tests/reference/panel/split_equality.R: a block-diagonal Wald
// statistic written out in R, and car::linearHypothesis on the fully interacted model with HC0).
#include <gtest/gtest.h>

#include <fstream>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/read_table.hpp"
#include "../analysis_options.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

Outcome run(const std::string& name, nlohmann::json options) {
  const Analysis& a = find_analysis(name);
  const Options o = cbec::testing::analysis_options(a, options);
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/core_panel.csv");
  AnalysisContext ctx;
  ctx.unit = "id";
  ctx.time = "year";
  return run_analysis(a, f, o, ctx);
}

nlohmann::json fixture() {
  return reference_fixture("panel_split_equality.json");
}

void expect_near(double got, double want, const std::string& what) { EXPECT_NEAR(got, want, 1e-6 * std::max(1.0, std::fabs(want))) << what; }

}  // namespace

TEST(SplitBy, EachGroupEqualsItsSubsetRunByHand) {
  const Outcome split = run("reg", {{"formulas", {"y ~ x1 + x2", "y ~ x1 | year"}}, {"vcov", "cluster:id"}, {"split_by", "region"}});
  const auto& groups = split.json.at("groups");
  ASSERT_EQ(groups.size(), 8u);
  EXPECT_EQ(groups[0].at("group"), "A");
  for (const auto& g : groups) {
    const Outcome by_hand = run("reg", {{"formulas", {"y ~ x1 + x2", "y ~ x1 | year"}}, {"vcov", "cluster:id"},
                                        {"subset", "region == '" + g.at("group").get<std::string>() + "'"}});
    EXPECT_EQ(g.at("results").at("models").dump(), by_hand.json.at("models").dump()) << g.at("group");
    EXPECT_EQ(by_hand.json.at("subset").at("rows_kept"), g.at("rows"));
  }
  // One table: 2 models x 8 groups side by side, and one equality test per model.
  ASSERT_FALSE(split.tables.empty());
  EXPECT_EQ(split.tables.front().header.size(), 1u + 16u);
  EXPECT_EQ(split.tables.front().header[1], "(1) A");
  EXPECT_EQ(split.json.at("equality_tests").size(), 2u);
  EXPECT_EQ(split.json.at("equality_tests")[1].at("terms"), nlohmann::json({"x1"}));
  // Clustered: F's denominator df is the interacted pooled model's, all groups' clusters less one
  // (it was the sum of the groups' N - K while each group's tests use G - 1).
  double clusters = 0;
  for (const auto& g : groups) clusters += g.at("results").at("models")[0].at("vcov").at("n_clusters")[0].get<double>();
  EXPECT_EQ(split.json.at("equality_tests")[0].at("F_df2").get<double>(), clusters - 1);
}

TEST(SplitBy, EqualCoefficientsTestMatchesR) {
  const auto ref = fixture();
  for (const char* vcov : {"hc0", "hc1", "iid"}) {
    const Outcome out = run("reg", {{"formulas", {"y ~ x1 + x2"}}, {"vcov", vcov}, {"split_by", "region"}});
    const auto& t = out.json.at("equality_tests")[0];
    const auto& r = ref.at(vcov);
    expect_near(t.at("stat"), r.at("chi2"), std::string(vcov) + " chi2");
    EXPECT_EQ(t.at("df"), r.at("df"));
    expect_near(t.at("p_value"), r.at("p_value"), std::string(vcov) + " p");
    expect_near(t.at("F"), r.at("F"), std::string(vcov) + " F");
    expect_near(t.at("F_df2"), r.at("F_df2"), std::string(vcov) + " F df2");
    expect_near(t.at("F_p_value"), r.at("F_p_value"), std::string(vcov) + " F p");
    for (const auto& g : out.json.at("groups")) {
      const auto& rg = r.at("groups").at(g.at("group").get<std::string>());
      for (const char* term : {"(Intercept)", "x1", "x2"}) {
        expect_near(g.at("results").at("models")[0].at("coef").at(term), rg.at("coef").at(term), "coef");
        expect_near(g.at("results").at("models")[0].at("se").at(term), rg.at("se").at(term), "se");
      }
    }
  }
  // HC0: the fully interacted pooled model's Wald test of the interactions gives the same statistic.
  const Outcome hc0 = run("reg", {{"formulas", {"y ~ x1 + x2"}}, {"vcov", "hc0"}, {"split_by", "region"}});
  expect_near(hc0.json.at("equality_tests")[0].at("stat"), ref.at("interacted_hc0").at("chi2"), "interacted");
  // With a subset first.
  const Outcome sub = run("reg", {{"formulas", {"y ~ x1 + x2"}}, {"vcov", "hc0"}, {"split_by", "region"}, {"subset", "year >= 2015"}});
  expect_near(sub.json.at("equality_tests")[0].at("stat"), ref.at("subset_2015_interacted_hc0").at("chi2"), "subset interacted");
  expect_near(sub.json.at("equality_tests")[0].at("F_p_value"), ref.at("subset_2015_hc0").at("F_p_value"), "subset F p");
}

TEST(SplitBy, SubsetCountsTheRowsRemoved) {
  const Outcome out = run("xtreg", {{"formula", "y ~ x1 + x2"}, {"subset", "region in ('A', 'B') & year >= 2015"}});
  EXPECT_EQ(out.json.at("subset").at("rows"), 304);
  EXPECT_EQ(out.json.at("subset").at("rows_removed").get<size_t>() + out.json.at("subset").at("rows_kept").get<size_t>(), 304u);
  EXPECT_NE(out.tables.front().notes.front().find("Subset region in ('A', 'B') & year >= 2015:"), std::string::npos);
}

TEST(SplitBy, NonRegressionAnalysesGetOneTablePerGroup) {
  const Outcome out = run("describe", {{"variables", {"y", "x1"}}, {"split_by", "region"}});
  EXPECT_EQ(out.json.at("groups").size(), 8u);
  EXPECT_FALSE(out.json.contains("equality_tests"));
  EXPECT_NE(out.tables.front().title.find("(region = A)"), std::string::npos);
}

TEST(SplitBy, ErrorsNameTheOptionAndTheGroup) {
  EXPECT_THROW(run("reg", {{"formulas", {"y ~ x1"}}, {"subset", "regoin == 'A'"}}), DataError);
  EXPECT_THROW(run("reg", {{"formulas", {"y ~ x1"}}, {"subset", "region == 'Z'"}}), DataError);   // keeps no row
  try {
    run("reg", {{"formulas", {"y ~ x1"}}, {"split_by", "region"}, {"split_test", {"x9"}}});
    FAIL();
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("'x9'"), std::string::npos);
  }
}
