// Panel-regression conventions against their peers (tests/reference/panel/xtreg_conventions.R):
// reg's adjusted within R2 is fixest's war2 (reghdfe's r2_a_within); xtreg's F test that all u_i = 0
// leaves a regressor the effects absorb out of the pooled model too (Stata); xtreg --vcov robust
// clusters by the unit (Stata's xtreg vce(robust)) and hc1 with unit effects is warned.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/regression_json.hpp"
#include "../analysis_options.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

nlohmann::json fixture() {
  return reference_fixture("panel_xtreg_conventions.json");
}

Frame grunfeld() {
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  // The firm mean of value: constant within each firm, absorbed by firm effects.
  const auto& value = f.numeric("value");
  const Column& firm = f.get("firm");
  std::map<std::string, std::pair<double, double>> sum;
  for (size_t i = 0; i < f.nrows(); ++i) {
    auto& s = sum[firm.text(i)];
    s.first += value[i];
    s.second += 1;
  }
  std::vector<double> mean(f.nrows());
  for (size_t i = 0; i < f.nrows(); ++i) mean[i] = sum[firm.text(i)].first / sum[firm.text(i)].second;
  f.set(Column::numeric("value_mean", mean));
  return f;
}

RegressionResult xtreg_fe(const std::string& formula, const std::string& vcov) {
  const Analysis& a = find_analysis("xtreg");
  const Options o = cbec::testing::analysis_options(a, {{"formula", formula}, {"model", nlohmann::json::array({"fe"})}, {"vcov", vcov}});
  Frame f = grunfeld();
  AnalysisContext ctx;
  ctx.unit = "firm";
  ctx.time = "year";
  const auto models = regression_models_of(run_analysis(a, f, o, ctx).json);
  if (models.size() != 1) throw std::runtime_error("one model expected");
  return models.front();
}

bool has_warning(const RegressionResult& r, const std::string& text) {
  for (const auto& w : r.warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(XtregConventions, RegAdjustedWithinR2IsFixestsWar2) {
  const auto fx = fixture();
  const Frame f = grunfeld();
  const RegressionResult two = feols(f, "inv ~ value + capital | firm + year");
  EXPECT_NEAR(two.fit.at("r2_within"), fx["war2"]["twoway_wr2"].get<double>(), 1e-10);
  EXPECT_NEAR(two.fit.at("adj_r2_within"), fx["war2"]["twoway"].get<double>(), 1e-10);
  const RegressionResult one = feols(f, "inv ~ value + capital | firm");
  EXPECT_NEAR(one.fit.at("adj_r2_within"), fx["war2"]["firm"].get<double>(), 1e-10);
}

TEST(XtregConventions, EffectsFTestLeavesAnAbsorbedRegressorOutOfThePooledModel) {
  const auto fx = fixture();
  for (const char* formula : {"inv ~ value + capital", "inv ~ value + capital + value_mean"}) {
    SCOPED_TRACE(formula);
    const RegressionResult r = xtreg_fe(formula, "iid");
    const TestResult& f = r.tests.at("f_effects");
    EXPECT_NEAR(f.stat, fx["f_effects"]["stat"].get<double>(), 1e-8);
    EXPECT_EQ(f.df1, fx["f_effects"]["df1"].get<double>());
    EXPECT_EQ(f.df2, fx["f_effects"]["df2"].get<double>());
  }
}

TEST(XtregConventions, RobustClustersByTheUnitAndHcIsWarned) {
  const auto fx = fixture();
  const RegressionResult robust = xtreg_fe("inv ~ value + capital", "robust");
  ASSERT_EQ(robust.terms.size(), 2u);
  for (long j = 0; j < 2; ++j) EXPECT_NEAR(robust.se()[j], fx["robust_se"][static_cast<size_t>(j)].get<double>(), 1e-8);
  EXPECT_TRUE(has_warning(robust, "clustered by firm"));
  const RegressionResult hc1 = xtreg_fe("inv ~ value + capital", "hc1");
  EXPECT_GT(std::fabs(hc1.se()[0] - robust.se()[0]), 1e-3);
  EXPECT_TRUE(has_warning(hc1, "Stock and Watson"));
}
