// One case of an splm spgm fixture (tests/reference/spreg/spatial_panel_gm*.R) against a cbec GM
// spatial panel fit: the coefficients and SEs after the spatial rows, rho and its SE (lag models),
// lambda and sigma_v^2 (error models), sigma_1^2 and theta (random effects), 1e-6 relative; each
// coefficient within coef_tolerance(expected value, expected SE).
#pragma once
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec::testing {

inline void expect_gm_case(const SpatialPanelResult& r, const nlohmann::json& c, double (*coef_tolerance)(double want, double want_se)) {
  const std::string model = c["model"], effect = c["effect"];
  const bool random = effect == "random", lag = model != "sem";
  const auto rel = [](double a, double b, const std::string& what) { EXPECT_NEAR(a, b, 1e-6 * std::fabs(b)) << what << ": " << a << " vs " << b; };
  const RegressionResult& g = r.reg;
  const long off = lag ? 1 : 0;
  ASSERT_EQ(g.coef.size(), static_cast<long>(c["coef"].size()) + off);
  const Eigen::VectorXd se = g.se();
  for (size_t j = 0; j < c["coef"].size(); ++j) {
    const long i = static_cast<long>(j) + off;
    const double want = c["coef"][j], want_se = c["se"][j];
    EXPECT_NEAR(g.coef[i], want, coef_tolerance(want, want_se)) << g.terms[static_cast<size_t>(i)];
    rel(se[i], want_se, "se " + g.terms[static_cast<size_t>(i)]);
  }
  if (lag) {
    EXPECT_EQ(g.terms[0], "rho");
    rel(r.spatial, c["rho"], "rho (splm's lambda)");
    rel(se[0], c["se_rho"], "se of rho");
  }
  if (model != "sar") {
    rel(r.spatial_error, c["lambda"], "lambda (splm's rho)");
    rel(r.sigma2, c["sigma2_v"], "sigma2_v");
  }
  if (random && model != "sar") {
    rel(r.sigma2_1, c["sigma2_1"], "sigma2_1");
    rel(r.theta, c["theta"], "theta");
  }
}

}  // namespace cbec::testing
