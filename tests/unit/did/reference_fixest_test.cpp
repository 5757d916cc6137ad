// TWFE DID, event study and Sun-Abraham against fixest (tests/reference/did/fixest_event.R).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("did_fixest_event.json");
}
void expect_rel(double a, double b, double tol = 1e-6) { EXPECT_NEAR(a, b, tol * std::max(1e-8, std::fabs(b))) << a << " vs " << b; }
StaggeredSpec small_spec() { return test::staggered_spec(); }
}  // namespace

TEST(ReferenceFixest, TwfeDidAndEventStudy) {
  auto fx = fixture();
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/staggered_small.csv");
  RegressionResult tw = twfe_did(f, small_spec());
  for (const char* term : {"did", "x"}) {
    long j = tw.find(term);
    ASSERT_GE(j, 0);
    expect_rel(tw.coef[j], fx["twfe"]["coef"][term]);
    expect_rel(tw.se()[j], fx["twfe"]["se"][term]);
    expect_rel(tw.p_value()[j], fx["twfe"]["p_value"][term], 1e-5);
  }
  EventStudyOptions o;
  o.min_rel = -4;
  o.max_rel = 3;
  EventStudyResult es = event_study(f, small_spec(), o);
  size_t checked = 0;
  for (const auto& p : es.periods) {
    if (p.reference) continue;
    const std::string name = "rel::" + std::to_string(p.rel);
    expect_rel(p.estimate, fx["event"]["coef"][name]);
    expect_rel(p.se, fx["event"]["se"][name]);
    expect_rel(p.p_value, fx["event"]["p_value"][name], 1e-5);
    ++checked;
  }
  EXPECT_EQ(checked, 7u);
  // Same Wald statistic; fixest's wald() uses n-K denominator df, cbec the vcov's (G-1).
  expect_rel(es.pretrend.stat, fx["event"]["pretrend"]["stat"]);
}

TEST(ReferenceFixest, SunAbrahamOnBaseStagg) {
  auto fx = fixture()["sunab"];
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/base_stagg.csv");
  StaggeredSpec s;
  s.y = "y";
  s.unit = "id";
  s.time = "year";
  s.first_treat = "year_treated";
  s.controls = {"x1"};
  SunAbrahamResult sa = sun_abraham(f, s);
  EXPECT_EQ(sa.control_cohort, "never treated");
  EXPECT_EQ(sa.model.nobs, fx["nobs"].get<size_t>());
  size_t checked = 0;
  for (const auto& p : sa.periods) {
    if (p.reference) continue;
    const std::string name = "year::" + std::to_string(p.rel);
    ASSERT_TRUE(fx["coef"].contains(name)) << name;
    expect_rel(p.estimate, fx["coef"][name]);
    expect_rel(p.se, fx["se"][name]);
    ++checked;
  }
  EXPECT_GE(checked, 15u);
  expect_rel(sa.att, fx["att"]);
  expect_rel(sa.att_se, fx["att_se"]);
  expect_rel(sa.model.coef[sa.model.find("x1")], fx["x1"]);
}

// Issue 13, item 7: without never-treated units fixest::sunab interacts every cohort and drops the
// cells collinear with the fixed effects; SunAbrahamOptions::control = "fixest" does the same.
// Reference: tests/reference/did/sunab_no_never.R (an explicit lm() reproducing fixest, checked
// against fixest 0.12.1 output with never-treated units; fixest itself could not be built here).
TEST(ReferenceFixest, SunAbrahamFixestRuleWithoutNeverTreated) {
  const auto fx = reference_fixture("did_sunab_no_never.json")["no_never_treated"];
  const Frame all = read_csv(std::string(CBEC_TEST_DATA) + "/base_stagg.csv");
  std::vector<size_t> rows;
  for (size_t i = 0; i < all.nrows(); ++i)
    if (all.numeric("year_treated")[i] != 10000) rows.push_back(i);
  const Frame f = all.take(rows);
  StaggeredSpec s;
  s.y = "y";
  s.unit = "id";
  s.time = "year";
  s.first_treat = "year_treated";
  s.controls = {"x1"};
  SunAbrahamOptions o;
  o.control = "fixest";
  const SunAbrahamResult sa = sun_abraham(f, s, o);
  EXPECT_EQ(sa.model.nobs, fx["nobs"].get<size_t>());
  EXPECT_EQ(sa.control_rule, "fixest");
  // The same collinear cells dropped (fixest's names year::rel:cohort::g, cbec's cohort::g:rel::rel).
  std::vector<std::string> dropped;
  for (const auto& name : fx["dropped_collinear"]) {
    const std::string n = name;
    const auto colon = n.find(":cohort::");
    dropped.push_back("cohort::" + n.substr(colon + 9) + ":rel::" + n.substr(6, colon - 6));
  }
  std::sort(dropped.begin(), dropped.end());
  auto collinear = sa.model.collinear;
  std::sort(collinear.begin(), collinear.end());
  EXPECT_EQ(collinear, dropped);
  size_t checked = 0;
  for (const auto& p : sa.periods) {
    if (p.reference) continue;
    const std::string key = std::to_string(p.rel);
    ASSERT_TRUE(fx["coef"].contains(key)) << key;
    expect_rel(p.estimate, fx["coef"][key]);
    expect_rel(p.se, fx["se"][key]);
    ++checked;
  }
  EXPECT_EQ(checked, fx["coef"].size());
  expect_rel(sa.att, fx["att"]);
  expect_rel(sa.att_se, fx["att_se"]);
  expect_rel(sa.model.coef[sa.model.find("x1")], fx["x1"]);
  // cbec's default rule differs here (the last cohort as control, its treated periods dropped) ...
  const SunAbrahamResult last = sun_abraham(f, s);
  EXPECT_EQ(last.control_rule, "last_cohort");
  EXPECT_EQ(last.control_cohort, "last treated (10)");
  EXPECT_GT(std::fabs(last.att - sa.att), 0.1);
  // ... and with never-treated units the two rules are the same estimator.
  const SunAbrahamResult a = sun_abraham(all, s), b = sun_abraham(all, s, o);
  expect_rel(b.att, a.att, 1e-9);
  expect_rel(b.att_se, a.att_se, 1e-9);
  o.control = "nope";
  EXPECT_THROW(sun_abraham(all, s, o), SpecError);
}
