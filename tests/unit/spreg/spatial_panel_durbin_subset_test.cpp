// Spatial panel Durbin models whose W x covers chosen regressors only (spxt --durbin-terms), on
// Munnell's Produc data with the 48-state weights usaww (tests/reference/spreg/spatial_panel_durbin_subset.R):
// W log(pcap) and W unemp only.
// - SDM by ML with unit, time and two-way fixed effects (splm's lags) against splm 1.6-5 spml with
//   the two W x columns in the data: as spatial_panel_test, 1e-6 relative.
// - SDM with random effects against spml(model = "random") with the same columns: as
//   spatial_panel_re_test (phi, on which the likelihood is flat, and what depends on it to 2e-5;
//   the numerical Hessian's SEs of rho and phi to 1e-2, splm's fdHess).
// - GM sar and sem within, sar random, against spgm(Durbin = ~ log(pcap) + unemp): 1e-6 relative,
//   coefficients to 1e-6 relative or 1e-6 of their SE (gm_fixture_checks.hpp).
// - The impacts of an SDM subset take theta = 0 for the regressors without W x.
// - Bad input: a term that is not a regressor, the intercept.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_gm.hpp"
#include "gm_fixture_checks.hpp"
#include "produc_usaww.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json ref = [] {
    return reference_fixture("spreg_panel_durbin_subset.json");
  }();
  return ref;
}

const SpatialPanelSample& sample(bool intercept) { return cbec::testing::produc_balanced(intercept); }

SpatialPanelOptions options(const std::string& model, const std::string& effect) {
  SpatialPanelOptions o;
  o.model = parse_spatial_panel_model(model);
  o.effect = parse_spatial_panel_effect(effect);
  o.lags = PanelLags::Splm;
  o.durbin_terms = fixture()["durbin_terms"].get<std::vector<std::string>>();
  return o;
}

void expect_rel(double a, double b, const std::string& what, double tol) {
  EXPECT_NEAR(a, b, tol * std::max(1e-3, std::fabs(b))) << what << ": " << a << " vs " << b;
}

}  // namespace

TEST(SpatialPanelDurbinSubset, MaximumLikelihoodAgainstSplm) {
  size_t checked = 0;
  for (const auto& c : fixture()["cases"]) {
    if (c["estimator"] != "ml") continue;
    const std::string effect = c["effect"];
    const bool random = effect == "random";
    SCOPED_TRACE("sdm " + effect);
    const SpatialPanelResult r = spatial_panel(sample(random).data, options("sdm", effect));
    const RegressionResult& g = r.reg;
    // rho, [phi, (Intercept),] the four regressors, W.log(pcap), W.unemp
    EXPECT_EQ(g.terms.back(), "W.unemp");
    EXPECT_EQ(g.terms[g.terms.size() - 2], "W.log(pcap)");
    const long off = random ? 2 : 1;
    ASSERT_EQ(g.coef.size(), static_cast<long>(c["coef"].size()) + off);
    const double tol = random ? 2e-5 : 1e-6;
    expect_rel(r.spatial, c["rho"], "rho", tol);
    const Eigen::VectorXd se = g.se();
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(g.coef[static_cast<long>(j) + off], c["coef"][j], g.terms[j + off], tol);
    if (random) {
      expect_rel(r.phi, c["phi"], "phi", tol);
      for (size_t j = 0; j < c["se"].size(); ++j) expect_rel(se[static_cast<long>(j) + off], c["se"][j], "se " + g.terms[j + off], tol);
      expect_rel(se[0], c["se_rho"], "se of rho", 1e-2);
    } else {   // splm's variance: rho first, then the slopes
      for (size_t j = 0; j < c["se"].size(); ++j) expect_rel(se[static_cast<long>(j)], c["se"][j], "se " + g.terms[j], tol);
    }
    expect_rel(r.sigma2, c["sigma2"], "sigma2", tol);
    expect_rel(r.loglik, c["loglik"], "log-likelihood", 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
}

TEST(SpatialPanelDurbinSubset, GeneralizedMomentsAgainstSplm) {
  size_t checked = 0;
  for (const auto& c : fixture()["cases"]) {
    if (c["estimator"] != "gm") continue;
    const std::string model = c["model"], effect = c["effect"];
    SCOPED_TRACE(model + " " + effect);
    SpatialPanelOptions o = options(model, effect);
    o.durbin = true;
    const SpatialPanelResult r = spatial_panel_gm(sample(effect == "random").data, o);
    EXPECT_EQ(r.reg.terms.back(), "W.unemp");
    EXPECT_EQ(r.reg.terms[r.reg.terms.size() - 2], "W.log(pcap)");
    cbec::testing::expect_gm_case(r, c, [](double want, double want_se) { return 1e-6 * std::max(std::fabs(want), want_se); });
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

TEST(SpatialPanelDurbinSubset, ImpactsTakeNoLagForTheOtherRegressors) {
  const SpatialPanelResult r = spatial_panel(sample(false).data, options("sdm", "individual"));
  const auto in = impacts_input(r.reg);
  ASSERT_TRUE(in.has_value());
  ASSERT_EQ(in->names, (std::vector<std::string>{"log(pcap)", "log(pc)", "log(emp)", "unemp"}));
  ASSERT_EQ(in->theta.size(), 4);
  EXPECT_EQ(in->theta[1], 0.0);
  EXPECT_EQ(in->theta[2], 0.0);
  EXPECT_EQ(in->theta[0], r.reg.coef[r.reg.find("W.log(pcap)")]);
  EXPECT_EQ(in->theta[3], r.reg.coef[r.reg.find("W.unemp")]);
}

TEST(SpatialPanelDurbinSubset, UnknownTermsAndTheInterceptAreRefused) {
  SpatialPanelOptions o = options("sdm", "individual");
  o.durbin_terms = {"log(pc)", "pcap"};
  try {
    spatial_panel(sample(false).data, o);
    FAIL() << "a term that is not a regressor";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("'pcap' is not a regressor"), std::string::npos) << e.what();
  }
  o = options("sdm", "random");
  o.durbin_terms = {"(Intercept)"};
  EXPECT_THROW(spatial_panel(sample(true).data, o), SpecError);
}
