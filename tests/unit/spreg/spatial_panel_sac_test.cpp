// The fixed-effects SAC spatial panel model against splm 1.6-5 on Munnell's Produc data with the
// 48-state weights usaww (tests/reference/spreg/spatial_panel_sac.R): individual, time and two-way
// effects, and the Lee-Yu correction with individual or time effects. Unbalanced panels:
// spatial_panel_sac_unbalanced_test.cpp.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "produc_usaww.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

SpatialPanelSample sample(const std::string& file) { return cbec::testing::produc_sample(file, false); }

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-3, std::fabs(b))) << what << ": " << a << " vs " << b;
}

}  // namespace

TEST(SpatialPanelSac, FixedEffectsAgainstSplm) {
  const nlohmann::json fx = reference_fixture("spreg_panel_sac_produc.json");
  const SpatialPanelSample s = sample("produc.csv");
  size_t checked = 0;
  for (const auto& c : fx["sac"]) {
    const std::string effect = c["effect"];
    const bool lee_yu = c["lee_yu"];
    SCOPED_TRACE(effect + (lee_yu ? " Lee-Yu" : ""));
    SpatialPanelOptions o;
    o.model = SpatialPanelModel::Sac;
    o.effect = parse_spatial_panel_effect(effect);
    o.lee_yu = lee_yu;
    o.lags = PanelLags::Splm;
    const SpatialPanelResult r = spatial_panel(s.data, o);
    const RegressionResult& g = r.reg;
    ASSERT_EQ(g.coef.size(), static_cast<long>(c["coef"].size()) + 2);
    // splm's nlminb stops within about 3e-8 of the maximum in the spatial parameters (time effects:
    // rho = 0.0044): they are compared to 1e-6 of max(|value|, 0.05)
    EXPECT_NEAR(r.spatial, c["rho"], 1e-6 * std::max(0.05, std::fabs(c["rho"].get<double>()))) << "rho (splm's lambda)";
    EXPECT_NEAR(r.spatial_error, c["lambda"], 1e-6 * std::max(0.05, std::fabs(c["lambda"].get<double>()))) << "lambda (splm's rho)";
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(g.coef[static_cast<long>(j) + 2], c["coef"][j], g.terms[j + 2]);
    const Eigen::VectorXd se = g.se();
    for (size_t j = 0; j < c["se"].size(); ++j) expect_rel(se[static_cast<long>(j)], c["se"][j], "se " + g.terms[j]);
    expect_rel(r.sigma2, c["sigma2"], "sigma2");
    ++checked;
  }
  EXPECT_EQ(checked, 5u);
}
