// Pedroni's seven panel cointegration statistics against tests/reference/ts/pedroni.R (Pedroni 1999
// Table 1 written out in R, long-run variances by sandwich) on plm's Produc and Grunfeld: raw and
// standardized statistics, p-values and each unit's ADF lags; fixed, AIC and BIC lags, intercepts and
// trends or neither, one and two regressors, cross-sectional demeaning, three kernels.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/cross_section_demean.hpp"
#include "cbec/estimate/ts/pedroni.hpp"
#include "cbec/estimate/ts/pedroni_moments.hpp"
#include "cointegration_cases.hpp"

using namespace cbec;
using cbec::testing::expect_rel;

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json j = reference_fixture("ts_pedroni.json");
  return j;
}

CointegrationData case_data(const nlohmann::json& c) {
  const CointegrationData d = cbec::testing::cointegration_case(c);
  return c["demean"].get<bool>() ? cross_section_demeaned(d) : d;
}

}  // namespace

TEST(Pedroni, MatchesTheRReferenceOnProducAndGrunfeld) {
  for (const auto& c : fixture()["cases"]) {
    const std::string id = c["id"];
    const std::string bw = c["bandwidth"].is_number() ? std::to_string(c["bandwidth"].get<double>()) : c["bandwidth"].get<std::string>();
    const std::string rule = c["lag_rule"];
    const LagChoice lags = parse_lag_choice(rule == "fixed" ? std::to_string(c["lags"].get<int>()) : rule, c["max_lags"].is_number() ? c["max_lags"].get<int>() : -1);
    const PedroniResult r = pedroni_test(case_data(c), lags, parse_long_run_spec(c["kernel"], bw));
    ASSERT_EQ(r.statistics.size(), 7u) << id;
    for (size_t j = 0; j < 7; ++j) {
      const std::string what = id + " " + r.statistics[j].name;
      expect_rel(r.statistics[j].raw, c["raw"][j], what + " raw");
      expect_rel(r.statistics[j].stat, c["stat"][j], what + " standardized");
      expect_rel(r.statistics[j].p_value, c["p_value"][j], what + " p-value");
    }
    ASSERT_EQ(r.units.size(), c["unit_lags"].size()) << id;
    for (size_t i = 0; i < r.units.size(); ++i) EXPECT_EQ(r.units[i].lags, c["unit_lags"][i].get<int>()) << id << " unit " << i;
  }
}

TEST(Pedroni, MomentsFollowTheTable) {
  // Pedroni (1999, Table 2), two regressors with intercepts; the ADF t share the PP t moments
  const PedroniMoments m = pedroni_moments(2, Deterministic::Constant);
  EXPECT_DOUBLE_EQ(m.mean[0], 11.754);
  EXPECT_DOUBLE_EQ(m.variance[4], 51.49);
  EXPECT_EQ(m.mean[2], m.mean[3]);
  EXPECT_EQ(m.variance[5], m.variance[6]);
  EXPECT_FALSE(m.simulated);
  EXPECT_TRUE(pedroni_moments(1, Deterministic::Trend).simulated);
  EXPECT_DOUBLE_EQ(pedroni_moments(7, Deterministic::Trend).mean[6], -4.217);
  EXPECT_THROW(pedroni_moments(8, Deterministic::Constant), SpecError);
}

TEST(Pedroni, RefusesUnbalancedPanels) {
  const nlohmann::json& c = fixture()["cases"][0];
  CointegrationData d = case_data(c);
  d.yi[0] = d.yi[0].tail(d.yi[0].size() - 1).eval();
  d.xi[0] = d.xi[0].bottomRows(d.xi[0].rows() - 1).eval();
  d.first_time[0] += 1;
  EXPECT_THROW(pedroni_test(d, parse_lag_choice("1", -1), parse_long_run_spec("bartlett", "nw")), DataError);
}
