// Breitung's lambda and Breitung-Das's robust t against tests/reference/ts/breitung.R (the papers'
// formulas in R) on Produc and Grunfeld, and on simulated panels (N = 20, T = 50, 300 draws each,
// fixed seeds): size near 5% and power against y_it = 0.8 y_i,t-1 + e_it; under a common factor
// (e_it = g_i f_t + u_it, g_i ~ U(0.5, 1.5)) lambda over-rejects and the robust t keeps its size; with
// lags the statistics do not move when a unit's level (or, with a trend, its line) changes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

void expect_rel(double got, double want, const std::string& what) {
  EXPECT_NEAR(got, want, 1e-6 * std::max(1e-12, std::abs(want))) << what << ": " << got << " vs " << want;
}

// y_it = phi y_i,t-1 + w_it with w_it = g_i f_t + u_it + ar w_i,t-1 (ar: serially correlated errors)
UnitSeries simulate(double phi, bool factor, std::mt19937_64& rng, double ar = 0.0) {
  std::normal_distribution<double> z;
  std::uniform_real_distribution<double> g(0.5, 1.5);
  const long T = 50;
  UnitSeries s;
  s.variable = "y";
  std::vector<double> f(static_cast<size_t>(T + 50));
  for (auto& v : f) v = z(rng);
  for (size_t i = 0; i < 20; ++i) {
    const double gi = factor ? g(rng) : 0.0;
    double y = 0, w = 0;
    Eigen::VectorXd v(T);
    for (long t = -50; t < T; ++t) {
      w = ar * w + gi * f[static_cast<size_t>(t + 50)] + z(rng);
      y = phi * y + w;
      if (t >= 0) v[t] = y;
    }
    s.units.push_back(std::to_string(i));
    s.y.push_back(v);
    s.first_time.push_back(1);
    s.last_time.push_back(T);
  }
  return s;
}

// rejection rates at 5% of lambda and the robust t
std::array<double, 2> rejection_rates(double phi, bool factor, Deterministic d, uint64_t seed, double ar = 0.0,
                                      const std::string& lags = "0") {
  std::mt19937_64 rng(seed);
  PanelUnitRootSpec spec;
  spec.deterministic = d;
  spec.lags = parse_lag_choice(lags, -1);
  const int reps = 300;
  std::array<double, 2> rate{};
  for (int r = 0; r < reps; ++r) {
    const PanelUnitRootResult b = breitung_test(simulate(phi, factor, rng, ar), spec);
    for (size_t k = 0; k < 2; ++k) rate[k] += (b.stats[k].p_value < 0.05) / static_cast<double>(reps);
  }
  return rate;
}

}  // namespace

TEST(Breitung, MatchesTheRReferenceOnProducAndGrunfeld) {
  const nlohmann::json fx = reference_fixture("ts_breitung.json");
  for (const auto& c : fx["cases"]) {
    const std::string id = c["id"];
    const bool produc = c["unit"] == "state";
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + (produc ? "/produc.csv" : "/grunfeld.csv"));
    const UnitSeries s = unit_series(f, declare_panel(f, c["unit"], "year"), c["variable"]);
    PanelUnitRootSpec spec;
    spec.deterministic = parse_deterministic(c["deterministic"]);
    spec.lags = parse_lag_choice(c["lag_rule"] == "fixed" ? std::to_string(c["lags_fixed"].get<int>()) : "aic",
                                 c["max_lags"].is_number() ? c["max_lags"].get<int>() : -1);
    const PanelUnitRootResult r = breitung_test(s, spec);
    ASSERT_EQ(r.stats.size(), 2u) << id;
    expect_rel(r.stats[0].value, c["lambda"], id + " lambda");
    expect_rel(r.stats[0].p_value, c["p_lambda"], id + " lambda p");
    expect_rel(r.stats[1].value, c["t_robust"], id + " robust t");
    expect_rel(r.stats[1].p_value, c["p_robust"], id + " robust p");
    double mean_lags = 0;
    for (const auto& l : c["lags"]) mean_lags += l.get<double>() / static_cast<double>(c["lags"].size());
    expect_rel(r.mean_lags + 1, mean_lags + 1, id + " mean lags");
  }
}

TEST(Breitung, SizeAndPower) {
  for (Deterministic d : {Deterministic::Constant, Deterministic::Trend}) {
    const auto i1 = rejection_rates(1.0, false, d, 31), i0 = rejection_rates(0.8, false, d, 32);
    std::printf("Breitung (%s) at 5%%, N = 20, T = 50: lambda size %.3f power %.3f; robust t size %.3f power %.3f\n",
                to_string(d).c_str(), i1[0], i0[0], i1[1], i0[1]);
    for (size_t k = 0; k < 2; ++k) {
      EXPECT_GE(i1[k], 0.015) << to_string(d) << " " << k;
      // 3,000 draws: lambda 0.064 (constant) and 0.085 (trend), the robust t 0.029 and 0.038
      EXPECT_LE(i1[k], d == Deterministic::Constant ? 0.10 : 0.12) << to_string(d) << " " << k;
      EXPECT_GT(i0[k], d == Deterministic::Constant ? 0.9 : 0.5) << to_string(d) << " " << k;
    }
  }
}

TEST(Breitung, RobustTKeepsItsSizeUnderACommonFactor) {
  const auto i1 = rejection_rates(1.0, true, Deterministic::Constant, 33);
  std::printf("Breitung with a common factor at 5%%: lambda size %.3f, robust t size %.3f\n", i1[0], i1[1]);
  EXPECT_LE(i1[1], 0.10);
  EXPECT_GT(i1[0], i1[1]);
}

TEST(Breitung, RefusesUnbalancedPanels) {
  std::mt19937_64 rng(1);
  UnitSeries s = simulate(1.0, false, rng);
  s.y[0] = s.y[0].tail(40).eval();
  s.first_time[0] = 11;
  EXPECT_THROW(breitung_test(s, PanelUnitRootSpec{}), DataError);
}

TEST(Breitung, PrewhitenedSizeWithSeriallyCorrelatedDifferences) {
  // dy_t = 0.5 dy_t-1 + u_t: one lag of prewhitening restores the size, none leaves it off
  const auto with_lag = rejection_rates(1.0, false, Deterministic::Constant, 34, 0.5, "1");
  std::printf("Breitung, AR(1) differences, 1 lag: lambda size %.3f, robust t size %.3f\n", with_lag[0], with_lag[1]);
  for (double r : with_lag) {
    EXPECT_GE(r, 0.015);
    EXPECT_LE(r, 0.10);
  }
}

TEST(Breitung, AUnitsLevelOrLineDoesNotMoveTheStatisticsWithLags) {
  for (Deterministic d : {Deterministic::Constant, Deterministic::Trend}) {
    std::mt19937_64 rng(35);
    const UnitSeries s = simulate(1.0, false, rng, 0.4);
    UnitSeries shifted = s;
    for (size_t i = 0; i < s.y.size(); ++i)
      for (long t = 0; t < s.y[i].size(); ++t)
        shifted.y[i][t] += 1000.0 * static_cast<double>(i + 1) +
                           (d == Deterministic::Trend ? 3.0 * static_cast<double>(i) * static_cast<double>(t) : 0.0);
    PanelUnitRootSpec spec;
    spec.deterministic = d;
    spec.lags = parse_lag_choice("2", -1);
    const PanelUnitRootResult a = breitung_test(s, spec), b = breitung_test(shifted, spec);
    for (size_t k = 0; k < 2; ++k)
      EXPECT_NEAR(a.stats[k].value, b.stats[k].value, 1e-7 * std::abs(a.stats[k].value)) << to_string(d) << " " << k;
  }
}
