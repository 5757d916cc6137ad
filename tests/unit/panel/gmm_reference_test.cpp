// Dynamic-panel GMM against R plm 2.6's pgmm on EmplUK (tests/reference/panel/gmm.R): Arellano-Bond
// (1991) table 4 difference GMM, Blundell-Bond (1998) system GMM, one- and two-step, collapsed
// instruments, individual effects, iv-style instruments. Coefficients, classic and robust
// (Windmeijer) standard errors, Hansen J, AR(1)/AR(2) and the Wald tests, 1e-6 relative.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/panel/gmm.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-10, std::fabs(b))) << what << ": " << a << " vs " << b;
}

GmmSpec spec_of(const nlohmann::json& m, bool robust) {
  GmmSpec s;
  s.formula = m["formula"];
  s.unit = "firm";
  s.time = "year";
  const auto& o = m["options"];
  s.layout.model = o["model"] == "system" ? GmmModel::System : GmmModel::Difference;
  s.layout.collapse = o.value("collapse", false);
  s.layout.time_effects = o.value("effect", std::string("twoways")) == "twoways";
  s.steps = o["steps"];
  s.robust = robust;
  return s;
}

void expect_test(const RegressionResult& r, const nlohmann::json& ref, const std::string& key) {
  ASSERT_TRUE(r.tests.count(key)) << key;
  const TestResult& t = r.tests.at(key);
  expect_rel(t.stat, ref[key]["stat"].get<double>(), key + " stat");
  expect_rel(t.p_value, ref[key]["p"].get<double>(), key + " p", 1e-5);
  if (ref[key]["df"].is_number()) EXPECT_EQ(t.df1, ref[key]["df"].get<double>()) << key;
}


// EmplUK's firms and years, collapsed instruments, no time effects.
GmmSpec collapsed_by_firm(const std::string& formula) {
  GmmSpec s;
  s.formula = formula;
  s.unit = "firm";
  s.time = "year";
  s.layout.collapse = true;
  s.layout.time_effects = false;
  return s;
}
}  // namespace

TEST(GmmReference, PgmmEmplUK) {
  const auto fx = reference_fixture("panel_gmm.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/empluk.csv");
  size_t checked = 0;
  for (const auto& m : fx["models"]) {
    SCOPED_TRACE(m["id"].get<std::string>());
    for (bool robust : {false, true}) {
      const GmmResult g = gmm(f, spec_of(m, robust));
      const RegressionResult& r = g.model;
      ASSERT_EQ(r.coef.size(), static_cast<long>(m["coef"].size()));
      const auto& se = m[robust ? "se_robust" : "se_classic"];
      const Eigen::VectorXd s = r.se();
      for (long j = 0; j < r.coef.size(); ++j) {
        const std::string name = m["terms"][static_cast<size_t>(j)].get<std::string>() + " (" + r.terms[static_cast<size_t>(j)] + ")";
        expect_rel(r.coef[j], m["coef"][static_cast<size_t>(j)].get<double>(), name + " coef");
        expect_rel(s[j], se[static_cast<size_t>(j)].get<double>(), name + (robust ? " robust se" : " classic se"));
      }
      ASSERT_TRUE(r.tests.count("hansen"));
      expect_rel(r.tests.at("hansen").stat, m["sargan"]["stat"].get<double>(), "Hansen J (pgmm sargan)");
      expect_rel(r.tests.at("hansen").p_value, m["sargan"]["p"].get<double>(), "Hansen J p", 1e-5);
      EXPECT_EQ(r.tests.at("hansen").df1, m["sargan"]["df"].get<double>());
      const auto& tests = m[robust ? "robust" : "classic"];
      for (const char* key : {"ar1", "ar2", "wald_coef", "wald_time"})
        if (tests.contains(key)) expect_test(r, tests, key);
      EXPECT_EQ(r.tests.count("wald_time"), tests.contains("wald_time") ? 1u : 0u);
      EXPECT_EQ(r.nobs, m["nobs"].get<size_t>());
      if (spec_of(m, robust).layout.model == GmmModel::Difference) {   // every row used or counted as dropped
        size_t dropped = 0;
        for (const auto& [why, n] : r.dropped) dropped += n;
        EXPECT_EQ(r.nobs + dropped, f.nrows());
      }
      EXPECT_EQ(g.n_instruments, m["n_instruments"].get<size_t>());
      EXPECT_EQ(g.n_units, m["n_units"].get<size_t>());
    }
    ++checked;
  }
  EXPECT_EQ(checked, 9u);
}

// A GMM-style variable whose lags start after the first differenced period (wage from lag 3, the
// differenced equation from period 2): no instrument for period s while s < 3, as xtabond2 (the
// column count wrapped around and the instruments were written outside their matrix: a crash).
// Reference: tests/reference/panel/gmm_late_lags.R (pgmm on a pre-lagged wage).
TEST(GmmReference, LagsStartingAfterTheFirstDifferencedPeriod) {
  const auto fx = reference_fixture("panel_gmm_late_lags.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/empluk.csv");
  for (const std::string steps : {"onestep", "twosteps"}) {
    SCOPED_TRACE(steps);
    const auto& m = fx[steps];
    GmmSpec s;
    s.formula = "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:99) + l(log(wage), 3:99)";
    s.unit = "firm";
    s.time = "year";
    s.steps = steps == "twosteps" ? 2 : 1;
    s.robust = true;
    const GmmResult g = gmm(f, s);
    const RegressionResult& r = g.model;
    ASSERT_EQ(r.coef.size(), static_cast<long>(m["coef"].size()));
    const Eigen::VectorXd se = r.se();
    for (long j = 0; j < r.coef.size(); ++j) {
      expect_rel(r.coef[j], m["coef"][static_cast<size_t>(j)].get<double>(), r.terms[static_cast<size_t>(j)] + " coef");
      expect_rel(se[j], m["se_robust"][static_cast<size_t>(j)].get<double>(), r.terms[static_cast<size_t>(j)] + " robust se");
    }
    expect_rel(r.tests.at("hansen").stat, m["hansen"].get<double>(), "Hansen J");
    EXPECT_EQ(r.tests.at("hansen").df1, m["hansen_df"].get<double>());
    expect_rel(r.tests.at("ar1").stat, m["ar1"].get<double>(), "AR(1)");
    expect_rel(r.tests.at("ar2").stat, m["ar2"].get<double>(), "AR(2)");
    EXPECT_EQ(g.n_instruments, m["n_instr"].get<size_t>());
  }
  // System GMM on the same lags runs, and lags starting beyond the panel are refused by name.
  GmmSpec sys;
  sys.formula = "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:99) + l(log(wage), 3:99)";
  sys.unit = "firm";
  sys.time = "year";
  sys.layout.model = GmmModel::System;
  EXPECT_TRUE(std::isfinite(gmm(f, sys).model.coef[0]));
  sys.formula = "log(emp) ~ l(log(emp), 1) + log(wage) | l(log(emp), 2:99) + l(log(wage), 12:99)";
  sys.layout.collapse = true;
  EXPECT_THROW(gmm(f, sys), SpecError);
  // Exactly identified (one collapsed instrument, one coefficient): Hansen's J has no p-value.
  const GmmResult e = gmm(f, collapsed_by_firm("log(emp) ~ l(log(emp), 1) | l(log(emp), 2:2)"));
  EXPECT_EQ(e.n_instruments, 1u);
  EXPECT_EQ(e.model.tests.at("hansen").df1, 0);
  EXPECT_TRUE(std::isnan(e.model.tests.at("hansen").p_value));
}

TEST(GmmArTest, ANonPositiveVarianceGivesNoStatisticAndSaysWhy) {
  // EmplUK, one-step difference GMM with collapsed instruments, unit effects only, classic variance:
  // AR(2)'s estimated variance is negative (pgmm's mtest gives NaN); AR(1) is pgmm's -2.8428.
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/empluk.csv");
  GmmSpec s = collapsed_by_firm("log(emp) ~ l(log(emp), 1:2) + l(log(output), 0:1) + log(capital) | l(log(emp), 2:5)");
  s.robust = false;
  const GmmResult g = gmm(f, s);
  EXPECT_NEAR(g.model.tests.at("ar1").stat, -2.8428, 1e-4);
  const TestResult& ar2 = g.model.tests.at("ar2");
  EXPECT_TRUE(std::isnan(ar2.stat) && std::isnan(ar2.p_value));
  EXPECT_NE(ar2.note.find("AR(2) not computable: its estimated variance is"), std::string::npos) << ar2.note;
}
