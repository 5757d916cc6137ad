// Harris-Tzavalis against an independent R computation (tests/reference/ts/harris_tzavalis.R):
// rho from plm's within regression / lm with unit dummies and trends, z from HT's Theorem 1.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(HarrisTzavalis, MatchesWithinRegressionsInR) {
  const auto fx = reference_fixture("ts_harris_tzavalis.json");
  ASSERT_EQ(fx["cases"].size(), 12u);
  for (const auto& c : fx["cases"]) {
    Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["data"].get<std::string>());
    if (c["log"].get<bool>()) {
      std::vector<double> v = f.numeric(c["variable"]);
      for (auto& x : v) x = std::log(x);
      f.set(Column::numeric(c["variable"], v));
    }
    const UnitSeries s = unit_series(f, declare_panel(f, c["unit"], c["time"]), c["variable"]);
    PanelUnitRootSpec spec;
    spec.deterministic = parse_deterministic(c["deterministic"]);
    const PanelUnitRootResult r = ht_test(s, spec);
    const std::string what = c["variable"].get<std::string>() + " " + c["deterministic"].get<std::string>();
    EXPECT_NEAR(r.stats[0].value, c["rho"].get<double>(), 1e-8) << what;
    EXPECT_NEAR(r.stats[1].value, c["z"].get<double>(), 1e-6 * std::max(1.0, std::abs(c["z"].get<double>()))) << what;
    EXPECT_NEAR(r.stats[1].p_value, c["p_value"].get<double>(), 1e-6 * std::max(1e-3, c["p_value"].get<double>())) << what;
  }
}
