// Simulated panels with known cointegrating vectors: FMOLS and DOLS (every panel estimator) recover
// it; Kao's ADF test holds its size without cointegration and rejects with it (500 replications each).
//   x_it = x_i,t-1 + e_it,  y_it = a_i + x_it' b + u_it,  u_it = r u_i,t-1 + v_it + 0.5 e_it,
// e, v independent N(0, 1) (the 0.5 e_it makes x endogenous; r = 0.5 cointegrated, r = 1 not).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "cbec/estimate/ts/dols.hpp"
#include "cbec/estimate/ts/fmols.hpp"
#include "cbec/estimate/ts/kao.hpp"

using namespace cbec;

namespace {

CointegrationData simulate(size_t N, long T, const Eigen::VectorXd& b, double r, std::mt19937_64& rng) {
  std::normal_distribution<double> z(0, 1);
  CointegrationData d;
  d.y = "y";
  for (long j = 0; j < b.size(); ++j) d.x.push_back("x" + std::to_string(j + 1));
  const long k = b.size();
  for (size_t i = 0; i < N; ++i) {
    Eigen::MatrixXd X(T, k);
    Eigen::VectorXd y(T);
    Eigen::VectorXd x = Eigen::VectorXd::Zero(k);
    double u = 0;
    const double a = static_cast<double>(i);
    for (long t = 0; t < T; ++t) {
      Eigen::VectorXd e(k);
      for (long j = 0; j < k; ++j) e[j] = z(rng);
      x += e;
      u = r * u + z(rng) + 0.5 * e.sum();
      X.row(t) = x.transpose();
      y[t] = a + x.dot(b) + u;
    }
    d.units.push_back(std::to_string(i + 1));
    d.yi.push_back(y);
    d.xi.push_back(X);
    d.first_time.push_back(1);
    d.last_time.push_back(T);
  }
  return d;
}

}  // namespace

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
