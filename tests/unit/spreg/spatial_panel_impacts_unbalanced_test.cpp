// LeSage-Pace impacts of spatial panel lag models on an UNBALANCED panel (estimate/spatial_models/
// panel_impacts.cpp): the impacts of the stacked model with the block-diagonal W = diag(W_t),
// against tests/reference/spreg/spatial_panel_impacts_unbalanced.R on Produc/usaww with 24
// state-years removed (spatialreg's lagsarlm, lagsarlm(Durbin = ~ x's) and sacsarlm with the effect
// dummies on the block-diagonal weights; impacts(fit, listw = ...)):
// - the formula at spatialreg's (rho, beta, theta): to 1e-10 relative of spatialreg's impacts and of
//   the formula written out with dense matrices in R (the SDM's reference: spatialreg 1.2.6 drops the
//   last Durbin term from impacts() in a model without intercept, so its unemp is not compared);
// - cbec's own fits and their impacts: to 1e-6 of max(|impact|, SE) (the estimates themselves are
//   compared in spatial_panel_test.cpp and spatial_panel_sac_unbalanced_test.cpp);
// - simulated SEs on spatialreg's variance vs its impacts(R = 20000) (SDM: the same draws in R):
//   different random streams, so within simulation error (the sd of 20000 draws has relative sd
//   1/sqrt(4e4) = 0.005 on each side): 3%; on cbec's own variance (SAR, SDM) too, that variance
//   itself against spatialreg's to 1e-5;
// - random effects SAR and SDM (no R fit): cbec's fit's impacts against the formula written out with
//   dense matrices at the R estimates of spatial_panel_re_unbalanced.R, to their 1e-6 agreement, and
//   at those estimates to 1e-10;
// - the balanced panel gives exactly the impacts of its one W; Monte Carlo traces per W_t, summed,
//   against the exact impacts; a period with a single unit (a 1 x 1 zero W_t).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"
#include "cbec/estimate/spatial_models/panel_impacts.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_re.hpp"
#include "produc_usaww.hpp"
#include "impacts_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;
using cbec::testing::expect_impacts_rel;
using cbec::testing::json_square_matrix;
using cbec::testing::json_vector;

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json ref = [] {
    return reference_fixture("spreg_panel_impacts_unbalanced_produc.json");
  }();
  return ref;
}

const SpatialPanelSample& unbalanced(bool intercept) {
  static const SpatialPanelSample with = cbec::testing::produc_sample("produc_unbalanced_re.csv", true),
                                  without = cbec::testing::produc_sample("produc_unbalanced_re.csv", false);
  return intercept ? with : without;
}

// spatialreg's (rho, beta, theta) and, when the fixture has it, its variance.
ImpactsInput input(const nlohmann::json& c) {
  ImpactsInput in;
  in.names = fixture()["terms"].get<std::vector<std::string>>();
  in.rho = c["rho"].get<double>();
  in.beta = json_vector(c["beta"]);
  if (c.contains("theta") && !c["theta"].is_null()) in.theta = json_vector(c["theta"]);
  if (c.contains("vcov")) {
    in.vcov = json_square_matrix(c["vcov"]);
  }
  return in;
}

void expect_impacts(const Impacts& im, const nlohmann::json& want, double tol, const std::string& what) {
  expect_impacts_rel(im.direct, want["direct"], tol, what + " direct");
  expect_impacts_rel(im.indirect, want["indirect"], tol, what + " indirect");
  expect_impacts_rel(im.total, want["total"], tol, what + " total");
}

// The first `k` regressors' impacts only.
void expect_first(const Impacts& im, const nlohmann::json& want, Eigen::Index k, double tol, const std::string& what) {
  for (Eigen::Index j = 0; j < k; ++j)
    for (const auto& [got, key] : {std::pair{&im.direct, "direct"}, std::pair{&im.indirect, "indirect"}, std::pair{&im.total, "total"}}) {
      const double w = want[key][static_cast<size_t>(j)].get<double>();
      EXPECT_NEAR((*got)(j), w, tol * std::fabs(w)) << what << " " << key << " [" << j << "]";
    }
}

ImpactsOptions point_only() {
  ImpactsOptions o;
  o.draws = 0;
  return o;
}

SpatialPanelOptions options(const std::string& model, const std::string& effect) {
  SpatialPanelOptions o;
  o.model = parse_spatial_panel_model(model);
  o.effect = parse_spatial_panel_effect(effect);
  return o;
}

}  // namespace

TEST(SpatialPanelImpactsUnbalanced, TheFormulaAtSpatialregsEstimates) {
  size_t checked = 0;
  for (const auto& c : fixture()["models"]) {
    const std::string what = c["model"].get<std::string>() + " " + c["effect"].get<std::string>();
    SCOPED_TRACE(what);
    EXPECT_LT(c["max_rel_diff_dense_vs_spatialreg"].get<double>(), 1e-10);   // R's check of the formula
    const SpatialPanelSample& s = unbalanced(c["effect"] == "pooled");
    ASSERT_FALSE(s.data.balanced());
    ASSERT_EQ(s.data.y.size(), c["n"].get<Eigen::Index>());
    const Impacts im = spatial_panel_impacts(s.data, input(c), point_only());
    expect_impacts(im, c["dense"], 1e-10, "the dense formula");
    // spatialreg 1.2.6 leaves the last Durbin term out of an SDM's impacts when the model has no
    // intercept (the R script): its impacts of unemp are those of theta = 0, the others are compared
    if (c["model"] == "sdm") expect_first(im, c["point"], 3, 1e-10, "spatialreg");
    else expect_impacts(im, c["point"], 1e-10, "spatialreg");
    EXPECT_NE(im.trace_method.find("17 periods"), std::string::npos) << im.trace_method;
    ++checked;
  }
  EXPECT_EQ(checked, 8u);
}

// cbec's fits and their impacts against the formula at the reference estimates: spatialreg's for SAR
// and SDM, the maximum of the SAC likelihood of spatial_panel_sac_unbalanced.R (sacsarlm's stops short
// of it) for the SAC, with all four effects. To 1e-6 of max(|impact|, its SE): rho is near 0 in
// several fits (SAC 0.004 to 0.007, SAR pooled -0.0002), where the indirect impacts are near 0 too and
// their relative error that of rho. The SAC's to 5e-6: its rho agrees with the R maximum to about 2e-8
// absolute (Brent's tolerance; spatial_panel_sac_unbalanced_test.cpp), 2e-6 of its SE, which moves
// the indirect impacts by up to 1.3e-6 of theirs.
TEST(SpatialPanelImpactsUnbalanced, CbecFitsAndTheirImpacts) {
  const auto check = [](const std::string& model, const std::string& effect, const nlohmann::json& want, const nlohmann::json& se, double tol) {
    SCOPED_TRACE(model + " " + effect);
    const SpatialPanelSample& s = unbalanced(effect == "pooled");
    const SpatialPanelResult r = fit_spatial_panel(s, options(model, effect));
    const auto in = impacts_input(r.reg);
    ASSERT_TRUE(in);
    EXPECT_EQ(in->names, fixture()["terms"].get<std::vector<std::string>>());
    ImpactsOptions o;
    o.draws = 1000;
    const Impacts im = spatial_panel_impacts(s.data, *in, o);
    struct Part { const Eigen::VectorXd& got; const Eigen::VectorXd& own_se; const char* key; };
    for (const Part& p : {Part{im.direct, im.se_direct, "direct"}, Part{im.indirect, im.se_indirect, "indirect"}, Part{im.total, im.se_total, "total"}})
      for (Eigen::Index k = 0; k < p.got.size(); ++k) {
        const double w = want[p.key][static_cast<size_t>(k)].get<double>();
        const double sd = se.is_null() ? p.own_se(k) : se[p.key][static_cast<size_t>(k)].get<double>();
        EXPECT_NEAR(p.got(k), w, tol * std::max(std::fabs(w), sd)) << p.key << " [" << k << "]";
      }
  };
  size_t checked = 0;
  for (const auto& c : fixture()["models"]) {
    if (c["model"] == "sac") continue;
    check(c["model"], c["effect"], c["dense"], c["se"], 1e-6);
    ++checked;
  }
  for (const auto& c : fixture()["sac_likelihood"]) {
    check("sac", c["effect"], c["dense"], nlohmann::json(), 5e-6);   // the scale: cbec's simulated SEs
    ++checked;
  }
  EXPECT_EQ(checked, 10u);
}

// Simulated SEs. On spatialreg's variance of (rho, beta, theta): its impacts(R = 20000) within 3%
// (observed: at most 2.0%, SAC unit effects). On cbec's own variance: the SAR's and SDM's, the
// information matrix with the dummies (the test below), within 3% too (observed as on spatialreg's);
// the SAC's numerical Hessian differs from sacsarlm's (SE of rho 0.01207 against 0.01162 with unit
// effects), so its SEs are compared on spatialreg's variance only.
TEST(SpatialPanelImpactsUnbalanced, SimulatedStandardErrors) {
  ImpactsOptions o;
  o.draws = 20000;
  o.seed = 2026;
  size_t own = 0;
  for (const auto& c : fixture()["models"]) {
    const std::string model = c["model"], effect = c["effect"];
    SCOPED_TRACE(model + " " + effect);
    const SpatialPanelSample& s = unbalanced(effect == "pooled");
    const Impacts on_r = spatial_panel_impacts(s.data, input(c), o);
    EXPECT_GT(on_r.draws, 19900);
    expect_impacts_rel(on_r.se_direct, c["se"]["direct"], 0.03, "se direct, spatialreg's variance");
    expect_impacts_rel(on_r.se_indirect, c["se"]["indirect"], 0.03, "se indirect, spatialreg's variance");
    expect_impacts_rel(on_r.se_total, c["se"]["total"], 0.03, "se total, spatialreg's variance");
    if (model == "sac") continue;
    const Impacts mine = spatial_panel_impacts(s.data, *impacts_input(fit_spatial_panel(s, options(model, effect)).reg), o);
    expect_impacts_rel(mine.se_direct, c["se"]["direct"], 0.03, "se direct, cbec's variance");
    expect_impacts_rel(mine.se_indirect, c["se"]["indirect"], 0.03, "se indirect, cbec's variance");
    expect_impacts_rel(mine.se_total, c["se"]["total"], 0.03, "se total, cbec's variance");
    ++own;
  }
  EXPECT_EQ(own, 6u);
}

// The SAR's and SDM's variance of (rho, beta, theta) with fixed effects on the unbalanced panel (lags
// within): the inverse information of the model with the effect dummies, as spatialreg's lagsarlm
// with them (method "eigen": its asymptotic variance), to 1e-5 relative. rho's row needs
// Q G_t (X beta + D alpha): with different W_t, G D alpha is no longer in span D, and the within
// G Q X beta alone gave an SE of rho of 0.0251 for 0.0117 (SAR, unit effects).
TEST(SpatialPanelImpactsUnbalanced, TheFitsVarianceAsSpatialregs) {
  size_t checked = 0;
  for (const auto& c : fixture()["models"]) {
    const std::string model = c["model"], effect = c["effect"];
    if (model == "sac") continue;
    SCOPED_TRACE(model + " " + effect);
    const SpatialPanelSample& s = unbalanced(effect == "pooled");
    const ImpactsInput in = *impacts_input(fit_spatial_panel(s, options(model, effect)).reg);
    const ImpactsInput ref = input(c);
    ASSERT_EQ(in.vcov.rows(), ref.vcov.rows());
    for (Eigen::Index i = 0; i < ref.vcov.rows(); ++i) {
      const double se = std::sqrt(ref.vcov(i, i));
      EXPECT_NEAR(std::sqrt(in.vcov(i, i)), se, 1e-5 * se) << "se [" << i << "]";
      for (Eigen::Index j = 0; j < i; ++j)   // the correlations
        EXPECT_NEAR(in.vcov(i, j) / std::sqrt(in.vcov(i, i) * in.vcov(j, j)), ref.vcov(i, j) / std::sqrt(ref.vcov(i, i) * ref.vcov(j, j)), 1e-5)
            << "correlation [" << i << ", " << j << "]";
    }
    ++checked;
  }
  EXPECT_EQ(checked, 6u);
}

TEST(SpatialPanelImpactsUnbalanced, RandomEffectsAgainstTheDenseFormula) {
  size_t checked = 0;
  for (const auto& c : fixture()["random"]) {
    const std::string model = c["model"];
    SCOPED_TRACE(model);
    const SpatialPanelSample& s = unbalanced(true);
    SpatialPanelOptions o = options(model, "random");
    o.lags = PanelLags::Splm;
    const SpatialPanelResult r = spatial_panel_re(s.data, o);
    expect_impacts(spatial_panel_impacts(s.data, *impacts_input(r.reg), point_only()), c["dense"], 2e-6, "cbec's fit");
    expect_impacts(spatial_panel_impacts(s.data, input(c), point_only()), c["dense"], 1e-10, "R's estimates");
    ++checked;
  }
  EXPECT_EQ(checked, 2u);
}

// The draws of the stacked impacts, exact or by Monte Carlo traces, give the same bits on 1 and 3
// threads (the replication driver's streams), and another seed other SEs.
TEST(SpatialPanelImpactsUnbalanced, SameSeedSameSEsWhateverTheThreads) {
  const auto& c = fixture()["models"][4];
  const SpatialPanelSample& s = unbalanced(false);
  for (const bool exact : {true, false}) {
    SCOPED_TRACE(exact ? "exact" : "Monte Carlo traces");
    ImpactsOptions o;
    o.draws = 500;
    o.exact_traces = exact;
    const int before = omp_get_max_threads();
    omp_set_num_threads(1);
    const Impacts one = spatial_panel_impacts(s.data, input(c), o);
    omp_set_num_threads(3);
    const Impacts three = spatial_panel_impacts(s.data, input(c), o);
    omp_set_num_threads(before);
    EXPECT_EQ(one.se_direct, three.se_direct);
    EXPECT_EQ(one.se_indirect, three.se_indirect);
    EXPECT_EQ(one.se_total, three.se_total);
    o.seed = 7;
    EXPECT_NE(spatial_panel_impacts(s.data, input(c), o).se_direct, one.se_direct);
  }
}

// One W for every period: the stacked impacts are the impacts of that W, bit for bit, exact or by
// Monte Carlo traces, point and simulated SEs.
TEST(SpatialPanelImpactsUnbalanced, BalancedPanelGivesTheImpactsOfItsW) {
  const SpatialPanelSample s = cbec::testing::produc_sample("produc.csv", false);
  ASSERT_TRUE(s.data.balanced());
  ASSERT_EQ(s.data.weights.size(), 1u);
  const ImpactsInput in = *impacts_input(fit_spatial_panel(s, options("sdm", "individual")).reg);
  for (const bool exact : {true, false}) {
    SCOPED_TRACE(exact ? "exact" : "Monte Carlo traces");
    ImpactsOptions o;
    o.draws = 300;
    o.exact_traces = exact;
    const Impacts one = spatial_impacts(s.data.weights[0], in, o), stacked = spatial_panel_impacts(s.data, in, o);
    EXPECT_EQ(stacked.direct, one.direct);
    EXPECT_EQ(stacked.indirect, one.indirect);
    EXPECT_EQ(stacked.total, one.total);
    EXPECT_EQ(stacked.se_direct, one.se_direct);
    EXPECT_EQ(stacked.se_indirect, one.se_indirect);
    EXPECT_EQ(stacked.se_total, one.se_total);
    EXPECT_EQ(stacked.trace_method, one.trace_method);
  }
  // the same W as 17 blocks of one period each: the same impacts up to rounding
  const std::vector<const SparseRowMatrix*> blocks(17, &s.data.weights[0]);
  const Impacts split = stacked_spatial_impacts(blocks, std::vector<size_t>(17, 1), in, point_only());
  const Impacts one = spatial_impacts(s.data.weights[0], in, point_only());
  for (Eigen::Index k = 0; k < one.direct.size(); ++k) {
    EXPECT_NEAR(split.direct(k), one.direct(k), 1e-12 * std::fabs(one.direct(k)));
    EXPECT_NEAR(split.total(k), one.total(k), 1e-12 * std::fabs(one.total(k)));
  }
}

// Monte Carlo traces of each W_t (16 vectors each), the series summed: direct and indirect within 1%
// of the total effect of the exact ones (the error of 16 vectors per W_t, as impacts_test.cpp), the
// total (exact sums 1'W_t^j 1) to 1e-8.
TEST(SpatialPanelImpactsUnbalanced, MonteCarloTracesPerPeriod) {
  const auto& c = fixture()["models"][4];   // sdm individual: rho 0.25 or so
  ASSERT_EQ(c["model"], "sdm");
  const SpatialPanelSample& s = unbalanced(false);
  ImpactsOptions o = point_only();
  o.exact_traces = false;
  const Impacts mc = spatial_panel_impacts(s.data, input(c), o);
  EXPECT_NE(mc.trace_method.find("Monte Carlo"), std::string::npos);
  const Impacts exact = spatial_panel_impacts(s.data, input(c), point_only());
  for (Eigen::Index k = 0; k < exact.direct.size(); ++k) {
    const double scale = std::fabs(exact.total(k));
    EXPECT_NEAR(mc.direct(k), exact.direct(k), 0.01 * scale) << k;
    EXPECT_NEAR(mc.indirect(k), exact.indirect(k), 0.01 * scale) << k;
    EXPECT_NEAR(mc.total(k), exact.total(k), 1e-8 * scale) << k;
  }
  // a different seed moves the Monte Carlo traces (a test that the seed reaches them)
  ImpactsOptions other = o;
  other.seed = 99;
  EXPECT_NE(spatial_panel_impacts(s.data, input(c), other).direct, mc.direct);
}

// A period with one unit observed: its W_t is the 1 x 1 zero matrix (no neighbour), its S_k = beta_k;
// against the dense block-diagonal formula. Inconsistent blocks are refused.
TEST(SpatialPanelImpactsUnbalanced, APeriodWithOneUnit) {
  const SpatialPanelSample s = cbec::testing::produc_sample("produc.csv", false);
  const SparseRowMatrix& w = s.data.weights[0];
  const SparseRowMatrix alone(1, 1);
  ImpactsInput in;
  in.names = {"a", "b"};
  in.rho = 0.3;
  in.beta = Eigen::Vector2d(1.5, -0.4);
  in.theta = Eigen::Vector2d(0.3, 0.2);
  const Impacts got = stacked_spatial_impacts({&w, &alone}, {2, 1}, in, point_only());
  const Eigen::Index n = w.rows(), big = 2 * n + 1;
  Eigen::MatrixXd W = Eigen::MatrixXd::Zero(big, big);
  W.block(0, 0, n, n) = Eigen::MatrixXd(w);
  W.block(n, n, n, n) = Eigen::MatrixXd(w);
  const Eigen::MatrixXd inv = (Eigen::MatrixXd::Identity(big, big) - in.rho * W).inverse();
  for (Eigen::Index k = 0; k < 2; ++k) {
    const Eigen::MatrixXd sk = inv * (in.beta(k) * Eigen::MatrixXd::Identity(big, big) + in.theta(k) * W);
    EXPECT_NEAR(got.direct(k), sk.trace() / big, 1e-12);
    EXPECT_NEAR(got.total(k), sk.sum() / big, 1e-12);
    EXPECT_NEAR(got.indirect(k), (sk.sum() - sk.trace()) / big, 1e-12);
  }
  EXPECT_THROW(stacked_spatial_impacts({&w, &alone}, {2}, in, point_only()), SpecError);
  EXPECT_THROW(stacked_spatial_impacts({&w, &alone}, {2, 0}, in, point_only()), SpecError);
  EXPECT_THROW(stacked_spatial_impacts({}, {}, in, point_only()), SpecError);
}
