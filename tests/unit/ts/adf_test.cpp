// ADF regressions, lag selection and MacKinnon p-values / critical values against statsmodels'
// adfuller (tests/reference/ts/adf_statsmodels.py) on Produc.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/mackinnon.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
void expect_rel(double got, double want, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(got, want, tol * std::max(1.0, std::abs(want))) << what;
}
Eigen::VectorXd state_series(const Frame& f, const std::string& state, const std::string& var, bool logs) {
  const Column& s = f.get("state");
  const auto& x = f.numeric(var);
  std::vector<double> v;
  for (size_t r = 0; r < f.nrows(); ++r)
    if (s.text(r) == state) v.push_back(logs ? std::log(x[r]) : x[r]);   // the file is sorted by state, year
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<long>(v.size()));
}
}  // namespace

TEST(Adf, MatchesStatsmodelsAdfuller) {
  const auto fx = reference_fixture("ts_adf_statsmodels.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  ASSERT_EQ(fx["cases"].size(), 72u);
  for (const auto& c : fx["cases"]) {
    const std::string what = c["state"].get<std::string>() + " " + c["variable"].get<std::string>() + " " + c["deterministic"].get<std::string>() +
                             " lags " + c["lags"].get<std::string>();
    const Eigen::VectorXd y = state_series(f, c["state"], c["variable"], c["variable"] == "gsp");
    const AdfResult r = adf_test(y, parse_deterministic(c["deterministic"]), parse_lag_choice(c["lags"], c["max_lags"]), true, PApprox::MacKinnon1994);
    EXPECT_EQ(r.lags, c["used_lag"].get<int>()) << what;
    EXPECT_EQ(r.nobs, c["nobs"].get<size_t>()) << what;
    expect_rel(r.stat, c["stat"], what + " tau");
    expect_rel(r.p_value, c["p_value"], what + " p");
    for (size_t k = 0; k < 3; ++k) expect_rel(r.critical[k], c["critical"][k], what + " critical");
  }
}

TEST(MacKinnon, ResponseSurfaceEndpoints) {
  // MacKinnon (1994) Table 3: at tau = tau* both polynomials are used on either side; the
  // asymptotic 5% critical value of tau_c (-2.86154, MacKinnon 2010) has p close to 0.05.
  EXPECT_NEAR(mackinnon_p(-2.86154, Deterministic::Constant), 0.05, 2e-3);
  EXPECT_NEAR(mackinnon_p(-3.41049, Deterministic::Trend), 0.05, 2e-3);
  // outside Table 3's range [-18.83, 2.74] (tau_c) tau is held at the end: p inside (0, 1)
  EXPECT_EQ(mackinnon_p(3.5, Deterministic::Constant), mackinnon_p(2.74, Deterministic::Constant));
  EXPECT_LT(mackinnon_p(3.5, Deterministic::Constant), 1.0);
  EXPECT_GT(mackinnon_p(2.74, Deterministic::Constant), 0.999);
  EXPECT_EQ(mackinnon_p(-30.0, Deterministic::Constant), mackinnon_p(-18.83, Deterministic::Constant));
  EXPECT_GT(mackinnon_p(-30.0, Deterministic::Constant), 0.0);
  EXPECT_DOUBLE_EQ(mackinnon_critical(Deterministic::Constant)[1], -2.86154);
}

TEST(Adf, RefusesMoreLagsThanTheSeriesCarriesAsStatsmodels) {
  // statsmodels' adfuller allows maxlag <= nobs // 2 - trend terms - 1: 13 values with a trend, 3.
  Eigen::VectorXd y(13);
  double level = 0;  // a random walk from fixed draws
  long t = 0;
  for (const double e : {0.3, -1.2, 0.8, 0.1, -0.4, 1.5, -0.9, 0.6, -0.2, 1.1, -1.4, 0.5, 0.2}) y[t++] = (level += e);
  EXPECT_NO_THROW(adf_test(y, Deterministic::Trend, parse_lag_choice("aic", 3), true, PApprox::MacKinnon1994));
  EXPECT_NO_THROW(adf_test(y, Deterministic::Constant, parse_lag_choice("aic", 4), true, PApprox::MacKinnon1994));
  try {
    adf_test(y, Deterministic::Trend, parse_lag_choice("aic", 4), true, PApprox::MacKinnon1994);
    ADD_FAILURE() << "4 lags of 13 values with a trend accepted";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("at most 3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(adf_test(y, Deterministic::Trend, parse_lag_choice("4", -1), true, PApprox::MacKinnon1994), DataError);
}

// The note of a selection under Schwert's rule says the largest order it allowed: at T = 9 the rule's
// 6 is lowered to 0 (T - p - 1 >= 2 (p + 2) + 2 with a constant), at T = 100 it is 12 and kept.
TEST(Adf, SchwertBoundSaysTheOrderUsed) {
  const LagChoice aic = parse_lag_choice("aic", -1);
  const std::vector<Eigen::VectorXd> short_series{Eigen::VectorXd::LinSpaced(9, 0, 1)};
  EXPECT_EQ(default_max_lags(9, Deterministic::Constant), 0);
  EXPECT_EQ(describe(aic, short_series, Deterministic::Constant),
            "aic (max 0: Schwert's floor(12 (T/100)^(1/4)) = 6 for T = 9, lowered so the selection regression keeps 2K + 2 rows; "
            "--max-lags sets it)");
  const std::vector<Eigen::VectorXd> mixed{Eigen::VectorXd::LinSpaced(100, 0, 1), Eigen::VectorXd::LinSpaced(200, 0, 1)};
  EXPECT_EQ(describe(aic, mixed, Deterministic::Constant), "aic (max 12 to 14: Schwert's floor(12 (T/100)^(1/4)) = 12 to 14 for T = 100 to 200)");
  EXPECT_EQ(describe(parse_lag_choice("bic", 3), mixed, Deterministic::Constant), "bic (max 3)");
  EXPECT_EQ(describe(parse_lag_choice("2", -1), mixed, Deterministic::Constant), "2");
}
