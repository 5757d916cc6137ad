#include "cbec/estimate/ols/feols.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>
#include <random>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {
// A deterministic two-way panel: y = 1.5 x1 - 0.7 x2 + a_i + g_t + e, with x correlated with a_i.
Frame synthetic_panel(size_t units, size_t periods, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::vector<double> id, t, x1, x2, y, w;
  std::vector<double> a(units), g(periods);
  for (auto& v : a) v = N(rng);
  for (auto& v : g) v = N(rng);
  for (size_t i = 0; i < units; ++i)
    for (size_t s = 0; s < periods; ++s) {
      double u1 = N(rng) + 0.8 * a[i], u2 = N(rng) + 0.5 * g[s];
      id.push_back(static_cast<double>(i));
      t.push_back(2000.0 + static_cast<double>(s));
      x1.push_back(u1);
      x2.push_back(u2);
      y.push_back(1.5 * u1 - 0.7 * u2 + 2 * a[i] + g[s] + N(rng));
      w.push_back(0.5 + (i % 3));
    }
  Frame f;
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("year", t));
  f.set(Column::numeric("x1", x1));
  f.set(Column::numeric("x2", x2));
  f.set(Column::numeric("y", y));
  f.set(Column::numeric("w", w));
  return f;
}
}  // namespace

TEST(Feols, RecoversKnownSlopesWithTwoWayFixedEffects) {
  Frame f = synthetic_panel(2000, 10, 42);
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:id");
  RegressionResult r = feols(f, "y ~ x1 + x2 | id + year", o);
  ASSERT_EQ(r.terms, (std::vector<std::string>{"x1", "x2"}));
  EXPECT_NEAR(r.coef[0], 1.5, 4 * r.se()[0]);
  EXPECT_NEAR(r.coef[1], -0.7, 4 * r.se()[1]);
  EXPECT_LT(r.se()[0], 0.01);
  EXPECT_EQ(r.nobs, 20000u);
  EXPECT_EQ(r.info.at("absorbed_parameters"), "2009");
  EXPECT_DOUBLE_EQ(r.df_resid, 20000.0 - 2 - 2009);
  // Pooled OLS is biased by the correlated unit effects.
  RegressionResult pooled = feols(f, "y ~ x1 + x2", o);
  EXPECT_GT(std::fabs(pooled.coef[1] - 1.5), 0.3);
}

TEST(Feols, DummiesAndAbsorptionAgree) {
  Frame f = synthetic_panel(30, 6, 7);
  FeolsOptions o;
  RegressionResult absorbed = feols(f, "y ~ x1 + x2 | id + year", o);
  RegressionResult dummies = feols(f, "y ~ x1 + x2 + i(id) + i(year)", o);
  // With the intercept, i(id) and i(year) leave out their first levels as references (as fixest and
  // R's model.matrix): nothing is collinear.
  EXPECT_TRUE(dummies.collinear.empty());
  for (const char* t : {"id::1", "id::29", "year::2001", "year::2005"}) EXPECT_GE(dummies.find(t), 0) << t;
  EXPECT_LT(dummies.find("id::0"), 0);
  EXPECT_LT(dummies.find("year::2000"), 0);
  for (size_t j = 0; j < 2; ++j) {
    long k = dummies.find(absorbed.terms[j]);
    ASSERT_GE(k, 0);
    EXPECT_NEAR(absorbed.coef[static_cast<long>(j)], dummies.coef[k], 1e-9);
    EXPECT_NEAR(absorbed.se()[static_cast<long>(j)], dummies.se()[k], 1e-9);
  }
  EXPECT_NEAR(absorbed.fit.at("r2"), dummies.fit.at("r2"), 1e-10);
}

TEST(Feols, WeightsMatchReplicatedRows) {
  // Integer weights equal row replication for coefficients.
  Frame f = parse_csv("y,x,w\n1,0,1\n2,1,2\n2.5,2,1\n5,3,3\n", "w.csv");
  Frame g = parse_csv("y,x\n1,0\n2,1\n2,1\n2.5,2\n5,3\n5,3\n5,3\n", "g.csv");
  DesignOptions dw;
  dw.weights = "w";
  RegressionResult a = feols(f, "y ~ x", {}, dw);
  RegressionResult b = feols(g, "y ~ x", {});
  EXPECT_NEAR(a.coef[0], b.coef[0], 1e-12);
  EXPECT_NEAR(a.coef[1], b.coef[1], 1e-12);
}

TEST(Feols, DropsAreCountedByReason) {
  Frame f = parse_csv(
      "id,year,y,x\n1,2000,1,1\n1,2001,2,0\n1,2002,3,2\n1,2003,4,3\n1,2004,6,4\n2,2000,2,1\n2,2001,,3\n2,2002,4,5\n3,2000,3,2\n3,2002,1,1\n4,2001,5,4\n",
      "d.csv");
  DesignOptions d;
  d.panel_unit = "id";
  d.panel_time = "year";
  RegressionResult r = feols(f, "y ~ log(x) + l(x, 1)", {}, d);
  // Rows: x=0 -> log_nonpositive (1 row); first periods and the gap 2000->2002 -> lag_unavailable;
  // missing y -> missing.
  EXPECT_EQ(r.dropped.at("log_nonpositive"), 1u);
  EXPECT_EQ(r.dropped.at("missing"), 1u);
  EXPECT_EQ(r.dropped.at("lag_unavailable"), 5u);
  EXPECT_EQ(r.nobs, 4u);
}

TEST(Feols, SingletonsAndCollinearTermsAreReported) {
  Frame f = synthetic_panel(20, 5, 3);
  // Add a unit observed once and a regressor constant within units (absorbed by the unit FE).
  Frame g = f.take([&] {
    std::vector<size_t> rows;
    for (size_t i = 0; i < f.nrows(); ++i)
      if (i % 5 == 0 || f.get("id").values[i] != 0) rows.push_back(i);
    return rows;
  }());
  std::vector<double> z(g.nrows());
  for (size_t i = 0; i < g.nrows(); ++i) z[i] = g.get("id").values[i] * 2;
  g.set(Column::numeric("z", z));
  RegressionResult r = feols(g, "y ~ x1 + z | id + year", {});
  EXPECT_EQ(r.dropped.at("singletons"), 1u);
  EXPECT_EQ(r.collinear, std::vector<std::string>{"z"});
  EXPECT_EQ(r.terms, std::vector<std::string>{"x1"});
}

TEST(Feols, ACollinearTermBetweenOthersLeavesTheirEstimatesUnchanged) {
  // z (constant within units) is absorbed by the unit FE and dropped from between x1 and x2: the
  // regressors after it move left in the working matrix, and the fit must be the one without z.
  Frame g = synthetic_panel(30, 6, 11);
  std::vector<double> z(g.nrows());
  for (size_t i = 0; i < g.nrows(); ++i) z[i] = g.get("id").values[i] * 3 + 1;
  g.set(Column::numeric("z", z));
  RegressionResult with_z = feols(g, "y ~ x1 + z + x2 | id + year", {});
  RegressionResult without = feols(g, "y ~ x1 + x2 | id + year", {});
  EXPECT_EQ(with_z.collinear, std::vector<std::string>{"z"});
  ASSERT_EQ(with_z.terms, without.terms);
  for (long j = 0; j < without.coef.size(); ++j) {
    EXPECT_NEAR(with_z.coef[j], without.coef[j], 1e-12 * std::fabs(without.coef[j]));
    EXPECT_NEAR(with_z.vcov(j, j), without.vcov(j, j), 1e-12 * without.vcov(j, j));
  }
}

TEST(Feols, AnExactlyIdentifiedFitHasCoefficientsWithoutStandardErrors) {
  // Three observations, an intercept and two slopes (as fixest: estimates, NaN standard errors).
  Frame f;
  f.set(Column::numeric("y", {1.0, 3.0, 2.0}));
  f.set(Column::numeric("a", {0.0, 1.0, 2.0}));
  f.set(Column::numeric("b", {1.0, 0.0, 4.0}));
  FeolsOptions o;
  o.vcov = VcovSpec::parse("hc1");
  RegressionResult r = feols(f, "y ~ a + b", o);
  ASSERT_EQ(r.terms.size(), 3u);
  // The exact solution of 1 = c + b, 3 = c + a, 2 = c + 2a + 4b: c = 1.6, a = 1.4, b = -0.6.
  EXPECT_NEAR(r.coef[r.find("(Intercept)")], 1.6, 1e-12);
  EXPECT_NEAR(r.coef[r.find("a")], 1.4, 1e-12);
  EXPECT_NEAR(r.coef[r.find("b")], -0.6, 1e-12);
  EXPECT_EQ(r.df_resid, 0);
  for (long j = 0; j < 3; ++j) EXPECT_TRUE(std::isnan(r.vcov(j, j)));
  EXPECT_TRUE(std::isnan(r.tests.at("wald_slopes").stat));
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings.back().find("no residual degrees of freedom (3 observations for 3 parameters)"), std::string::npos) << r.warnings.back();
}

TEST(Feols, OneClusterGivesNoStandardErrorsAndCancelledScoresAreSaid) {
  // Two units with period effects, clustered by unit: each period's two demeaned rows mirror each
  // other, both clusters' score sums are 0 and the clustered SE is rounding noise (fixest prints it).
  Frame f;
  std::vector<double> id, t, x, y;
  const double xs[] = {0.3, -1.2, 0.8, 2.1, -0.4, 1.7, 0.2, -0.9, 1.1, 0.5, -1.5, 0.9};
  for (int i = 0; i < 2; ++i)
    for (int p = 0; p < 6; ++p) {
      id.push_back(i);
      t.push_back(p);
      x.push_back(xs[i * 6 + p]);
      y.push_back(0.5 * xs[i * 6 + p] + std::sin(1.0 + i * 6 + p));
    }
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("t", t));
  f.set(Column::numeric("x", x));
  f.set(Column::numeric("y", y));
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:id");
  const RegressionResult two = feols(f, "y ~ x | t", o);
  bool said = false;
  for (const auto& w : two.warnings) said = said || w.find("zero up to rounding") != std::string::npos;
  EXPECT_TRUE(said);
  // One cluster: G/(G-1) has no value; no standard errors, and why.
  Frame one = f.take({0, 1, 2, 3, 4, 5});
  const RegressionResult r = feols(one, "y ~ x", o);
  EXPECT_TRUE(std::isnan(r.vcov(0, 0)));
  said = false;
  for (const auto& w : r.warnings) said = said || w.find("one cluster of 'id' only") != std::string::npos;
  EXPECT_TRUE(said);
  // Not clustered: no such warning.
  o.vcov = VcovSpec::parse("hc1");
  for (const auto& w : feols(f, "y ~ x | t", o).warnings) EXPECT_EQ(w.find("zero up to rounding"), std::string::npos) << w;
}

TEST(Feols, UnknownVariablesPointIntoTheFormula) {
  Frame f = synthetic_panel(5, 3, 1);
  try {
    feols(f, "y ~ x1 + xx2", {});
    FAIL();
  } catch (const FormulaError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("unknown variable 'xx2'"), std::string::npos) << m;
    EXPECT_NE(m.find("Did you mean x2"), std::string::npos) << m;
    EXPECT_NE(m.find("position 10"), std::string::npos) << m;
  }
  EXPECT_THROW(feols(f, "y ~ l(x1)", {}), FormulaError);
  EXPECT_THROW(feols(f, "y ~ x1 | idd", {}), FormulaError);
}

TEST(Feols, IvRecoversTheStructuralEffect) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> N(0, 1);
  const size_t n = 20000;
  std::vector<double> y(n), x(n), z1(n), z2(n), u(n), c(n);
  for (size_t i = 0; i < n; ++i) {
    z1[i] = N(rng);
    z2[i] = N(rng);
    double v = N(rng);
    u[i] = N(rng) + 0.8 * v;  // endogeneity
    c[i] = N(rng);
    x[i] = 0.7 * z1[i] - 0.4 * z2[i] + v;
    y[i] = 1.0 + 2.0 * x[i] - 0.5 * c[i] + u[i];
  }
  Frame f;
  for (auto [name, v] : {std::pair{"y", &y}, {"x", &x}, {"z1", &z1}, {"z2", &z2}, {"c", &c}}) f.set(Column::numeric(name, *v));
  FeolsOptions o;
  o.vcov = VcovSpec::parse("hc1");
  RegressionResult iv = feols(f, "y ~ c | x ~ z1 + z2", o);
  ASSERT_EQ(iv.terms[0], "x");
  EXPECT_NEAR(iv.coef[0], 2.0, 4 * iv.se()[0]);
  EXPECT_GT(iv.tests.at("kleibergen_paap_f").stat, 1000);
  RegressionResult ols = feols(f, "y ~ x + c", o);
  EXPECT_GT(ols.coef[1] - 2.0, 0.2);  // OLS is biased upwards
}

TEST(Feols, DemeanCacheReusesColumnsAcrossModels) {
  Frame f = synthetic_panel(200, 8, 11);
  DemeanCache cache;
  FeolsOptions o;
  o.cache = &cache;
  RegressionResult a = feols(f, "y ~ x1 | id + year", o);
  RegressionResult b = feols(f, "y ~ x1 + x2 | id + year", o);
  EXPECT_EQ(cache.hits(), 2u);  // y and x1 reused
  RegressionResult c = feols(f, "y ~ x1 + x2 | id + year", FeolsOptions{});
  EXPECT_NEAR(b.coef[1], c.coef[1], 1e-14);
  EXPECT_NEAR(b.se()[1], c.se()[1], 1e-14);
}

TEST(Feols, ConsumedFrameAndStackedDesignGiveIdenticalResults) {
  // The one-model path (the frame released as the design is built, the design built as the stacked
  // matrix feols demeans in place) must agree exactly with the copying path, for OLS, FE, weights
  // and IV, and with a variable used twice and a fixed-effect variable also used as a regressor.
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:id");
  const std::vector<std::pair<std::string, std::string>> models = {
      {"y ~ x1 + x2 | id + year", ""}, {"y ~ x1 + log(x1 + 10) + x2", ""}, {"y ~ x2 + year | id", "w"},
      {"y ~ x2 | year | x1 ~ w", ""}};
  for (const auto& [formula, weights] : models) {
    Frame f = synthetic_panel(300, 6, 7);
    DesignOptions dopt;
    dopt.weights = weights;
    // Reference: the separate y/X design, fitted by copying.
    ModelSpec spec = parse_formula(formula);
    DesignOptions plain = dopt;
    plain.groups = {"id"};
    const Design d = build_design(f, spec, plain);
    ASSERT_FALSE(d.is_stacked());
    RegressionResult ref = feols(d, o);
    RegressionResult shared = feols(f, formula, o, dopt);
    RegressionResult consumed = feols(std::move(f), formula, o, dopt);
    for (const RegressionResult* r : {&shared, &consumed}) {
      ASSERT_EQ(r->terms, ref.terms) << formula;
      EXPECT_EQ(r->nobs, ref.nobs);
      for (long k = 0; k < ref.coef.size(); ++k) {
        EXPECT_EQ(r->coef[k], ref.coef[k]) << formula;
        EXPECT_EQ(r->se()[k], ref.se()[k]) << formula;
      }
      EXPECT_EQ(r->fit.at("r2"), ref.fit.at("r2")) << formula;
      EXPECT_EQ(r->fit.at("rss"), ref.fit.at("rss")) << formula;
    }
  }
}

TEST(Feols, ClusteredTwoWayFitIsTheSameBitsForAnyThreadCount) {
  // 400,000 rows: the residuals' blocks and the cluster sums' columns are shared by the threads.
  const Frame f = synthetic_panel(40000, 10, 5);
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:id");
  const int before = omp_get_max_threads();
  omp_set_num_threads(1);
  const RegressionResult one = feols(f, "y ~ x1 + x2 | id + year", o);
  omp_set_num_threads(2);
  const RegressionResult two = feols(f, "y ~ x1 + x2 | id + year", o);
  omp_set_num_threads(before);
  ASSERT_EQ(one.coef.size(), 2);
  EXPECT_EQ(one.coef, two.coef);
  EXPECT_EQ(one.vcov, two.vcov);
  EXPECT_EQ(one.fit.at("rss"), two.fit.at("rss"));
  EXPECT_NEAR(one.coef[0], 1.5, 4 * one.se()[0]);
}
