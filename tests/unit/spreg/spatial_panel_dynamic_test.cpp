// spxt's dynamic option (y_{t-1} and W y_{t-1} as regressors, the first period dropped) against
// splm 1.6-5 run on the same regressors built in R (tests/reference/spreg/spatial_panel_dynamic.R),
// on Munnell's Produc data with the 48-state weights usaww.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(SpatialPanelDynamic, AgainstSplmOnBuiltLags) {
  const nlohmann::json fx = reference_fixture("spreg_panel_dynamic_produc.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  SpatialSetup s;
  s.w = read_weights(std::string(CBEC_TEST_DATA) + "/usaww.gal");
  s.key = "state";
  s.transform = "R";
  const std::string formula = dynamic_formula("log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp");
  SpatialPanelSample sample = spatial_panel_sample(f, formula, false, "year", s, "produc.csv");
  add_space_time_lag(sample);
  ASSERT_EQ(sample.data.n_periods, 16u);
  ASSERT_EQ(sample.data.y.size(), 48 * 16);
  EXPECT_EQ(sample.data.x_names, fx["terms"].get<std::vector<std::string>>());
  size_t checked = 0;
  for (const auto& c : fx["dynamic"]) {
    SCOPED_TRACE(c["model"].get<std::string>() + " " + c["effect"].get<std::string>());
    SpatialPanelOptions o;
    o.model = parse_spatial_panel_model(c["model"]);
    o.effect = parse_spatial_panel_effect(c["effect"]);
    o.lags = PanelLags::Splm;
    const SpatialPanelResult r = spatial_panel(sample.data, o);
    // 2e-6: splm's SEM search (optimize, tol.opt 1e-12) stops 1.5e-6 off on W y_{t-1}'s slope
    auto rel = [](double a, double b) { return std::fabs(a - b) / std::max(1e-3, std::fabs(b)) / 2; };
    EXPECT_LT(rel(r.spatial, c["spatial"]), 1e-6);
    for (size_t j = 0; j < c["coef"].size(); ++j) EXPECT_LT(rel(r.reg.coef[static_cast<long>(j) + 1], c["coef"][j]), 1e-6) << r.reg.terms[j + 1];
    const Eigen::VectorXd se = r.reg.se();
    for (size_t j = 0; j < c["se"].size(); ++j) EXPECT_LT(rel(se[static_cast<long>(j)], c["se"][j]), 1e-6) << "se " << r.reg.terms[j];
    EXPECT_LT(rel(r.sigma2, c["sigma2"]), 1e-6);
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}
