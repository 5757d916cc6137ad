// Panel post-estimation outputs against plm 2.6 (tests/reference/panel/postestimation.R) on
// Grunfeld (balanced) and EmplUK (unbalanced): pFtest, plmtest, within_intercept, fixef (one-way),
// the two-way fixed effects of the dummy regression lm(y ~ 0 + x + factor(firm) + factor(year)),
// the LSDV log-likelihood (logLik(lm)), plm's adjusted within R-squared, and Stata's R-squared trio
// of a two-way model computed by hand.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/ols/fixed_effect_levels.hpp"
#include "cbec/estimate/panel/effects_tests.hpp"
#include "cbec/estimate/panel/panel_models.hpp"
#include "cbec/estimate/panel/within_intercept.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("panel_postestimation.json");
}

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-300, std::fabs(b))) << what << ": " << a << " vs " << b;
}

// p-values below 1e-300 are compared absolutely (R prints 0).
void expect_p(double a, double b, const std::string& what) {
  if (b < 1e-250) EXPECT_LT(a, 1e-250) << what;
  else expect_rel(a, b, what);
}

PanelOptions panel_options(const std::string& vcov = "iid") {
  PanelOptions o;
  o.unit = "firm";
  o.time = "year";
  o.vcov = VcovSpec::parse(vcov, "year");
  return o;
}

struct Case {
  nlohmann::json ref;
  Frame frame;
  std::string formula;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  const nlohmann::json fx = fixture();
  for (const auto& c : fx["cases"])
    out.push_back({c, read_csv(std::string(CBEC_TEST_DATA) + "/" + c["dataset"].get<std::string>()), c["formula"].get<std::string>()});
  return out;
}
}  // namespace

TEST(PanelPostestimation, EffectsFTestsMatchPFtest) {
  size_t checked = 0;
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.ref["id"].get<std::string>());
    const RegressionResult pooled = panel_model(c.frame, c.formula, PanelModel::Pooling, panel_options());
    const std::vector<std::pair<PanelModel, std::string>> models = {
        {PanelModel::Within, "individual"}, {PanelModel::WithinTime, "time"}, {PanelModel::Twoways, "twoways"}};
    for (const auto& [m, effect] : models) {
      const TestResult t = effects_f_test(panel_model(c.frame, c.formula, m, panel_options()), pooled, effect);
      const auto& ref = c.ref["f_" + effect];
      expect_rel(t.stat, ref["stat"].get<double>(), "F " + effect);
      EXPECT_EQ(t.df1, ref["df"][0].get<double>());
      EXPECT_EQ(t.df2, ref["df"][1].get<double>());
      expect_p(t.p_value, ref["p"].get<double>(), "p " + effect);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 6u);
}

TEST(PanelPostestimation, LagrangeMultiplierTestsMatchPlmtest) {
  size_t checked = 0;
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.ref["id"].get<std::string>());
    for (const auto& [key, ref] : c.ref["lm"].items()) {
      const std::string type = key.substr(0, key.find('_')), effect = key.substr(key.find('_') + 1);
      const TestResult t = lm_effects_test(c.frame, c.formula, panel_options(), effect, type);
      expect_rel(t.stat, ref["stat"].get<double>(), key);
      expect_p(t.p_value, ref["p"].get<double>(), key + " p-value");
      if (type == "bp") EXPECT_EQ(t.df1, ref["df"].get<double>()) << key;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 20u);
}

TEST(PanelPostestimation, WithinInterceptMatchesPlm) {
  ASSERT_EQ(cases().size(), 2u);
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.ref["id"].get<std::string>());
    const WithinIntercept a = within_intercept(c.frame, c.formula, PanelModel::Within, panel_options());
    expect_rel(a.estimate, c.ref["within_intercept"].get<double>(), "within intercept");
    expect_rel(a.se, c.ref["within_intercept_se"].get<double>(), "its SE");
    const WithinIntercept cl = within_intercept(c.frame, c.formula, PanelModel::Within, panel_options("cluster:firm"));
    expect_rel(cl.estimate, c.ref["within_intercept"].get<double>(), "within intercept (cluster)");
    expect_rel(cl.se, c.ref["within_intercept_se_cluster"].get<double>(), "its cluster-robust SE");
    const WithinIntercept tw = within_intercept(c.frame, c.formula, PanelModel::Twoways, panel_options());
    expect_rel(tw.estimate, c.ref["within_intercept_twoways"].get<double>(), "two-way within intercept");
    expect_rel(tw.se, c.ref["within_intercept_twoways_se"].get<double>(), "its SE");
  }
}

TEST(PanelPostestimation, FixedEffectsPerLevelMatchPlmFixef) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.ref["id"].get<std::string>());
    const RegressionResult fe = panel_model(c.frame, c.formula, PanelModel::Within, panel_options());
    const auto one = fixed_effect_levels(within_design(c.frame, c.formula, PanelModel::Within, panel_options()), fe);
    ASSERT_EQ(one.size(), 1u);
    ASSERT_EQ(one[0].levels.size(), c.ref["fixef"].size());
    for (size_t g = 0; g < one[0].levels.size(); ++g) {
      EXPECT_EQ(one[0].levels[g], c.ref["fixef_levels"][g].get<std::string>());
      expect_rel(one[0].estimate[static_cast<long>(g)], c.ref["fixef"][g].get<double>(), "fixef " + one[0].levels[g]);
      expect_rel(one[0].se[static_cast<long>(g)], c.ref["fixef_se"][g].get<double>(), "fixef SE " + one[0].levels[g]);
    }
    const RegressionResult tw = panel_model(c.frame, c.formula, PanelModel::Twoways, panel_options());
    const auto two = fixed_effect_levels(within_design(c.frame, c.formula, PanelModel::Twoways, panel_options()), tw);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_TRUE(two[0].se.size() == 0 && two[1].se.size() == 0);
    for (size_t g = 0; g < two[0].levels.size(); ++g)
      expect_rel(two[0].estimate[static_cast<long>(g)], c.ref["fixef_twoways_individual"][g].get<double>(), "two-way unit effect", 1e-6);
    EXPECT_EQ(two[1].estimate[0], 0.0);
    for (size_t h = 1; h < two[1].levels.size(); ++h) {
      EXPECT_EQ(two[1].levels[h], c.ref["fixef_twoways_time_levels"][h].get<std::string>());
      expect_rel(two[1].estimate[static_cast<long>(h)], c.ref["fixef_twoways_time"][h].get<double>(), "two-way year effect", 1e-6);
    }
  }
}

TEST(PanelPostestimation, LikelihoodAdjustedWithinR2AndTwoWayR2Trio) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.ref["id"].get<std::string>());
    const RegressionResult fe = panel_model(c.frame, c.formula, PanelModel::Within, panel_options());
    expect_rel(fe.fit.at("loglik"), c.ref["loglik"].get<double>(), "log-likelihood");
    expect_rel(fe.fit.at("aic"), c.ref["aic"].get<double>(), "AIC");
    expect_rel(fe.fit.at("bic"), c.ref["bic"].get<double>(), "BIC");
    expect_rel(fe.fit.at("r2_within"), c.ref["r2_within"].get<double>(), "within R2");
    expect_rel(fe.fit.at("adj_r2_within"), c.ref["adj_r2_within"].get<double>(), "adjusted within R2");
    const RegressionResult tw = panel_model(c.frame, c.formula, PanelModel::Twoways, panel_options());
    expect_rel(tw.fit.at("r2_within_xt"), c.ref["twoways_r2_within_xt"].get<double>(), "two-way within R2 (Stata)");
    expect_rel(tw.fit.at("r2_between_xt"), c.ref["twoways_r2_between_xt"].get<double>(), "two-way between R2 (Stata)");
    expect_rel(tw.fit.at("r2_overall_xt"), c.ref["twoways_r2_overall_xt"].get<double>(), "two-way overall R2 (Stata)");
    const RegressionResult re = panel_model(c.frame, c.formula, PanelModel::Random, panel_options());
    EXPECT_FALSE(re.fit.count("loglik")) << "the quasi-demeaned OLS fit is not the random-effects likelihood";
  }
}

// Known fixed effects recovered: y = 2 x + alpha_i + gamma_t + small noise on an unbalanced panel
// (every third unit misses the first year, so some units start in year 2: the normalization
// gamma_1 = 0 still holds for the connected set), alpha_i and gamma_t drawn once.
TEST(PanelPostestimation, TwoWayFixedEffectsRecoverSimulatedLevels) {
  const int units = 30, years = 8;
  std::vector<double> id, year, x, y, alpha(units), gamma(years);
  for (int i = 0; i < units; ++i) alpha[static_cast<size_t>(i)] = std::sin(1.3 * i) * 5;
  for (int t = 0; t < years; ++t) gamma[static_cast<size_t>(t)] = t == 0 ? 0.0 : std::cos(0.7 * t) * 3;
  for (int i = 0; i < units; ++i)
    for (int t = 0; t < years; ++t) {
      if (i % 3 == 2 && t == 0) continue;
      const double xv = std::sin(0.37 * i * t + i) + 0.1 * t;
      id.push_back(i + 1);
      year.push_back(2000 + t);
      x.push_back(xv);
      y.push_back(2 * xv + alpha[static_cast<size_t>(i)] + gamma[static_cast<size_t>(t)] + 1e-3 * std::sin(17.0 * (i + 3 * t)));
    }
  Frame f;
  f.set(Column::numeric("firm", id));
  f.set(Column::numeric("year", year));
  f.set(Column::numeric("x", x));
  f.set(Column::numeric("y", y));
  const RegressionResult r = panel_model(f, "y ~ x", PanelModel::Twoways, panel_options());
  EXPECT_NEAR(r.coef[0], 2.0, 1e-3);
  const auto fe = fixed_effect_levels(within_design(f, "y ~ x", PanelModel::Twoways, panel_options()), r);
  ASSERT_EQ(fe.size(), 2u);
  ASSERT_EQ(fe[0].estimate.size(), units);
  ASSERT_EQ(fe[1].estimate.size(), years);
  for (int i = 0; i < units; ++i) EXPECT_NEAR(fe[0].estimate[i], alpha[static_cast<size_t>(i)], 5e-3) << "unit " << i + 1;
  for (int t = 0; t < years; ++t) EXPECT_NEAR(fe[1].estimate[t], gamma[static_cast<size_t>(t)], 5e-3) << "year " << 2000 + t;
  EXPECT_EQ(fe[1].estimate[0], 0.0);
  EXPECT_EQ(fe[1].nobs[0], static_cast<size_t>(units - units / 3));
}
