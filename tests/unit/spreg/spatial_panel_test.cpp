// Spatial panel models against splm 1.6-5 and spatialreg on Munnell's Produc data with the 48-state
// weights usaww (tests/reference/spreg/spatial_panel.R): fixed-effects SAR, SEM and SDM with
// individual, time and two-way effects (splm's lags), the Lee-Yu correction, and the within lags,
// pooled models and an unbalanced panel against spatialreg on block-diagonal weights.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

nlohmann::json fixture() {
  return reference_fixture("spreg_panel_produc.json");
}

const char* kFormula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp";

SpatialSetup usaww() {
  SpatialSetup s;
  s.w = read_weights(std::string(CBEC_TEST_DATA) + "/usaww.gal");
  s.key = "state";
  s.transform = "R";
  return s;
}

SpatialPanelResult fit(const std::string& file, const std::string& model, const std::string& effect, bool lee_yu, PanelLags lags,
                       const std::string& transform = "R") {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + file);
  SpatialSetup s = usaww();
  s.transform = transform;
  const SpatialPanelSample sample = spatial_panel_sample(f, kFormula, effect == "pooled", "year", s, file);
  SpatialPanelOptions o;
  o.model = parse_spatial_panel_model(model);
  o.effect = parse_spatial_panel_effect(effect);
  o.lee_yu = lee_yu;
  o.lags = lags;
  return spatial_panel(sample.data, o);
}

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-3, std::fabs(b))) << what << ": " << a << " vs " << b;
}

}  // namespace

TEST(SpatialPanel, FixedEffectsAgainstSplm) {
  const nlohmann::json fx = fixture();
  size_t checked = 0;
  for (const auto& c : fx["splm"]) {
    const std::string model = c["model"], effect = c["effect"];
    const bool lee_yu = c["lee_yu"];
    // splm's two-way Lee-Yu correction has the sign reversed and is nT times too small (see
    // LeeYuTwoWayCorrection below): not compared.
    if (lee_yu && effect == "twoways") continue;
    SCOPED_TRACE(model + " " + effect + (lee_yu ? " Lee-Yu" : ""));
    const SpatialPanelResult r = fit("produc.csv", model, effect, lee_yu, PanelLags::Splm);
    const RegressionResult& g = r.reg;
    ASSERT_EQ(g.coef.size(), static_cast<long>(c["coef"].size()) + 1);
    expect_rel(r.spatial, c["spatial"], "spatial parameter");
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(g.coef[static_cast<long>(j) + 1], c["coef"][j], g.terms[j + 1]);
    const Eigen::VectorXd se = g.se();
    for (size_t j = 0; j < c["se"].size(); ++j) expect_rel(se[static_cast<long>(j)], c["se"][j], "se " + g.terms[j]);
    expect_rel(r.sigma2, c["sigma2"], "sigma2");
    // splm's SEM logLik is its concentrated likelihood; SAR's the full one (before the two-way correction)
    expect_rel(model == "sem" ? r.loglik_concentrated : r.loglik, c["loglik"], "log-likelihood");
    ++checked;
  }
  EXPECT_EQ(checked, 13u);
}

// Lee and Yu (2010, section 4) with unit and period effects: theta + Sigma^-1 a / n, sigma^2 x
// T/(T-1), as Elhorst's sar_panel_FE.m and sem_panel_FE.m (tests/reference/spreg/
// spatial_panel_lee_yu_twoways.R). cbec followed splm, whose correction lowered sigma^2 (rho 0.19665
// against 0.21141 here).
TEST(SpatialPanel, LeeYuTwoWayCorrection) {
  const nlohmann::json fx = reference_fixture("spreg_panel_lee_yu_twoways.json");
  size_t checked = 0;
  for (const auto& c : fx["cases"]) {
    const std::string model = c["model"];
    SCOPED_TRACE(model);
    const SpatialPanelResult direct = fit("produc.csv", model, "twoways", false, PanelLags::Splm);
    expect_rel(direct.spatial, c["direct"]["spatial"], "direct spatial parameter");
    const SpatialPanelResult r = fit("produc.csv", model, "twoways", true, PanelLags::Splm);
    const RegressionResult& g = r.reg;
    expect_rel(r.spatial, c["spatial"], "spatial parameter");
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(g.coef[static_cast<long>(j) + 1], c["coef"][j], g.terms[j + 1]);
    const Eigen::VectorXd se = g.se();
    for (size_t j = 0; j < c["se"].size(); ++j) expect_rel(se[static_cast<long>(j)], c["se"][j], "se " + g.terms[j]);
    expect_rel(r.sigma2, c["sigma2"], "sigma2");
    EXPECT_GT(r.sigma2, c["direct"]["sigma2"].get<double>());  // the incidental parameters bias sigma^2 down
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

// SEM with period effects and binary W (rows of unequal sums): the likelihood with the filtered
// dummies (tests/reference/spreg/spatial_panel_sem_period_effects.R); the within SEM gave lambda
// -0.0037 and log-likelihood 846.78 for time effects, the model's are 0.0959 and 882.41.
TEST(SpatialPanel, SemPeriodEffectsWithBinaryWeightsAsTheDummyVariableLikelihood) {
  const nlohmann::json fx = reference_fixture("spreg_panel_sem_period_effects.json");
  for (const auto& c : fx["cases"]) {
    const std::string effect = c["effect"];
    SCOPED_TRACE(effect);
    const SpatialPanelResult r = fit("produc.csv", "sem", effect, false, PanelLags::Within, "B");
    expect_rel(r.spatial, c["spatial"], "lambda");
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(r.reg.coef[static_cast<long>(j) + 1], c["coef"][j], r.reg.terms[j + 1]);
    expect_rel(r.sigma2, c["sigma2"], "sigma2");
    expect_rel(r.loglik, c["loglik"], "log-likelihood");
  }
  EXPECT_THROW(fit("produc.csv", "sem", "time", true, PanelLags::Within, "B"), SpecError);  // Lee-Yu assumes equal row sums
}

TEST(SpatialPanel, WithinLagsPooledAndUnbalancedAgainstSpatialreg) {
  const nlohmann::json fx = fixture();
  size_t checked = 0;
  size_t with_se = 0;
  for (const auto& c : fx["spatialreg"]) {
    const std::string model = c["model"], effect = c["effect"], file = c["data"];
    SCOPED_TRACE(model + " " + effect + " " + file);
    // For the SEM, errorsarlm stops its search for lambda early (two-way: 5.6e-5 relative off the
    // maximum of its own concentrated likelihood), so the script finds lambda again on that
    // likelihood by optimize; errorsarlm's own lambda is held to 1e-4.
    const double tol = 2e-6;
    const SpatialPanelResult r = fit(file, model, effect == "none" ? "pooled" : effect, false, PanelLags::Within);
    const RegressionResult& g = r.reg;
    EXPECT_EQ(g.nobs, c["nobs"].get<size_t>());
    const long first = effect == "none" ? 2 : 1;
    expect_rel(r.spatial, c["spatial"], "spatial parameter", tol);
    if (model == "sem") expect_rel(r.spatial, c["spatial_errorsarlm"], "errorsarlm's lambda", 1e-4);
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(g.coef[static_cast<long>(j) + first], c["coef"][j], g.terms[j + first], tol);
    if (effect == "none") expect_rel(g.coef[1], c["intercept"], "intercept", tol);
    // The SAR's SEs with effects: the information matrix of the model with the effect dummies
    // (rho's row partialled on them as on X), as lagsarlm's with the dummies among the regressors.
    if (c.contains("se_effects") && !c["se_effects"].is_null()) {
      const Eigen::VectorXd se = g.se();
      for (size_t j = 0; j < c["se_effects"].size(); ++j) expect_rel(se[static_cast<long>(j)], c["se_effects"][j], "se " + g.terms[j], 1e-5);
      ++with_se;
    }
    expect_rel(r.sigma2, c["sigma2"], "sigma2", tol);
    expect_rel(r.loglik, c["loglik"], "log-likelihood");
    ++checked;
  }
  EXPECT_EQ(checked, 14u);
  EXPECT_EQ(with_se, 5u);   // SAR: unit, time, two-way effects balanced; unit, two-way unbalanced
}
