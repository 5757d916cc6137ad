// Size and power of the panel unit-root tests over 500 simulated panels of N = 20 units x T = 50
// periods (fixed seed; the rejection rates are recorded in README's "Panel time series" section).
//   I(1): y_it = y_i,t-1 + e_it;  I(0): y_it = 0.8 y_i,t-1 + e_it (y_i0 = 0, 50 burn-in periods);
//   with a common factor for CIPS: e_it = g_i f_t + u_it, g_i ~ U(0.5, 1.5).
// At the 5% level over 500 draws a correct size lies in [0.02, 0.09] (binomial SE 0.0097, more
// than 3 SE); power against phi = 0.8 must exceed 0.9.
#include <gtest/gtest.h>

#include <random>

#include "cbec/estimate/ts/cips.hpp"
#include "cbec/estimate/ts/panel_unitroot.hpp"

using namespace cbec;

namespace {
constexpr int reps = 500;
constexpr size_t N = 20;
constexpr long T = 50;

UnitSeries simulate(double phi, bool factor, std::mt19937_64& rng) {
  std::normal_distribution<double> z;
  std::uniform_real_distribution<double> g(0.5, 1.5);
  UnitSeries s;
  s.variable = "y";
  std::vector<double> f(static_cast<size_t>(T + 50));
  for (auto& v : f) v = z(rng);
  for (size_t i = 0; i < N; ++i) {
    const double gi = factor ? g(rng) : 0.0;
    double y = 0;
    Eigen::VectorXd v(T);
    for (long t = -50; t < T; ++t) {
      y = phi * y + gi * f[static_cast<size_t>(t + 50)] + z(rng);
      if (t >= 0) v[t] = y;
    }
    s.units.push_back(std::to_string(i));
    s.y.push_back(v);
    s.first_time.push_back(1);
    s.last_time.push_back(T);
  }
  return s;
}

// Rejection rates at 5% of LLC t*, IPS W-tbar, Fisher P, Hadri Z (stationarity null), CIPS, HT z.
std::array<double, 6> rejection_rates(double phi, bool factor, uint64_t seed) {
  std::mt19937_64 rng(seed);
  PanelUnitRootSpec spec;
  spec.lags = parse_lag_choice("0", -1);
  std::array<double, 6> rate{};
  for (int r = 0; r < reps; ++r) {
    const UnitSeries s = simulate(phi, factor, rng);
    rate[0] += llc_test(s, spec).stats[1].p_value < 0.05;
    rate[1] += ips_test(s, spec).stats[1].p_value < 0.05;
    rate[2] += fisher_adf_test(s, spec).stats[0].p_value < 0.05;
    rate[3] += hadri_test(s, spec).stats[1].p_value < 0.05;
    const CipsResult c = cips_test(s, Deterministic::Constant, 0, false);
    rate[4] += c.cips < c.critical[1];
    rate[5] += ht_test(s, spec).stats[1].p_value < 0.05;
  }
  for (auto& v : rate) v /= reps;
  return rate;
}
}  // namespace

TEST(UnitRootSimulation, SizeAndPowerWithoutCommonFactor) {
  const auto i1 = rejection_rates(1.0, false, 20261201), i0 = rejection_rates(0.8, false, 20261202);
  const char* names[] = {"LLC", "IPS", "Fisher P", "Hadri", "CIPS", "HT"};
  for (size_t k = 0; k < 6; ++k) {
    RecordProperty(std::string(names[k]) + " I(1)", std::to_string(i1[k]));
    RecordProperty(std::string(names[k]) + " I(0)", std::to_string(i0[k]));
    std::printf("%-8s rejects: I(1) %.3f  I(0) %.3f\n", names[k], i1[k], i0[k]);
  }
  // LLC (as plm's purtest computes it) over-rejects here: 0.23 at 5%; plm's own levinlin gives 0.23
  // on 200 panels of the same design (R, set.seed(1)). Recorded, and held to that level.
  EXPECT_GE(i1[0], 0.15) << "LLC size";
  EXPECT_LE(i1[0], 0.31) << "LLC size";
  EXPECT_GT(i0[0], 0.9) << "LLC power";
  for (size_t k : {1u, 2u, 4u, 5u}) {
    EXPECT_GE(i1[k], 0.02) << names[k] << " size";
    EXPECT_LE(i1[k], 0.09) << names[k] << " size";
    EXPECT_GT(i0[k], 0.9) << names[k] << " power";
  }
  // Hadri's null is stationarity with serially uncorrelated errors: at phi = 0.8 it rejects
  // every time (its LM has no long-run variance correction); power under I(1) must be high
  EXPECT_GT(i1[3], 0.9) << "Hadri power";
}

TEST(UnitRootSimulation, CipsKeepsItsSizeUnderACommonFactor) {
  const auto i1 = rejection_rates(1.0, true, 20261203), i0 = rejection_rates(0.8, true, 20261204);
  std::printf("common factor: CIPS rejects I(1) %.3f  I(0) %.3f; IPS I(1) %.3f\n", i1[4], i0[4], i1[1]);
  EXPECT_GE(i1[4], 0.02);
  EXPECT_LE(i1[4], 0.09);
  EXPECT_GT(i0[4], 0.5);
}
