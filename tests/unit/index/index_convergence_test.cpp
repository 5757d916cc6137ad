// Entropy weights, VIF and convergence against independent R code
// (tests/reference/index/index_convergence.R) and the published tables named in issue 3.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/estimate/index/vif.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("index_convergence.json");
}
Eigen::MatrixXd indicators(const Frame& f, const std::vector<std::string>& names) {
  Eigen::MatrixXd X(static_cast<long>(f.nrows()), static_cast<long>(names.size()));
  for (size_t j = 0; j < names.size(); ++j)
    for (size_t i = 0; i < f.nrows(); ++i) X(static_cast<long>(i), static_cast<long>(j)) = f.numeric(names[j])[i];
  return X;
}
}  // namespace

TEST(EntropyWeights, PublishedTables) {
  // e_j -> w_j as printed (rounded to 3 decimals) in the reference paper.
  Eigen::VectorXd e(8), w_pub(8);
  e << 0.986, 0.996, 0.791, 0.936, 0.905, 0.993, 0.963, 0.976;
  w_pub << 0.030, 0.009, 0.462, 0.141, 0.209, 0.015, 0.081, 0.053;
  // The printed e_j and w_j are rounded to 3 decimals: e off by up to 5e-4 moves w_j by at most
  // 5e-4 (1 + m w_j) / sum(g), plus 5e-4 for the rounding of w_j itself.
  auto tolerance = [](const Eigen::VectorXd& w, const Eigen::VectorXd& e, long j) {
    return 5e-4 * (1 + static_cast<double>(w.size()) * w[j]) / (1 - e.array()).sum() + 5e-4;
  };
  Eigen::VectorXd w = weights_from_entropy(e);
  for (long j = 0; j < 8; ++j) EXPECT_NEAR(w[j], w_pub[j], tolerance(w, e, j)) << j;
  Eigen::VectorXd e2(4), w2(4);
  e2 << 0.889, 0.878, 0.902, 0.978;
  w2 << 0.316, 0.345, 0.277, 0.062;
  Eigen::VectorXd v = weights_from_entropy(e2);
  for (long j = 0; j < 4; ++j) EXPECT_NEAR(v[j], w2[j], tolerance(v, e2, j)) << j;
  EXPECT_NEAR(v.sum(), 1.0, 1e-15);
}

TEST(EntropyWeights, PooledPanelMatchesIndependentR) {
  auto fx = fixture();
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  const auto names = fx["indicators"].get<std::vector<std::string>>();
  EntropyOptions o;
  o.negative = fx["negative"].get<std::vector<bool>>();
  o.groups = {"patents", "patents", "rd", "rd"};
  for (const char* key : {"entropy", "entropy_shift"}) {
    o.shift = std::string(key) == "entropy" ? 0.0 : 1e-4;
    EntropyResult r = entropy_weights(indicators(f, names), names, o);
    EXPECT_EQ(r.n, 279u);  // k = 1 / ln 279 for 31 provinces x 9 years
    for (long j = 0; j < 4; ++j) {
      EXPECT_NEAR(r.e[j], fx[key]["e"][j].get<double>(), 1e-12);
      EXPECT_NEAR(r.w[j], fx[key]["w"][j].get<double>(), 1e-12);
    }
    for (long i = 0; i < 279; i += 31) EXPECT_NEAR(r.scores[i], fx[key]["scores"][i].get<double>(), 1e-12);
    EXPECT_NEAR(r.group_weights[0].second, r.w[0] + r.w[1], 1e-15);
  }
}

TEST(EntropyWeights, EdgeCases) {
  Eigen::MatrixXd X(4, 3);
  X << 1, 5, 0, 2, 5, 0, 3, 5, 7, 4, 5, -2;
  EntropyResult r = entropy_weights(X, {"a", "const", "zeros_negatives"});
  EXPECT_EQ(r.w[1], 0.0);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("'const' is constant"), std::string::npos);
  EXPECT_TRUE(std::isfinite(r.w[0]) && std::isfinite(r.w[2]));
  X(2, 0) = NAN;
  EXPECT_THROW(entropy_weights(X, {"a", "const", "z"}), DataError);
}

TEST(Vif, MatchesRAndScreensStepByStep) {
  auto fx = fixture();
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  const auto names = fx["indicators"].get<std::vector<std::string>>();
  Eigen::VectorXd v = vif(indicators(f, names), names);
  for (long j = 0; j < 4; ++j) EXPECT_NEAR(v[j], fx["vif"][j].get<double>(), 1e-8 * fx["vif"][j].get<double>());
  auto steps = vif_screen(indicators(f, names), names, 10.0);
  EXPECT_GE(steps.size(), 2u);  // patents applied and granted are nearly collinear
  EXPECT_FALSE(steps.front().dropped.empty());
  EXPECT_LE(steps.back().vif.maxCoeff(), 10.0);
}

TEST(Vif, AllAboveTheThresholdAtOnce) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  const std::vector<std::string> names = {"patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity"};
  const Eigen::MatrixXd X = indicators(f, names);
  const Eigen::VectorXd v = vif(X, names);
  std::vector<std::string> above;
  for (long j = 0; j < 4; ++j)
    if (v[j] > 8) above.push_back(names[static_cast<size_t>(j)]);
  ASSERT_EQ(above.size(), 2u);   // patents applied (VIF 10.0) and R&D spending (14.3); two are left
  const auto steps = vif_screen(X, names, 8.0, true);
  ASSERT_EQ(steps.size(), 2u);
  auto dropped = steps[0].dropped;
  std::sort(dropped.begin(), dropped.end());
  std::sort(above.begin(), above.end());
  EXPECT_EQ(dropped, above);
  EXPECT_TRUE(steps[1].dropped.empty());
  EXPECT_EQ(steps[1].names.size(), 2u);
  // One at a time stops earlier: dropping the largest lowers the others.
  EXPECT_EQ(vif_screen(X, names, 8.0).front().dropped, std::vector<std::string>{"rd_expenditure"});
}

TEST(Vif, AConstantVariableIsRefusedByName) {
  Eigen::MatrixXd X(5, 3);
  X << 1, 7, 2, 2, 7, 1, 3, 7, 5, 4, 7, 3, 5, 7, 8;
  try {
    vif(X, {"a", "const", "c"});
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("'const' is constant in the sample"), std::string::npos) << e.what();
  }
}

TEST(Convergence, SpeedMatchesPublishedTable) {
  // beta = -0.336, -0.830, -0.252 with T = 1 give speeds 0.41, 1.77, 0.29.
  EXPECT_NEAR(convergence_speed(-0.336, 1), 0.41, 0.005);
  EXPECT_NEAR(convergence_speed(-0.830, 1), 1.77, 0.005);
  EXPECT_NEAR(convergence_speed(-0.252, 1), 0.29, 0.005);
  EXPECT_TRUE(std::isnan(convergence_speed(-1.5, 1)));
  // Delta-method SEs; none where the speed is undefined (spbeta gave se_speed = se / (1 + beta) < 0).
  const SpeedMeasures m = speed_measures(-0.336, 0.05, 1);
  EXPECT_NEAR(m.speed_se, 0.05 / 0.664, 1e-15);
  EXPECT_NEAR(m.half_life_se, std::log(2.0) * m.speed_se / (m.speed * m.speed), 1e-15);
  const SpeedMeasures none = speed_measures(-1.229, 0.2, 1);
  EXPECT_TRUE(std::isnan(none.speed) && std::isnan(none.speed_se) && std::isnan(none.half_life) && std::isnan(none.half_life_se));
}

TEST(Convergence, SigmaAndBetaMatchR) {
  auto fx = fixture();
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  ConvergenceSpec s;
  s.variable = "inv";
  s.unit = "firm";
  s.time = "year";
  SigmaResult sg = sigma_convergence(f, s).at(0);
  ASSERT_EQ(sg.rows.size(), 20u);
  for (size_t k = 0; k < 20; ++k) {
    EXPECT_NEAR(sg.rows[k].sd, fx["sigma"]["sd"][k].get<double>(), 1e-12);
    EXPECT_NEAR(sg.rows[k].cv, fx["sigma"]["cv"][k].get<double>(), 1e-12);
  }
  EXPECT_NEAR(sg.sd_trend.slope, fx["sigma"]["sd_slope"].get<double>(), 1e-12);
  EXPECT_NEAR(sg.sd_trend.slope_se, fx["sigma"]["sd_se"].get<double>(), 1e-12);
  EXPECT_NEAR(sg.sd_trend.slope_p, fx["sigma"]["sd_p"].get<double>(), 1e-9);
  EXPECT_NEAR(sg.cv_trend.slope, fx["sigma"]["cv_slope"].get<double>(), 1e-12);
  BetaResult cs = beta_cross_section(f, s).at(0);
  EXPECT_NEAR(cs.beta, fx["beta_cs"]["beta"].get<double>(), 1e-10);
  EXPECT_NEAR(cs.speed, fx["beta_cs"]["speed"].get<double>(), 1e-10);
  EXPECT_EQ(cs.T, 19.0);
  BetaResult pb = beta_panel(f, s).at(0);
  EXPECT_NEAR(pb.beta, fx["beta_panel"]["beta"].get<double>(), 1e-10);
  EXPECT_NEAR(pb.speed, fx["beta_panel"]["speed"].get<double>(), 1e-10);
  EXPECT_EQ(pb.model.nobs, 190u);
  // Subgroups in one call.
  std::vector<std::string> half;
  for (double v : f.numeric("firm")) half.push_back(v <= 5 ? "A" : "B");
  f.set(Column::strings("half", half));
  s.group = "half";
  EXPECT_EQ(beta_panel(f, s).size(), 2u);
  EXPECT_EQ(sigma_convergence(f, s).size(), 2u);
}
