// GM spatial panel models and the GM spatial Hausman test against splm 1.6-5's spgm and sphtest on
// Munnell's Produc data with the 48-state weights usaww (tests/reference/spreg/spatial_panel_gm.R):
// sem and sac with unit fixed effects (initial moments) and random effects (initial, weights,
// fullweights), sar within (w2sls) and random (ec2sls); the options splm does not have are refused.
// With moments = weights splm's nlminb stops with "false convergence" short of the minimum of its
// own criterion: there lambda, sigma_v^2 and sigma_1^2 are checked against that minimum (found in
// the R script with a scaled L-BFGS-B, "converged"), and the coefficients, which follow from them,
// are not compared with splm's.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_hausman.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_gm.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "produc_usaww.hpp"
#include "gm_fixture_checks.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;
using cbec::testing::expect_gm_case;

namespace {

nlohmann::json fixture() {
  return reference_fixture("spreg_panel_gm_produc.json");
}

SpatialPanelSample sample(const std::string& file, bool intercept) { return cbec::testing::produc_sample(file, intercept); }

SpatialPanelOptions options(const std::string& model, const std::string& effect, const std::string& moments) {
  SpatialPanelOptions o;
  o.model = parse_spatial_panel_model(model);
  o.effect = parse_spatial_panel_effect(effect);
  o.moments = parse_gm_moments(moments);
  return o;
}

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::fabs(b)) << what << ": " << a << " vs " << b;
}

}  // namespace

TEST(SpatialPanelGm, AgainstSplm) {
  const nlohmann::json fx = fixture();
  const SpatialPanelSample re = sample("produc.csv", true), fe = sample("produc.csv", false);
  size_t checked = 0;
  for (const auto& c : fx["gm"]) {
    const std::string model = c["model"], effect = c["effect"], moments = c["moments"];
    SCOPED_TRACE(model + " " + effect + " " + moments);
    const bool random = effect == "random", lag = model != "sem";
    const SpatialPanelResult r = spatial_panel_gm(random ? re.data : fe.data, options(model, effect, moments));
    const RegressionResult& g = r.reg;
    const long off = lag ? 1 : 0;
    ASSERT_EQ(g.coef.size(), static_cast<long>(c["coef"].size()) + off);
    if (c.contains("converged")) {
      const auto& m = c["converged"];
      expect_rel(r.spatial_error, m["lambda"], "lambda at the criterion's minimum");
      expect_rel(r.sigma2, m["sigma2_v"], "sigma2_v at the criterion's minimum");
      expect_rel(r.sigma2_1, m["sigma2_1"], "sigma2_1 at the criterion's minimum");
      EXPECT_GT(std::fabs(r.spatial_error - c["lambda"].get<double>()), 1e-3);   // splm's stopped value is elsewhere
      ++checked;
      continue;
    }
    expect_gm_case(r, c, [](double want, double) { return 1e-6 * std::fabs(want); });
    ++checked;
  }
  EXPECT_EQ(checked, 10u);
}

TEST(SpatialPanelGm, HausmanAgainstSplm) {
  const nlohmann::json fx = fixture();
  const SpatialPanelSample re = sample("produc.csv", true), fe = sample("produc.csv", false);
  size_t checked = 0;
  for (const auto& c : fx["hausman"]) {
    const std::string model = c["model"], moments = c["moments"];
    SCOPED_TRACE(model + " " + moments);
    const SpatialPanelResult f = spatial_panel_gm(fe.data, options(model, "individual", "initial"));
    const SpatialPanelResult r = spatial_panel_gm(re.data, options(model, "random", moments));
    const TestResult h = spatial_hausman(f.reg, r.reg, true);
    expect_rel(h.stat, c["stat"], "chi2");
    EXPECT_EQ(h.df1, c["df"].get<double>());
    expect_rel(h.p_value, c["p_value"], "p-value", 1e-5);
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
}

TEST(SpatialPanelGm, RefusesWhatSplmHasNot) {
  const SpatialPanelSample re = sample("produc.csv", true), fe = sample("produc.csv", false);
  EXPECT_THROW(spatial_panel_gm(fe.data, options("sem", "individual", "weights")), SpecError);
  EXPECT_THROW(spatial_panel_gm(fe.data, options("sem", "twoways", "initial")), SpecError);
  EXPECT_THROW(spatial_panel_gm(re.data, options("sdm", "random", "initial")), SpecError);
  EXPECT_THROW(spatial_panel_gm(re.data, options("sem", "individual", "initial")), SpecError);   // intercept with fixed effects
  const SpatialPanelSample u = sample("produc_unbalanced.csv", false);
  try {
    spatial_panel_gm(u.data, options("sem", "individual", "initial"));
    FAIL() << "an unbalanced panel was accepted";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("balanced panel"), std::string::npos) << e.what();
  }
}
