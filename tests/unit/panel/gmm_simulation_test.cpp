// Dynamic-panel GMM recovers known parameters: y_it = rho y_i,t-1 + beta x_it + eta_i + e_it with
// rho = 0.5, beta = 1, x_it = 0.5 x_i,t-1 + 0.5 eta_i + u_it (x correlated with the unit effect,
// strictly exogenous), 1,000 units, 8 periods after a burn-in of 50 (so the levels are
// mean-stationary, Blundell-Bond's condition). Pooled OLS is biased up by eta; difference and
// system GMM are consistent. Also: AR(1) in the differenced errors is found and AR(2) is not; the
// Hansen test does not reject the valid instruments; the formula syntax's errors point at the term.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "cbec/core/error.hpp"
#include "cbec/estimate/panel/gmm.hpp"

using namespace cbec;

namespace {

const double kRho = 0.5, kBeta = 1.0;

Frame dynamic_panel(size_t n_units, int periods, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(0, 1);
  std::vector<double> id, t, y, x;
  for (size_t i = 0; i < n_units; ++i) {
    const double eta = z(rng);
    double yl = eta / (1 - kRho), xl = eta;
    for (int s = -50; s < periods; ++s) {
      const double xs = 0.5 * xl + 0.5 * eta + z(rng);
      const double ys = kRho * yl + kBeta * xs + eta + z(rng);
      if (s >= 0) {
        id.push_back(static_cast<double>(i + 1));
        t.push_back(2000 + s);
        y.push_back(ys);
        x.push_back(xs);
      }
      xl = xs;
      yl = ys;
    }
  }
  Frame f;
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("year", t));
  f.set(Column::numeric("y", y));
  f.set(Column::numeric("x", x));
  return f;
}

GmmResult fit(const Frame& f, GmmModel model, int steps, bool collapse = false) {
  GmmSpec s;
  // x carries the unit effect, so in system GMM it cannot instrument the levels equation itself:
  // its differences do (GMM-style instruments of x), while x stays strictly exogenous in differences.
  s.formula = model == GmmModel::System ? "y ~ l(y, 1) + x | l(y, 2:99) + l(x, 0:99)" : "y ~ l(y, 1) + x | l(y, 2:99)";
  s.unit = "id";
  s.time = "year";
  s.layout.model = model;
  s.layout.collapse = collapse;
  s.steps = steps;
  return gmm(f, s);
}

}  // namespace

TEST(GmmSimulation, RecoversRhoAndBeta) {
  const Frame f = dynamic_panel(1000, 8, 20240601);
  for (GmmModel model : {GmmModel::Difference, GmmModel::System})
    for (int steps : {1, 2})
      for (bool collapse : {false, true}) {
        SCOPED_TRACE(::testing::Message() << (model == GmmModel::System ? "system" : "difference") << " steps " << steps << " collapse " << collapse);
        const GmmResult g = fit(f, model, steps, collapse);
        const RegressionResult& r = g.model;
        const Eigen::VectorXd se = r.se();
        ASSERT_EQ(r.terms[0], "l(y, 1)");
        ASSERT_EQ(r.terms[1], "x");
        EXPECT_LT(std::fabs(r.coef[0] - kRho), std::max(0.05, 3 * se[0])) << r.coef[0] << " se " << se[0];
        EXPECT_LT(std::fabs(r.coef[1] - kBeta), std::max(0.05, 3 * se[1])) << r.coef[1] << " se " << se[1];
        EXPECT_LT(se[0], 0.1);
        // differenced iid errors are MA(1): AR(1) found, AR(2) not
        EXPECT_LT(r.tests.at("ar1").stat, -3);
        EXPECT_GT(r.tests.at("ar2").p_value, 0.01);
        EXPECT_GT(r.tests.at("hansen").p_value, 0.01);
      }
}

TEST(GmmSimulation, SystemGmmIsMorePreciseThanDifferenceGmm) {
  // Blundell and Bond (1998): the levels equation adds information, most when rho is large.
  const Frame f = dynamic_panel(1000, 8, 7);
  const GmmResult d = fit(f, GmmModel::Difference, 2), s = fit(f, GmmModel::System, 2);
  EXPECT_LT(s.model.se()[0], d.model.se()[0]);
  EXPECT_GT(s.nobs_level, 0u);
  EXPECT_EQ(d.nobs_level, 0u);
  EXPECT_EQ(d.model.nobs, 1000u * 6u);   // periods 3..8 of the differenced equation
}

TEST(GmmSimulation, LevelLagRulesAgreeWhenGmmLagsStartAtTwo) {
  // xtabond2 instruments the levels with Delta x_{t-a+1}, pgmm with Delta x_{t-1}: the same for a = 2.
  const Frame f = dynamic_panel(200, 6, 3);
  GmmSpec s;
  s.formula = "y ~ l(y, 1) + x | l(y, 2:4)";
  s.unit = "id";
  s.time = "year";
  s.layout.model = GmmModel::System;
  const GmmResult a = gmm(f, s);
  s.layout.level_lag = LevelLag::Xtabond2;
  const GmmResult b = gmm(f, s);
  EXPECT_NEAR((a.model.coef - b.model.coef).norm(), 0, 1e-12);
  s.formula = "y ~ l(y, 1) + x | l(y, 3:4)";
  const GmmResult c = gmm(f, s);
  s.layout.level_lag = LevelLag::Pgmm;
  const GmmResult d = gmm(f, s);
  EXPECT_GT((c.model.coef - d.model.coef).norm(), 1e-6);
}

TEST(GmmFormula, ExpandsLagRangesAndPointsAtErrors) {
  const GmmFormula g = parse_gmm_formula("log(y) ~ lag(log(y), 1:2) + l(x, 0:1) + z | l(log(y), 2:99) | z + l(w, 1)");
  ASSERT_EQ(g.regressors.size(), 5u);
  EXPECT_EQ(g.regressors[0].text, "l(log(y), 1)");
  EXPECT_EQ(g.regressors[1].lag, 2);
  EXPECT_EQ(g.regressors[2].text, "x");
  EXPECT_EQ(g.regressors[3].text, "l(x, 1)");
  EXPECT_EQ(g.max_regressor_lag(), 2);
  ASSERT_EQ(g.gmm.size(), 1u);
  EXPECT_EQ(g.gmm[0].variable, "log(y)");
  EXPECT_EQ(g.gmm[0].max_lag, 99);
  ASSERT_EQ(g.iv.size(), 2u);
  EXPECT_TRUE(g.iv_given);
  // without a third part the standard instruments are the regressors without GMM-style instruments
  const GmmFormula d = parse_gmm_formula("y ~ l(y, 1) + x + l(x, 1) | l(y, 2:99)");
  ASSERT_EQ(d.iv.size(), 2u);
  EXPECT_EQ(d.iv[1].text, "l(x, 1)");
  EXPECT_THROW(parse_gmm_formula("y ~ l(y, 1) + x"), FormulaError);
  EXPECT_THROW(parse_gmm_formula("y ~ l(y, 1) | y"), FormulaError);
  EXPECT_THROW(parse_gmm_formula("y ~ l(y, 3:1) | l(y, 2:99)"), FormulaError);
  try {
    parse_gmm_formula("y ~ l(y, 1) + x | l(y, 2:99) + w");
    FAIL() << "no error";
  } catch (const FormulaError& e) {
    EXPECT_NE(std::string(e.what()).find("position 32"), std::string::npos) << e.what();
  }
}
