// Simulated panels with known cointegrating vectors: FMOLS and DOLS (every panel estimator) recover
// it; Kao's ADF test holds its size without cointegration and rejects with it (500 replications each).
// The panels: simulated_cointegration.hpp (r = 0.5 cointegrated, r = 1 not).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "cbec/estimate/ts/dols.hpp"
#include "cbec/estimate/ts/fmols.hpp"
#include "cbec/estimate/ts/kao.hpp"
#include "simulated_cointegration.hpp"

using namespace cbec;
using test::simulate;

TEST(CointegrationSimulation, FmolsAndDolsRecoverTheCointegratingVector) {
  std::mt19937_64 rng(20260101);
  Eigen::VectorXd b(2);
  b << 2.0, -0.5;
  const CointegrationData d = simulate(30, 200, b, 0.5, rng);
  const LongRunSpec s = parse_long_run_spec("bartlett", "nw");
  LeadLagChoice ll;
  ll.rule = LeadLagRule::Aic;
  ll.max = 3;
  for (PanelEstimator e : {PanelEstimator::Pooled, PanelEstimator::Weighted, PanelEstimator::GroupMean}) {
    for (const PanelLongRun& r : {panel_fmols(d, e, s), panel_dols(d, e, ll, s)}) {
      for (long j = 0; j < 2; ++j) {
        const double se = std::sqrt(r.panel.vcov(j, j));
        // the estimate is close to the truth, in absolute terms and in standard errors
        EXPECT_NEAR(r.panel.beta[j], b[j], 0.02) << r.method << " " << to_string(e) << " b" << j + 1;
        EXPECT_LT(std::abs(r.panel.beta[j] - b[j]) / se, 4) << r.method << " " << to_string(e) << " b" << j + 1;
        EXPECT_LT(se, 0.02);
      }
    }
  }
}

// With the default largest order on a short panel (T = 60, two regressors: 8 leads and lags would
// leave 43 rows for up to 38 coefficients), AIC and HQ chose near-saturated regressions and the
// group-mean slopes were far from the truth (x2 0.03 for -1 with a trend); the default keeps twice
// the coefficients in rows.
TEST(CointegrationSimulation, DolsCriteriaWithTheDefaultLargestOrderOnAShortPanel) {
  std::mt19937_64 rng(20261203);
  Eigen::VectorXd b(2);
  b << 2.0, -1.0;
  CointegrationData d = simulate(20, 60, b, 0.5, rng);
  const LongRunSpec s = parse_long_run_spec("bartlett", "nw");
  for (bool trend : {false, true}) {
    d.trend = trend;
    for (LeadLagRule rule : {LeadLagRule::Aic, LeadLagRule::Hq, LeadLagRule::Bic}) {
      LeadLagChoice ll;
      ll.rule = rule;
      const PanelLongRun r = panel_dols(d, PanelEstimator::GroupMean, ll, s);
      for (long j = 0; j < 2; ++j) EXPECT_NEAR(r.panel.beta[j], b[j], 0.1) << to_string(rule) << (trend ? " trend" : "") << " b" << j + 1;
      for (const LongRunFit& f : r.unit_fits) EXPECT_GT(static_cast<long>(f.nobs), 2 * (2 + 2 * (f.leads + f.lags + 2)));
    }
  }
}

TEST(CointegrationSimulation, KaoSizeAndPowerOver500Replications) {
  std::mt19937_64 rng(7);
  Eigen::VectorXd b(1);
  b << 1.0;
  const LongRunSpec s = parse_long_run_spec("bartlett", "nw");
  const int reps = 500;
  int reject_null = 0, reject_alt = 0;
  for (int rep = 0; rep < reps; ++rep) {
    const KaoResult h0 = kao_test(simulate(10, 50, b, 1.0, rng), 1, s);
    const KaoResult h1 = kao_test(simulate(10, 50, b, 0.5, rng), 1, s);
    reject_null += h0.statistics.back().p_value < 0.05;
    reject_alt += h1.statistics.back().p_value < 0.05;
  }
  const double size = reject_null / static_cast<double>(reps), power = reject_alt / static_cast<double>(reps);
  std::printf("Kao ADF at 5%%, N = 10, T = 50, 500 replications: size %.3f, power (rho = 0.5) %.3f\n", size, power);
  EXPECT_LT(size, 0.10);
  EXPECT_GT(power, 0.90);
}
