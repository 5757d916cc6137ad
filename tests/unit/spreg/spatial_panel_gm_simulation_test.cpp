// Simulated spatial panels with known parameters for the GM estimators (spatial_panel_gm.hpp):
// n = 100 units on a 10 x 10 rook lattice (row-standardized), T = 8, x ~ N(0, 1) + 0.5 mu_i,
// beta = 1, unit effects mu ~ N(0, 1), v ~ N(0, 1) (so sigma_v^2 = 1, sigma_1^2 = 1 + T = 9):
//   SAC-RE  y_t = (I - 0.3 W)^-1 (2 + x_t + u_t), u_t = (I - 0.5 W)^-1 (mu + v_t) (KKP errors; x
//           independent of mu here)
//   SEM-FE  y_t = x_t + mu + (I - 0.5 W)^-1 v_t (x correlated with mu)
//   SAR-FE  y_t = (I - 0.4 W)^-1 (x_t + mu + v_t)
// and with Durbin terms (durbin, theta = 0.5 on W x_t inside the parentheses): the SDM-FE and the
// SAC-RE with W x, whose total impact of x is (beta + theta) / (1 - rho) (LeSage and Pace 2009,
// eq. 2.48): 2.5 for the SDM, 1.5 / 0.7 for the SAC.
// Checked over 60 replications (seed fixed): the mean estimates of rho, lambda, beta (theta) within 0.03 of
// the truth, sigma_v^2 within 0.05 and sigma_1^2 within 0.6; the 95% Wald intervals of beta (and of
// rho) covering the truth in 85% to 100% of them; the mean total impact within 0.1 of the truth
// (rho's 0.03 times d total / d rho = (beta + theta) / (1 - rho)^2, 3 to 4 here: the SAC's mean rho
// with W x is 0.318, its mean total 2.196 against 2.143).
#include <gtest/gtest.h>

#include <Eigen/Dense>

#include <cmath>
#include <random>

#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_gm.hpp"
#include "rook_lattice.hpp"

using namespace cbec;
using cbec::testing::lattice_panel;
using cbec::testing::rook_lattice;

namespace {

struct Summary {
  double rho = 0, lambda = 0, beta = 0, theta = 0, total = 0, sigma2_v = 0, sigma2_1 = 0, cover_beta = 0, cover_rho = 0;
};

// theta: the coefficient of W x (durbin), 0 for none.
Summary simulate(SpatialPanelModel model, SpatialPanelEffect effect, GmMoments moments, double rho, double lambda, double theta, int reps, unsigned seed) {
  // 20 x 20 units: KKP's sigma_1^2 moment has a finite-N bias that shrinks with n (mean over 60
  // draws, truth 9: 10.35 (initial) and 10.00 (fullweights) at 10 x 10 units, 9.19 and 9.09 here).
  const int side = 20, n = side * side, T = 8;
  const bool random = effect == SpatialPanelEffect::Random;
  const SparseRowMatrix w = rook_lattice(side);
  const Eigen::MatrixXd id = Eigen::MatrixXd::Identity(n, n);
  const Eigen::MatrixXd a_inv = (id - rho * Eigen::MatrixXd(w)).inverse(), b_inv = (id - lambda * Eigen::MatrixXd(w)).inverse();
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(0, 1);
  SpatialPanelData d = lattice_panel(side, T, random ? std::vector<std::string>{"(Intercept)", "x"} : std::vector<std::string>{"x"});
  SpatialPanelOptions o;
  o.model = model;
  o.effect = effect;
  o.moments = moments;
  o.durbin = theta != 0;
  const long xcol = random ? 1 : 0;
  Summary s;
  for (int r = 0; r < reps; ++r) {
    Eigen::VectorXd mu(n);
    for (int i = 0; i < n; ++i) mu[i] = z(rng);
    d.X = Eigen::MatrixXd::Ones(n * T, random ? 2 : 1);
    d.y.resize(n * T);
    for (int t = 0; t < T; ++t) {
      Eigen::VectorXd x(n), v(n);
      for (int i = 0; i < n; ++i) x[i] = z(rng) + (random ? 0 : 0.5 * mu[i]), v[i] = z(rng);
      Eigen::VectorXd yt;
      const Eigen::VectorXd xd = x + theta * (w * x);
      if (model == SpatialPanelModel::Sac) yt = a_inv * (Eigen::VectorXd::Constant(n, 2) + xd + b_inv * (mu + v));
      else if (model == SpatialPanelModel::Sem) yt = xd + mu + b_inv * v;
      else yt = a_inv * (xd + mu + v);
      d.X.block(t * n, xcol, n, 1) = x;
      d.y.segment(t * n, n) = yt;
    }
    const SpatialPanelResult fit = spatial_panel_gm(d, o);
    const Eigen::VectorXd se = fit.reg.se();
    const long bi = fit.reg.find("x");
    const double b = fit.reg.coef[bi];
    s.beta += b / reps;
    if (o.durbin) {
      s.theta += fit.reg.coef[fit.reg.find("W.x")] / reps;
      ImpactsOptions io;
      io.draws = 0;
      s.total += spatial_impacts(w, *impacts_input(fit.reg), io).total[0] / reps;
    }
    s.cover_beta += (std::fabs(b - 1) < 1.96 * se[bi] ? 1.0 : 0.0) / reps;
    if (model != SpatialPanelModel::Sem) {
      s.rho += fit.spatial / reps;
      s.cover_rho += (std::fabs(fit.spatial - rho) < 1.96 * se[0] ? 1.0 : 0.0) / reps;
    }
    s.lambda += fit.spatial_error / reps;
    s.sigma2_v += fit.sigma2 / reps;
    s.sigma2_1 += fit.sigma2_1 / reps;
  }
  return s;
}

}  // namespace

TEST(SpatialPanelGmSimulation, SacRandomEffectsRecoversTheParameters) {
  for (GmMoments m : {GmMoments::Initial, GmMoments::FullWeights}) {
    SCOPED_TRACE(gm_moments_name(m));
    const Summary s = simulate(SpatialPanelModel::Sac, SpatialPanelEffect::Random, m, 0.3, 0.5, 0, 60, 20261201);
    EXPECT_NEAR(s.rho, 0.3, 0.03);
    EXPECT_NEAR(s.lambda, 0.5, 0.03);
    EXPECT_NEAR(s.beta, 1.0, 0.03);
    EXPECT_NEAR(s.sigma2_v, 1.0, 0.05);
    EXPECT_NEAR(s.sigma2_1, 9.0, 0.6);
    EXPECT_GE(s.cover_beta, 0.85);
    EXPECT_GE(s.cover_rho, 0.85);
  }
}

TEST(SpatialPanelGmSimulation, FixedEffectsRecoverTheParameters) {
  const Summary e = simulate(SpatialPanelModel::Sem, SpatialPanelEffect::Individual, GmMoments::Initial, 0, 0.5, 0, 60, 7);
  EXPECT_NEAR(e.lambda, 0.5, 0.03);
  EXPECT_NEAR(e.beta, 1.0, 0.03);
  EXPECT_NEAR(e.sigma2_v, 1.0, 0.05);
  EXPECT_GE(e.cover_beta, 0.85);
  const Summary l = simulate(SpatialPanelModel::Sar, SpatialPanelEffect::Individual, GmMoments::Initial, 0.4, 0, 0, 60, 11);
  EXPECT_NEAR(l.rho, 0.4, 0.03);
  EXPECT_NEAR(l.beta, 1.0, 0.03);
  EXPECT_GE(l.cover_beta, 0.85);
  EXPECT_GE(l.cover_rho, 0.85);
}

TEST(SpatialPanelGmSimulation, DurbinTermsAndTheirImpacts) {
  const Summary l = simulate(SpatialPanelModel::Sar, SpatialPanelEffect::Individual, GmMoments::Initial, 0.4, 0, 0.5, 60, 13);
  EXPECT_NEAR(l.rho, 0.4, 0.03);
  EXPECT_NEAR(l.beta, 1.0, 0.03);
  EXPECT_NEAR(l.theta, 0.5, 0.03);
  EXPECT_NEAR(l.total, 2.5, 0.1);
  EXPECT_GE(l.cover_beta, 0.85);
  EXPECT_GE(l.cover_rho, 0.85);
  const Summary c = simulate(SpatialPanelModel::Sac, SpatialPanelEffect::Random, GmMoments::Initial, 0.3, 0.5, 0.5, 60, 17);
  EXPECT_NEAR(c.rho, 0.3, 0.03);
  EXPECT_NEAR(c.lambda, 0.5, 0.03);
  EXPECT_NEAR(c.beta, 1.0, 0.03);
  EXPECT_NEAR(c.theta, 0.5, 0.03);
  EXPECT_NEAR(c.total, 1.5 / 0.7, 0.1);
  EXPECT_GE(c.cover_beta, 0.85);
  EXPECT_GE(c.cover_rho, 0.85);
}
