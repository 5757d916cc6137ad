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
#include <gtest/gtest.h>

#include <cstdio>

#include "cbec/estimate/ts/pedroni.hpp"
#include "simulated_cointegration.hpp"

using namespace cbec;

namespace {

std::vector<double> rejection_rates(double r, bool trend, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const Eigen::VectorXd b = Eigen::VectorXd::Constant(1, 1.0);
  const LongRunSpec s = parse_long_run_spec("bartlett", "1");
  const LagChoice lags = parse_lag_choice("1", -1);
  const int reps = 300;
  std::vector<double> rate(7, 0);
  for (int rep = 0; rep < reps; ++rep) {
    CointegrationData d = test::simulate(20, 100, b, r, rng);
    d.trend = trend;
    const PedroniResult p = pedroni_test(d, lags, s);
    for (size_t j = 0; j < 7; ++j) rate[j] += (p.statistics[j].p_value < 0.05) / static_cast<double>(reps);
  }
  return rate;
}

const char* kNames[7] = {"panel v", "panel rho", "panel PP", "panel ADF", "group rho", "group PP", "group ADF"};

void check(bool trend, uint64_t seed) {
  const std::vector<double> size = rejection_rates(1.0, trend, seed), power = rejection_rates(0.8, trend, seed + 1);
  for (size_t j = 0; j < 7; ++j) {
    std::printf("Pedroni %-9s %s at 5%%, N = 20, T = 100: size %.3f, power (r = 0.8) %.3f\n", kNames[j], trend ? "trends" : "intercepts", size[j], power[j]);
    EXPECT_LT(size[j], 0.12) << kNames[j];
    EXPECT_GT(size[j], 0.015) << kNames[j];
    EXPECT_GT(power[j], 0.85) << kNames[j];
  }
}

}  // namespace

TEST(PedroniSimulation, SizeAndPowerWithIntercepts) { check(false, 11); }

TEST(PedroniSimulation, SizeAndPowerWithTrends) { check(true, 13); }
