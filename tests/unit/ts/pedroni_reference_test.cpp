// Pedroni's seven panel cointegration statistics against tests/reference/ts/pedroni.R (Pedroni 1999
// Table 1 written out in R, long-run variances by sandwich) on plm's Produc and Grunfeld: raw and
// standardized statistics, p-values and each unit's ADF lags; fixed, AIC and BIC lags, intercepts and
// trends, one and two regressors, cross-sectional demeaning, three kernels.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/cross_section_demean.hpp"
#include "cbec/estimate/ts/pedroni.hpp"
#include "cbec/estimate/ts/pedroni_moments.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json j = [] {
    std::ifstream in(std::string(CBEC_FIXTURES) + "/ts_pedroni.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

void expect_rel(double got, double want, const std::string& what) {
  EXPECT_NEAR(got, want, 1e-6 * std::max(1e-12, std::abs(want))) << what << ": " << got << " vs " << want;
}

CointegrationData case_data(const nlohmann::json& c) {
  const bool produc = c["unit"] == "state";
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + (produc ? "/produc.csv" : "/grunfeld.csv"));
  // Produc's reference uses the logs of gsp, pc, emp (named lgsp, lpc, lemp there)
  auto column = [&](const std::string& v) { return produc ? v.substr(1) : v; };
  std::vector<std::string> x;
  for (const auto& v : c["x"]) x.push_back(column(v.get<std::string>()));
  CointegrationData d = cointegration_data(f, c["unit"], "year", column(c["y"]), x, c["trend"], produc);
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
  const PedroniMoments m = pedroni_moments(2, false);
  EXPECT_DOUBLE_EQ(m.mean[0], 11.754);
  EXPECT_DOUBLE_EQ(m.variance[4], 51.49);
  EXPECT_EQ(m.mean[2], m.mean[3]);
  EXPECT_EQ(m.variance[5], m.variance[6]);
  EXPECT_FALSE(m.simulated);
  EXPECT_TRUE(pedroni_moments(1, true).simulated);
  EXPECT_DOUBLE_EQ(pedroni_moments(7, true).mean[6], -4.217);
  EXPECT_THROW(pedroni_moments(8, false), SpecError);
}

TEST(Pedroni, RefusesUnbalancedPanels) {
  const nlohmann::json& c = fixture()["cases"][0];
  CointegrationData d = case_data(c);
  d.yi[0] = d.yi[0].tail(d.yi[0].size() - 1).eval();
  d.xi[0] = d.xi[0].bottomRows(d.xi[0].rows() - 1).eval();
  d.first_time[0] += 1;
  EXPECT_THROW(pedroni_test(d, parse_lag_choice("1", -1), parse_long_run_spec("bartlett", "nw")), DataError);
}
