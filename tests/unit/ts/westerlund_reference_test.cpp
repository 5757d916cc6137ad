// Westerlund's Gt, Ga, Pt, Pa against tests/reference/ts/westerlund.R (the paper's eq. 2 and 8-11
// written out in R, long-run variances by sandwich) on plm's Produc and Grunfeld: raw and standardized
// statistics, p-values, each unit's alpha, alpha(1), lags and leads; fixed, AIC and BIC orders,
// intercepts and trends or no deterministic terms, one and two regressors. The bootstrap gives the same p-values with one
// thread or two.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/westerlund_bootstrap.hpp"
#include "cbec/estimate/ts/westerlund_moments.hpp"
#include "cointegration_cases.hpp"

using namespace cbec;
using cbec::testing::expect_rel;

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json j = reference_fixture("ts_westerlund.json");
  return j;
}

CointegrationData case_data(const nlohmann::json& c) { return cbec::testing::cointegration_case(c); }

EcmLagChoice choice(const nlohmann::json& c) {
  EcmLagChoice e;
  e.rule = c["lag_rule"];
  e.lags = c["lags"];
  e.leads = c["leads"];
  e.max_lags = c["max_lags"];
  e.max_leads = c["max_leads"];
  return e;
}

LongRunSpec spec(const nlohmann::json& c) {
  const std::string bw = c["bandwidth"].is_number() ? std::to_string(c["bandwidth"].get<double>()) : c["bandwidth"].get<std::string>();
  return parse_long_run_spec(c["kernel"], bw);
}

}  // namespace

TEST(Westerlund, MatchesTheRReferenceOnProducAndGrunfeld) {
  for (const auto& c : fixture()["cases"]) {
    const std::string id = c["id"];
    const WesterlundResult r = westerlund_test(case_data(c), choice(c), spec(c));
    ASSERT_EQ(r.statistics.size(), 4u) << id;
    for (size_t j = 0; j < 4; ++j) {
      const std::string what = id + " " + r.statistics[j].name;
      expect_rel(r.statistics[j].raw, c["raw"][j], what + " raw");
      expect_rel(r.statistics[j].stat, c["stat"][j], what + " z");
      expect_rel(r.statistics[j].p_value, c["p_value"][j], what + " p-value");
    }
    ASSERT_EQ(r.units.size(), c["alpha"].size()) << id;
    for (size_t i = 0; i < r.units.size(); ++i) {
      expect_rel(r.units[i].alpha, c["alpha"][i], id + " alpha");
      expect_rel(r.units[i].alpha1, c["alpha1"][i], id + " alpha(1)");
      EXPECT_EQ(r.units[i].lags, c["unit_lags"][i].get<int>()) << id << " unit " << i;
      EXPECT_EQ(r.units[i].leads, c["unit_leads"][i].get<int>()) << id << " unit " << i;
    }
  }
}

TEST(Westerlund, BootstrapIsTheSameForAnyThreadCount) {
  const nlohmann::json& c = fixture()["cases"][2];
  const CointegrationData d = case_data(c);
  WesterlundResult one = westerlund_test(d, choice(c), spec(c)), two = one;
  westerlund_bootstrap(d, one, spec(c), 49, 2007, 1);
  westerlund_bootstrap(d, two, spec(c), 49, 2007, 2);
  for (size_t j = 0; j < 4; ++j) {
    EXPECT_EQ(one.statistics[j].boot_p_value, two.statistics[j].boot_p_value) << one.statistics[j].name;
    EXPECT_GE(one.statistics[j].boot_p_value, 0.0);
    EXPECT_LE(one.statistics[j].boot_p_value, 1.0);
  }
  EXPECT_EQ(one.bootstrap, 49);
}

TEST(Westerlund, RefusesWhatItCannotTest) {
  EXPECT_THROW(westerlund_moments(7, Deterministic::Constant), SpecError);
  const nlohmann::json& c = fixture()["cases"][2];
  EcmLagChoice many = choice(c);
  many.lags = 6;
  many.leads = 6;   // Grunfeld's 20 periods leave too few rows
  EXPECT_THROW(westerlund_test(case_data(c), many, spec(c)), DataError);
}

// AIC and BIC choose among the ECMs the fit accepts (K + 2 rows at least): with a large maximum
// on Grunfeld's 20 periods the criterion picked a near-saturated ECM that the fit then refused.
TEST(Westerlund, InformationCriteriaSkipTheEcmsTheFitRefuses) {
  const nlohmann::json& c = fixture()["cases"][2];
  EcmLagChoice wide = choice(c);
  wide.rule = "aic";
  wide.max_lags = 3;
  wide.max_leads = 3;
  const WesterlundResult r = westerlund_test(case_data(c), wide, spec(c));
  for (const auto& u : r.units) EXPECT_LE(u.lags + u.leads, 6) << u.unit;
  EXPECT_TRUE(std::isfinite(r.statistics[0].stat));
}
