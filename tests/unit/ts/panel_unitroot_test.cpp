// LLC, IPS, Fisher-ADF and Hadri against plm's purtest (tests/reference/ts/purtest_plm.R) on Produc
// and Grunfeld, levels and first differences.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <random>

#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
PanelUnitRootResult run(const std::string& test, const UnitSeries& s, const PanelUnitRootSpec& spec) {
  if (test == "llc") return llc_test(s, spec);
  if (test == "ips") return ips_test(s, spec);
  if (test == "fisher_adf") return fisher_adf_test(s, spec);
  return hadri_test(s, spec);
}
}  // namespace

TEST(PanelUnitRoot, MatchesPlmPurtest) {
  const auto fx = reference_fixture("ts_purtest_plm.json");
  std::map<std::string, UnitSeries> series;
  ASSERT_EQ(fx["cases"].size(), 936u);
  double worst = 0;
  int outside = 0;
  for (const auto& c : fx["cases"]) {
    const bool demean = c.value("demean", false);
    const std::string key = c["data"].get<std::string>() + c["variable"].get<std::string>() + c["series"].get<std::string>() + (demean ? " demeaned" : "");
    if (!series.count(key)) {
      const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["data"].get<std::string>());
      const Panel p = declare_panel(f, c["unit"], c["time"]);
      series[key] = unit_series(f, p, c["variable"], demean, c["series"] == "differences");
    }
    PanelUnitRootSpec spec;
    spec.deterministic = parse_deterministic(c["deterministic"]);
    spec.lags = parse_lag_choice(c["lags"], c["max_lags"]);
    spec.dfcor = !c["mle_variance"].get<bool>();
    spec.hadri_robust = c["stat"] != "Z";
    spec.p_approx = PApprox::MacKinnon1994;   // the fixture asks plm for p.approx = "MacKinnon1994"
    const std::string what = key + " " + c["test"].get<std::string>() + " " + c["stat"].get<std::string>() + " " +
                             c["deterministic"].get<std::string>() + " lags " + c["lags"].get<std::string>() + (spec.dfcor ? " dfcor" : "");
    const PanelUnitRootResult r = run(c["test"], series[key], spec);
    const PanelUnitRootStat* st = nullptr;
    for (const auto& s : r.stats)
      if (s.name == c["stat"]) st = &s;
    ASSERT_NE(st, nullptr) << what;
    // a unit's tau outside MacKinnon's range: cbec holds it at the range's end, plm extrapolates;
    // only the Fisher combinations of p-values differ (LLC, IPS use tau itself)
    if (c["test"] == "fisher_adf" && c["tau_outside_range"].get<int>() > 0) {
      ++outside;
      continue;
    }
    if (c["value"].is_string()) {   // a unit's p-value rounds to 1 in both: plm's "Inf"
      EXPECT_TRUE(std::isinf(st->value) && st->value > 0) << what << " " << st->value;
      continue;
    }
    const double want = c["value"], want_p = c["p_value"];
    EXPECT_NEAR(st->value, want, 1e-6 * std::max(1.0, std::abs(want))) << what;
    EXPECT_NEAR(st->p_value, want_p, 1e-6 * std::max(1e-3, std::abs(want_p))) << what;
    worst = std::max(worst, std::abs(st->value - want) / std::max(1.0, std::abs(want)));
  }
  RecordProperty("max_relative_difference", std::to_string(worst));
  EXPECT_EQ(outside, 48);   // Produc gsp levels with a constant or trend and selected lags
}

TEST(PanelUnitRoot, FisherCombinationsByHand) {
  // p = (0.01, 0.5): P = -2 (ln 0.01 + ln 0.5) = 10.5966, Pm = (P - 4) / (2 sqrt 2)
  const auto s = fisher_combinations({0.01, 0.5});
  EXPECT_NEAR(s[0].value, -2 * (std::log(0.01) + std::log(0.5)), 1e-12);
  EXPECT_NEAR(s[3].value, (s[0].value - 4) / (2 * std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(s[1].value, (-2.3263478740408408 + 0) / std::sqrt(2.0), 1e-9);
}

TEST(PanelUnitRoot, FarLeftTailPValuesKeepTheirDigits) {
  // Choi's Z of twenty unit p-values of 1e-12 is about -7.03: its p-value Phi(Z) is about 1e-12,
  // read from the normal's lower tail, not as 1 - (upper tail), which keeps only ~4 digits there.
  const auto s = fisher_combinations(std::vector<double>(20, 1e-12));
  const double z = s[1].value;
  ASSERT_LT(z, -7);
  EXPECT_NEAR(s[1].p_value, 0.5 * std::erfc(-z / std::sqrt(2.0)), 1e-12 * 0.5 * std::erfc(-z / std::sqrt(2.0)));
}

TEST(PanelUnitRoot, MissingIpsMomentsAreSaidNotSilent) {
  // 5 lags on 24 periods leave T = 18, where IPS's Table 3 has no moments at 5 lags: W-tbar is
  // missing (plm: NA) and a note names the units and what to do.
  UnitSeries s;
  s.variable = "y";
  for (int u = 0; u < 4; ++u) {
    s.units.push_back("unit" + std::to_string(u));
    Eigen::VectorXd y(24);
    double level = 0;
    for (long t = 0; t < y.size(); ++t) y[t] = (level += std::sin(1.7 * static_cast<double>(t * (u + 2))) + 0.3 * std::cos(0.3 * static_cast<double>(t * t + u)));
    s.y.push_back(y);
  }
  PanelUnitRootSpec spec;
  spec.deterministic = Deterministic::Constant;
  spec.lags = parse_lag_choice("5", -1);
  const PanelUnitRootResult r = ips_test(s, spec);
  const auto w = std::find_if(r.stats.begin(), r.stats.end(), [](const PanelUnitRootStat& st) { return st.name == "W-tbar"; });
  ASSERT_NE(w, r.stats.end());
  EXPECT_TRUE(std::isnan(w->value));
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("unit0 (T = 18, 5 lags)"), std::string::npos) << r.notes[0];
}

TEST(PanelUnitRoot, IpsWarnsWhenAdfRegressionsHaveAlmostNoResidualDegreesOfFreedom) {
  // Grunfeld's first 6 years: with a constant and 1 lag each ADF regression has 4 observations and
  // 3 parameters; with 10 years 8 and 3: no warning.
  const Frame g = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  PanelUnitRootSpec spec;
  spec.deterministic = Deterministic::Constant;
  spec.lags = parse_lag_choice("1", -1);
  auto warnings = [&](double last_year) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < g.nrows(); ++i)
      if (g.numeric("year")[i] <= last_year) rows.push_back(i);
    const Frame f = g.take(rows);
    const PanelUnitRootResult r = ips_test(unit_series(f, declare_panel(f, "firm", "year"), "inv"), spec);
    size_t n = 0;
    for (const auto& note : r.notes) n += note.find("fewer than 3 residual degrees of freedom (unit (df): 1 (1)") != std::string::npos;
    return n;
  };
  EXPECT_EQ(warnings(1940), 1u);
  EXPECT_EQ(warnings(1944), 0u);
}

TEST(PanelUnitRoot, IpsSaysWhenALagOrderIsBeyondTable3) {
  // IPS's Table 3 has lag orders 0..8; plm warns and uses 8's moments, and so does cbec, by unit
  std::mt19937_64 rng(7);
  std::normal_distribution<double> z;
  UnitSeries s;
  s.variable = "y";
  for (int i = 0; i < 5; ++i) {
    Eigen::VectorXd y(80);
    double level = 0;
    for (long t = 0; t < y.size(); ++t) y[t] = level += z(rng);
    s.units.push_back("u" + std::to_string(i));
    s.y.push_back(y);
    s.first_time.push_back(1);
    s.last_time.push_back(80);
  }
  PanelUnitRootSpec spec;
  spec.deterministic = Deterministic::Constant;
  auto says = [&](const std::string& lags) {
    spec.lags = parse_lag_choice(lags, -1);
    const PanelUnitRootResult r = ips_test(s, spec);
    for (const auto& note : r.notes)
      if (note.find("Table 3 stops at 8 lags") != std::string::npos) return note.find("(unit (lags): u0 (9)") != std::string::npos;
    return false;
  };
  EXPECT_TRUE(says("9"));
  EXPECT_FALSE(says("8"));
}
