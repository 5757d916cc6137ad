// Pedroni's seven statistics on simulated panels (simulated_cointegration.hpp, one regressor, N = 20,
// T = 100, 300 replications each): without cointegration (r = 1) each rejects at 5% in about 5% of
// the panels, with intercepts and with trends (whose one-regressor moments are cbec's own simulation);
// with cointegration (r = 0.8) nearly always. The errors are iid, so the long-run variances are taken
// with bandwidth 1 (the variances themselves): the size is then that of the statistics and their
// moments, not of the kernel estimates or of the lag choice (with the data-dependent Newey-West
// bandwidth the PP statistics, and with AIC lags the ADF statistics, over-reject at T = 100; README).
// One fixed ADF lag. The figures are printed; the bounds allow for
// simulation noise (s.e. of a 5% rate over 300 draws: 1.3%) and the small-sample bias of the t
// statistics at T = 100 (group PP with trends: 0.110 against asymptotic moments).
// Without intercepts (Pedroni 1999 Table 2's first case; one regressor: cbec's simulated moments) the
// panels have a_i = 0 and 500 replications each.
#include <gtest/gtest.h>

#include <cstdio>

#include "cbec/estimate/ts/pedroni.hpp"
#include "simulated_cointegration.hpp"

using namespace cbec;

namespace {

std::vector<double> rejection_rates(double r, Deterministic det, uint64_t seed, int reps = 300) {
  std::mt19937_64 rng(seed);
  const Eigen::VectorXd b = Eigen::VectorXd::Constant(1, 1.0);
  const LongRunSpec s = parse_long_run_spec("bartlett", "1");
  const LagChoice lags = parse_lag_choice("1", -1);
  std::vector<double> rate(7, 0);
  for (int rep = 0; rep < reps; ++rep) {
    CointegrationData d = det == Deterministic::None ? test::simulate_without_intercepts(20, 100, b, r, rng) : test::simulate(20, 100, b, r, rng);
    d.trend = det == Deterministic::Trend;
    const PedroniResult p = pedroni_test(d, lags, s);
    for (size_t j = 0; j < 7; ++j) rate[j] += (p.statistics[j].p_value < 0.05) / static_cast<double>(reps);
  }
  return rate;
}

const char* kNames[7] = {"panel v", "panel rho", "panel PP", "panel ADF", "group rho", "group PP", "group ADF"};

void check(Deterministic det, uint64_t seed, int reps = 300) {
  const std::vector<double> size = rejection_rates(1.0, det, seed, reps), power = rejection_rates(0.8, det, seed + 1, reps);
  for (size_t j = 0; j < 7; ++j) {
    std::printf("Pedroni %-9s %s at 5%%, N = 20, T = 100: size %.3f, power (r = 0.8) %.3f\n", kNames[j], to_string(det).c_str(), size[j], power[j]);
    EXPECT_LT(size[j], 0.12) << kNames[j];
    EXPECT_GT(size[j], 0.015) << kNames[j];
    EXPECT_GT(power[j], 0.85) << kNames[j];
  }
}

}  // namespace

TEST(PedroniSimulation, SizeAndPowerWithIntercepts) { check(Deterministic::Constant, 11); }

TEST(PedroniSimulation, SizeAndPowerWithTrends) { check(Deterministic::Trend, 13); }

TEST(PedroniSimulation, SizeAndPowerWithoutIntercepts) { check(Deterministic::None, 15, 500); }
