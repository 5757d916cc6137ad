// de Chaisemartin-D'Haultfoeuille TWFE weights against TwoWayFEWeights 2.0.4
// (tests/reference/did/twfe_weights.R) on mpdta (20 negative weights) and castle (none).
#include "cbec/estimate/did/twfe_weights.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(TwfeWeights, MatchesTwoWayFEWeights) {
  const auto fx = reference_fixture("did_twfe_weights.json");
  for (const auto& c : fx["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const bool mp = c["name"] == "mpdta";
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + (mp ? "/mpdta.csv" : "/castle.csv"));
    StaggeredSpec s;
    s.y = mp ? "lemp" : "l_homicide";
    s.unit = mp ? "countyreal" : "state";
    s.time = "year";
    s.first_treat = mp ? "first.treat" : "first_treat";
    const auto r = twfe_weights(f, s);
    auto rel = [](double a, const nlohmann::json& b) { EXPECT_NEAR(a, b.get<double>(), 1e-8 * std::max(1.0, std::abs(b.get<double>()))); };
    rel(r.beta, c["beta"]);
    EXPECT_EQ(r.n_positive, c["n_positive"].get<size_t>());
    EXPECT_EQ(r.n_negative, c["n_negative"].get<size_t>());
    rel(r.sum_positive, c["sum_positive"]);
    rel(r.sum_negative, c["sum_negative"]);
    rel(r.sd_for_zero_att, c["sd_for_zero_att"]);
    if (c["sd_for_opposite_sign"].is_null()) EXPECT_TRUE(std::isnan(r.sd_for_opposite_sign));
    else rel(r.sd_for_opposite_sign, c["sd_for_opposite_sign"]);
    EXPECT_NE(r.verdict.find(r.n_negative ? "negative weights" : "positive weights"), std::string::npos);
  }
}

// With controls the weights are those of the regression the table shows: D residualized on the unit
// and period effects and the controls, beta that regression's coefficient (TwoWayFEWeights with
// controls, tests/reference/did/twfe_weights_controls.R); they were the weights of the regression
// without controls (beta 2.014885 beside the table's 2.013845).
TEST(TwfeWeights, WithControlsAsTheRegressionShown) {
  const auto fx = reference_fixture("did_twfe_weights_controls.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/did_step2_controls.csv");
  for (const bool with_controls : {true, false}) {
    const auto& c = fx[with_controls ? "controls" : "none"];
    StaggeredSpec s;
    s.y = "y";
    s.unit = "id";
    s.time = "year";
    s.first_treat = "first_treat";
    if (with_controls) s.controls = {"x"};
    const auto r = twfe_weights(f, s);
    auto rel = [](double a, const nlohmann::json& b) { EXPECT_NEAR(a, b.get<double>(), 1e-8 * std::max(1.0, std::abs(b.get<double>()))); };
    rel(r.beta, c["beta"]);
    EXPECT_EQ(r.n_negative, c["n_negative"].get<size_t>());
    rel(r.sum_negative, c["sum_negative"]);
    rel(r.sd_for_zero_att, c["sd_for_zero_att"]);
    rel(r.sd_for_opposite_sign, c["sd_for_opposite_sign"]);
  }
}
