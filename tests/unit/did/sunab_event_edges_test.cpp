// Sun-Abraham's aggregation and the event study's pre-trend test against fixest in the cases
// tests/reference/did/sunab_event_edges.R covers: cohort shares counted over the estimation sample
// (rows with missing values left out) and weighted by the observation weights; a cohort treated
// before the sample's start (a reference under the fixest rule, left out by default); the pre-trend
// test over every lead when the reference is not -1; units first treated after the sample named.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("did_sunab_event_edges.json");
}

void expect_rel(double a, const nlohmann::json& b, const std::string& what) {
  const double v = b.get<double>();
  EXPECT_NEAR(a, v, 1e-6 * std::max(1e-8, std::fabs(v))) << what << ": " << a << " vs " << v;
}

// staggered_small.csv with `change` applied to each row's (id, year, first_treat, x, y, w) as the R script does.
template <class F>
Frame changed(F change) {
  const Frame base = read_csv(std::string(CBEC_TEST_DATA) + "/staggered_small.csv");
  std::vector<double> g = base.numeric("first_treat"), x = base.numeric("x"), y = base.numeric("y"), w(base.nrows());
  for (size_t i = 0; i < base.nrows(); ++i) change(static_cast<int>(base.numeric("id")[i]), static_cast<int>(base.numeric("year")[i]), g[i], x[i], y[i], w[i]);
  Frame f = base;
  f.set(Column::numeric("first_treat", g));
  f.set(Column::numeric("x", x));
  f.set(Column::numeric("y", y));
  f.set(Column::numeric("w", w));
  return f;
}

void expect_matches(const SunAbrahamResult& sa, const nlohmann::json& fx) {
  EXPECT_EQ(sa.model.nobs, fx["nobs"].get<size_t>());
  size_t checked = 0;
  for (const auto& p : sa.periods) {
    if (p.reference) continue;
    const std::string rel = std::to_string(p.rel);
    ASSERT_TRUE(fx["coef"].contains(rel)) << rel;
    expect_rel(p.estimate, fx["coef"][rel], "rel " + rel);
    expect_rel(p.se, fx["se"][rel], "rel " + rel + " SE");
    ++checked;
  }
  EXPECT_EQ(checked, fx["coef"].size());
  expect_rel(sa.att, fx["att"], "ATT");
  expect_rel(sa.att_se, fx["att_se"], "ATT SE");
}
}  // namespace

TEST(SunAbrahamEdges, SharesOverTheEstimationSample) {
  const Frame f = changed([](int id, int year, double&, double& x, double& y, double&) {
    if (id % 7 == 0 && year == 2015) y = NAN;
    if (id % 11 == 0 && year == 2013) x = NAN;
  });
  expect_matches(sun_abraham(f, test::staggered_spec()), fixture()["sunab_missing"]);
}

TEST(SunAbrahamEdges, SharesWeightedByTheObservationWeights) {
  const Frame f = changed([](int id, int, double&, double&, double&, double& w) { w = 1 + (id % 5) / 4.0; });
  StaggeredSpec s = test::staggered_spec();
  s.weights = "w";
  expect_matches(sun_abraham(f, s), fixture()["sunab_weighted"]);
}

TEST(SunAbrahamEdges, CohortTreatedBeforeTheSample) {
  const Frame f = changed([](int id, int, double& g, double&, double&, double&) {
    if (id % 9 == 0 && g > 0) g = 2009;
  });
  SunAbrahamOptions fixest_rule;
  fixest_rule.control = "fixest";
  expect_matches(sun_abraham(f, test::staggered_spec(), fixest_rule), fixture()["sunab_always_fixest"]);
  // the default leaves its units out: the same as fitting without them
  const SunAbrahamResult by_default = sun_abraham(f, test::staggered_spec());
  EXPECT_EQ(by_default.always_treated, std::vector<double>{2009});
  std::vector<size_t> rows;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (f.numeric("first_treat")[i] != 2009) rows.push_back(i);
  const SunAbrahamResult without = sun_abraham(f.take(rows), test::staggered_spec());
  EXPECT_EQ(by_default.model.nobs, without.model.nobs);
  EXPECT_DOUBLE_EQ(by_default.att, without.att);
}

TEST(EventStudyEdges, PretrendCoversEveryLeadButTheReference) {
  const auto fx = fixture()["event_ref_minus2"];
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/staggered_small.csv");
  EventStudyOptions o;
  o.min_rel = -4;
  o.max_rel = 3;
  o.ref = -2;
  const EventStudyResult es = event_study(f, test::staggered_spec(), o);
  EXPECT_EQ(es.pretrend.df1, fx["df1"].get<double>());
  expect_rel(es.pretrend.stat, fx["stat"], "pre-trend Wald F");
}

TEST(EventStudyEdges, UnitsTreatedAfterTheSampleAreNamed) {
  // first_treatment() counts them as never treated; the event study's table names them.
  const Frame f = changed([](int id, int, double& g, double&, double&, double&) {
    if (id == 9 || id == 18) g = 2025;
  });
  const TreatedAfterSample late = treated_after_sample(f, test::staggered_spec());
  EXPECT_EQ(late.units, (std::vector<std::string>{"9", "18"}));
  EXPECT_EQ(late.last_period, 2020);
  const std::vector<double> g = first_treatment(f, test::staggered_spec());
  for (size_t i = 0; i < f.nrows(); ++i)
    if (f.numeric("id")[i] == 9) EXPECT_TRUE(std::isnan(g[i]));
}
