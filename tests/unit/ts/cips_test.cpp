// CIPS and the CADF t ratios against plm's cipstest (tests/reference/ts/cipstest_plm.R); the
// critical values against Pesaran (2007) Table II entries on the grid and by interpolation.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/estimate/ts/cips.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(Cips, MatchesPlmCipstest) {
  const auto fx = reference_fixture("ts_cipstest_plm.json");
  ASSERT_EQ(fx["cases"].size(), 36u);
  for (const auto& c : fx["cases"]) {
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["data"].get<std::string>());
    const UnitSeries s = unit_series(f, declare_panel(f, c["unit"], c["time"]), c["variable"]);
    const CipsResult r = cips_test(s, parse_deterministic(c["deterministic"]), c["lags"], c["truncated"]);
    const std::string what = c["data"].get<std::string>() + " " + c["variable"].get<std::string>() + " " + c["deterministic"].get<std::string>() +
                             " lags " + std::to_string(c["lags"].get<int>()) + (c["truncated"].get<bool>() ? " truncated" : "");
    EXPECT_NEAR(r.cips, c["cips"].get<double>(), 1e-6 * std::max(1.0, std::abs(c["cips"].get<double>()))) << what;
    ASSERT_EQ(r.cadf.size(), c["cadf"].size()) << what;
    // plm keeps the untruncated CADF regressions; only its mean uses the truncated t ratios
    if (!c["truncated"].get<bool>()) {
      for (size_t i = 0; i < r.cadf.size(); ++i) EXPECT_NEAR(r.cadf[i], c["cadf"][i].get<double>(), 1e-6 * std::max(1.0, std::abs(r.cadf[i]))) << what;
    }
  }
}

TEST(Cips, CriticalValuesOfTableII) {
  // Table II(b) (intercept), N = 10, T = 10: -2.97, -2.52, -2.31; II(c) (trend), N = 200, T = 200:
  // -2.62, -2.55, -2.51 (the grid's far corner).
  const auto b = cips_critical(10, 10, Deterministic::Constant, false);
  EXPECT_DOUBLE_EQ(b[0], -2.97);
  EXPECT_DOUBLE_EQ(b[1], -2.52);
  EXPECT_DOUBLE_EQ(b[2], -2.31);
  const auto c = cips_critical(200, 200, Deterministic::Trend, false);
  EXPECT_DOUBLE_EQ(c[0], -2.62);
  // halfway between N = 10 and 15 at T = 10 (intercept, 1%): (-2.97 + -2.76) / 2
  EXPECT_NEAR(cips_critical(12.5, 10, Deterministic::Constant, false)[0], -2.865, 1e-12);
  // beyond the grid: the nearest edge
  EXPECT_DOUBLE_EQ(cips_critical(5, 300, Deterministic::Constant, false)[0], cips_critical(10, 200, Deterministic::Constant, false)[0]);
}

TEST(Cips, LagsZeroIsNotLagsOne) {
  // plm's cipstest(lags = 0) silently runs one lag; cbec's p = 0 has no lagged differences.
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  const UnitSeries s = unit_series(f, declare_panel(f, "firm", "year"), "inv");
  const CipsResult r0 = cips_test(s, Deterministic::Constant, 0, false), r1 = cips_test(s, Deterministic::Constant, 1, false);
  EXPECT_GT(std::abs(r0.cips - r1.cips), 1e-3);
  EXPECT_EQ(r0.T, 19u);
  EXPECT_EQ(r1.T, 18u);
}
