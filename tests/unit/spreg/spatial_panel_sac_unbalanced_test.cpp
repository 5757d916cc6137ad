// The SAC spatial panel model by ML on an unbalanced panel (estimate/spatial_models/
// spatial_panel_effect_dummies.cpp), which no R panel package fits: against the likelihood written
// out with dense matrices in R (tests/reference/spreg/spatial_panel_sac_unbalanced.R; checked there
// against splm on the balanced panel and against spatialreg's sacsarlm with effect dummies) on
// Produc/usaww with 24 state-years removed, pooled and with unit, period and two-way effects. On the
// balanced panel with unit effects the dummy likelihood is splm's within likelihood: both code paths
// give the same estimates. What is still refused: lags = splm and the Lee-Yu correction.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"
#include "produc_usaww.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-3, std::fabs(b))) << what << ": " << a << " vs " << b;
}

SpatialPanelOptions sac(SpatialPanelEffect effect) {
  SpatialPanelOptions o;
  o.model = SpatialPanelModel::Sac;
  o.effect = effect;
  o.lags = PanelLags::Within;
  return o;
}

}  // namespace

TEST(SpatialPanelSacUnbalanced, AgainstTheLikelihoodWrittenOut) {
  const nlohmann::json fx = reference_fixture("spreg_panel_sac_unbalanced_produc.json");
  size_t checked = 0;
  for (const auto& c : fx["models"]) {
    const std::string effect = c["effect"];
    SCOPED_TRACE(effect);
    const SpatialPanelSample s = cbec::testing::produc_sample("produc_unbalanced_re.csv", effect == "pooled");
    ASSERT_FALSE(s.data.balanced());
    const SpatialPanelResult r = spatial_panel(s.data, sac(parse_spatial_panel_effect(effect)));
    EXPECT_FALSE(r.balanced);
    ASSERT_EQ(r.reg.nobs, c["n"].get<size_t>());
    ASSERT_EQ(r.reg.terms, c["terms"].get<std::vector<std::string>>());
    const Eigen::VectorXd se = r.reg.se();
    for (long j = 0; j < r.reg.coef.size(); ++j) {
      const std::string term = r.reg.terms[static_cast<size_t>(j)];
      // rho is near 0 here (0.004 to 0.007, SE 0.007 to 0.012): the spatial parameters are compared
      // to 1e-6 of max(|value|, 0.05), as in spatial_panel_sac_test.cpp (Brent locates them to ~1e-8)
      const double ref = c["coef"][j].get<double>();
      if (j < 2) EXPECT_NEAR(r.reg.coef[j], ref, 1e-6 * std::max(0.05, std::fabs(ref))) << term;
      else expect_rel(r.reg.coef[j], ref, term);
      // the inverse of a numerical Hessian: central differences here, Richardson extrapolation
      // (numDeriv) in R; they agree to 1.6e-5 (two-way, log(pcap)), the inverse amplifying the
      // differences between the two Hessians
      expect_rel(se[j], c["se"][j].get<double>(), "se " + term, 5e-5);
    }
    expect_rel(r.sigma2, c["sigma2"], "sigma2");
    expect_rel(r.loglik, c["loglik"], "loglik");
    EXPECT_TRUE(r.reg.warnings.empty());
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
}

// Balanced, unit effects: (I - lambda W) D spans D, so the dummy likelihood is splm's within one.
TEST(SpatialPanelSacUnbalanced, BalancedUnitEffectsAsTheWithinFit) {
  const SpatialPanelSample s = cbec::testing::produc_sample("produc.csv", false);
  ASSERT_TRUE(s.data.balanced());
  const SpatialPanelOptions o = sac(SpatialPanelEffect::Individual);
  const SpatialPanelResult within = spatial_panel(s.data, o);
  const SpatialPanelResult dummies = spatial_panel_effect_dummies(s.data, o);
  for (long j = 0; j < within.reg.coef.size(); ++j) expect_rel(dummies.reg.coef[j], within.reg.coef[j], within.reg.terms[static_cast<size_t>(j)]);
  expect_rel(dummies.sigma2, within.sigma2, "sigma2");
  expect_rel(dummies.loglik, within.loglik, "loglik");
}

TEST(SpatialPanelSacUnbalanced, RefusesSplmLagsAndLeeYu) {
  const SpatialPanelSample s = cbec::testing::produc_sample("produc_unbalanced_re.csv", false);
  SpatialPanelOptions o = sac(SpatialPanelEffect::Individual);
  o.lags = PanelLags::Splm;
  try {
    spatial_panel(s.data, o);
    FAIL() << "lags = splm was accepted on an unbalanced panel";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("lags = within"), std::string::npos) << e.what();
  }
  o = sac(SpatialPanelEffect::Individual);
  o.lee_yu = true;
  try {
    spatial_panel(s.data, o);
    FAIL() << "the Lee-Yu correction was accepted on an unbalanced panel";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("balanced panel"), std::string::npos) << e.what();
  }
}
