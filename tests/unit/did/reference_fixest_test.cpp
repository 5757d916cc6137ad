// TWFE DID, event study and Sun-Abraham against fixest (tests/reference/did/fixest_event.R).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  std::ifstream in(std::string(CBEC_FIXTURES) + "/did_fixest_event.json");
  return nlohmann::json::parse(in);
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
