// Classic panel estimators against plm (tests/reference/panel/plm_panel.R) on Grunfeld (balanced)
// and EmplUK (unbalanced).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <random>

#include "cbec/estimate/panel/panel_models.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-8, std::fabs(b))) << what << ": " << a << " vs " << b;
}

void check_dataset(const nlohmann::json& fx, const std::string& file, const std::string& formula, const std::map<std::string, std::string>& names) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + file);
  std::map<std::string, RegressionResult> fitted;
  size_t checked = 0;
  for (const auto& m : fx["models"]) {
    const std::string id = m["id"], vc = m["vcov"];
    if (vc == "arellano") continue;  // plm's arellano HC1 factor n/(n-k) differs from CR1; see README
    SCOPED_TRACE(file + " " + id);
    PanelOptions o;
    o.unit = "firm";
    o.time = "year";
    o.vcov = VcovSpec::parse(vc == "scc" ? "dk" : "iid", "year");
    RegressionResult r = panel_model(f, formula, parse_panel_model(m["model"]), o);
    fitted[id] = r;
    EXPECT_EQ(r.nobs, m["nobs"].get<size_t>());
    for (const auto& [rname, value] : m["coef"].items()) {
      const std::string name = names.count(rname) ? names.at(rname) : rname;
      long j = r.find(name);
      ASSERT_GE(j, 0) << name;
      expect_rel(r.coef[j], value.get<double>(), name + " coef");
      expect_rel(r.se()[j], m["se"][rname].get<double>(), name + " se");
      if (m.contains("p_value")) expect_rel(r.p_value()[j], m["p_value"][rname].get<double>(), name + " p", 1e-5);
    }
    EXPECT_DOUBLE_EQ(r.df_resid, m["df_resid"].get<double>());
    if (m.contains("wald_slopes")) {  // plm's joint test of the slopes: F, or chi2 for random effects
      const auto& w = m["wald_slopes"];
      const TestResult& t = r.tests.at("wald_slopes");
      const bool chi2 = w["test"] == "Chisq";
      EXPECT_EQ(t.distribution, chi2 ? "chi2" : "F");
      expect_rel(t.stat, w["stat"].get<double>(), "slopes' Wald statistic");
      EXPECT_EQ(t.df1, chi2 ? w["df"].get<double>() : w["df"][0].get<double>());
      if (!chi2) EXPECT_EQ(t.df2, w["df"][1].get<double>());
      if (w["p"].get<double>() > 1e-300) expect_rel(t.p_value, w["p"].get<double>(), "slopes' Wald p", 1e-5);
    }
    const std::string r2key = r.fit.count("r2_within") ? "r2_within" : "r2";
    expect_rel(r.fit.at(r2key), m["r2"].get<double>(), "plm R2");
    if (m.contains("adj_r2")) expect_rel(r.fit.at("adj_r2"), m["adj_r2"].get<double>(), "plm adjusted R2");
    if (m.contains("sigma2_e")) {
      expect_rel(r.fit.at("sigma2_e"), m["sigma2_e"].get<double>(), "sigma2_e");
      expect_rel(r.fit.at("sigma2_u"), m["sigma2_u"].get<double>(), "sigma2_u");
      expect_rel(r.fit.at("theta_min"), m["theta"][0].get<double>(), "theta min");
      expect_rel(r.fit.at("theta_max"), m["theta"][1].get<double>(), "theta max");
    }
    if (m.contains("xt_r2")) {
      expect_rel(r.fit.at("r2_within_xt"), m["xt_r2"]["within"].get<double>(), "xt within R2");
      expect_rel(r.fit.at("r2_between_xt"), m["xt_r2"]["between"].get<double>(), "xt between R2");
      expect_rel(r.fit.at("r2_overall_xt"), m["xt_r2"]["overall"].get<double>(), "xt overall R2");
    }
    ++checked;
  }
  EXPECT_GE(checked, 5u);
  TestResult h = hausman(fitted.at("fe"), fitted.at("re"));
  expect_rel(h.stat, fx["hausman"]["stat"].get<double>(), "Hausman stat");
  expect_rel(h.p_value, fx["hausman"]["p"].get<double>(), "Hausman p");
  EXPECT_EQ(h.df1, fx["hausman"]["df"].get<double>());
}
}  // namespace

TEST(ReferencePlm, Grunfeld) {
  auto fx = reference_fixture("panel_plm.json");
  check_dataset(fx["grunfeld"], "grunfeld.csv", "inv ~ value + capital", {});
}

TEST(ReferencePlm, EmplUKUnbalanced) {
  auto fx = reference_fixture("panel_plm.json");
  check_dataset(fx["empluk"], "empluk.csv", "log(emp) ~ log(wage) + log(capital)", {{"lwage", "log(wage)"}, {"lcap", "log(capital)"}});
}

TEST(PanelModels, HausmanRejectsWhenEffectsAreCorrelatedWithRegressors) {
  // y = 1 + 2 x + a_i + e with x correlated (or not) with a_i: RE is consistent only without correlation.
  auto make = [](double corr, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> N(0, 1);
    std::vector<double> id, t, x, y;
    for (int i = 0; i < 300; ++i) {
      const double a = N(rng);
      for (int s = 0; s < 6; ++s) {
        const double xv = N(rng) + corr * a;
        id.push_back(i);
        t.push_back(2000 + s);
        x.push_back(xv);
        y.push_back(1 + 2 * xv + a + N(rng));
      }
    }
    Frame f;
    f.set(Column::numeric("id", id));
    f.set(Column::numeric("t", t));
    f.set(Column::numeric("x", x));
    f.set(Column::numeric("y", y));
    return f;
  };
  PanelOptions o;
  o.unit = "id";
  o.time = "t";
  for (double corr : {0.0, 1.0}) {
    Frame f = make(corr, 17);
    RegressionResult fe = panel_model(f, "y ~ x", PanelModel::Within, o);
    RegressionResult re = panel_model(f, "y ~ x", PanelModel::Random, o);
    EXPECT_NEAR(fe.coef[0], 2.0, 4 * fe.se()[0]);
    TestResult h = hausman(fe, re);
    if (corr == 0.0) {
      EXPECT_NEAR(re.coef[re.find("x")], 2.0, 4 * re.se()[re.find("x")]);
      EXPECT_GT(h.p_value, 0.01);
    } else {
      EXPECT_LT(h.p_value, 1e-6);
    }
  }
}

TEST(PanelModels, FirstDifferencesAreOfConsecutivePeriodsAndGapsAreCounted) {
  // Grunfeld without 1940 of firm 1 and 1950 of firm 2: their 1941 and 1951 follow a gap and have no
  // difference (Stata's D.), each firm's first year has none; the rest are the differences by hand.
  const Frame g = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  std::vector<size_t> rows;
  for (size_t i = 0; i < g.nrows(); ++i) {
    const double firm = g.numeric("firm")[i], year = g.numeric("year")[i];
    if (!((firm == 1 && year == 1940) || (firm == 2 && year == 1950))) rows.push_back(i);
  }
  const Frame f = g.take(rows);
  PanelOptions o;
  o.unit = "firm";
  o.time = "year";
  const RegressionResult r = panel_model(f, "inv ~ value", PanelModel::FirstDifference, o);
  EXPECT_EQ(r.dropped.at("first_period"), 10u);
  EXPECT_EQ(r.dropped.at("after_gap"), 2u);
  EXPECT_EQ(r.nobs, f.nrows() - 12);
  // OLS of the consecutive-year differences with an intercept, by hand
  std::map<std::pair<double, double>, size_t> at;
  for (size_t i = 0; i < f.nrows(); ++i) at[{f.numeric("firm")[i], f.numeric("year")[i]}] = i;
  double sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
  for (size_t i = 0; i < f.nrows(); ++i) {
    auto p = at.find({f.numeric("firm")[i], f.numeric("year")[i] - 1});
    if (p == at.end()) continue;
    const double dx = f.numeric("value")[i] - f.numeric("value")[p->second], dy = f.numeric("inv")[i] - f.numeric("inv")[p->second];
    sx += dx, sy += dy, sxx += dx * dx, sxy += dx * dy, m += 1;
  }
  expect_rel(r.coef[r.find("value")], (sxy - sx * sy / m) / (sxx - sx * sx / m), "slope of the differences");
}
