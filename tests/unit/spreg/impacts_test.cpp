// LeSage-Pace impacts against spatialreg::impacts (tests/reference/spreg/impacts.R) on SAR, SDM and
// SAC fits to Columbus, NC SIDS and Boston, feeding R's fitted rho, beta, theta into cbec:
// - exact (eigenvalues) vs impacts(fit, listw = lw) and the series in R's own traces (exact "mult"
//   and Monte Carlo "MC") vs impacts(fit, tr = trW(...)): 1e-6 relative;
// - cbec's own Monte Carlo traces vs the exact impacts: direct and indirect within 1% of the total
//   effect (Monte Carlo error of 16 vectors; R's own MC traces miss by up to 0.5% of it here), the
//   total (exact sums, a series truncated at 30 terms) to 1e-5;
// - simulated SEs vs summary(impacts(fit, listw, R = 100000)): different random streams, so within
//   simulation error: the sd of 100000 normal draws has relative sd 1/sqrt(2e5) = 0.0022 on each
//   side; the impacts are skewed (1/(1 - rho)), which inflates it (spatialreg's own SEs of Columbus
//   SAR's indirect effect spread by 1.5% over seeds at R = 20000); tolerance 3%;
// - the same seed gives the same SEs; unstandardized W against a dense inverse by hand.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/impacts.hpp"
#include "cbec/io/weights_io.hpp"
#include "impacts_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;
using cbec::testing::expect_impacts_rel;
using cbec::testing::json_square_matrix;
using cbec::testing::json_vector;

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json ref = [] {
    return reference_fixture("spreg_impacts.json");
  }();
  return ref;
}

SpatialWeights weights(const std::string& gal, size_t n) {
  std::vector<std::string> ids;
  for (size_t i = 1; i <= n; ++i) ids.push_back(std::to_string(i));
  return align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/" + gal), ids, gal);
}

ImpactsInput input(const nlohmann::json& c) {
  ImpactsInput in;
  in.names = c["names"].get<std::vector<std::string>>();
  in.rho = c["rho"].get<double>();
  in.beta = json_vector(c["beta"]);
  in.theta = json_vector(c["theta"]);
  in.vcov = json_square_matrix(c["vcov"]);
  return in;
}

void expect_impacts(const Impacts& got, const nlohmann::json& want, double tol) {
  expect_impacts_rel(got.direct, want["direct"], tol, "direct");
  expect_impacts_rel(got.indirect, want["indirect"], tol, "indirect");
  expect_impacts_rel(got.total, want["total"], tol, "total");
}

struct Case { std::string data, gal; size_t n; };
const std::vector<Case> kCases = {{"columbus", "columbus.gal", 49}, {"nc_sids", "nc_sids_cr85.gal", 100}, {"boston", "boston_soi.gal", 506}};
const std::vector<std::string> kModels = {"sar", "sdm", "sac"};

PowerTraces r_traces(const nlohmann::json& t, Eigen::Index n) {
  PowerTraces p;
  p.n = n;
  p.trace = json_vector(t);
  p.sum = Eigen::VectorXd::Constant(p.trace.size() + 1, static_cast<double>(n));  // W row-standardized: 1'W^j 1 = n
  return p;
}

}  // namespace

TEST(Impacts, ExactAndTraceSeriesMatchSpatialreg) {
  for (const Case& cs : kCases) {
    const SpatialWeights w = row_standardize(weights(cs.gal, cs.n));
    const auto& traces = fixture()[cs.data + "_traces"];
    for (const std::string& m : kModels) {
      SCOPED_TRACE(cs.data + " " + m);
      const auto& c = fixture()[cs.data + "_" + m];
      const ImpactsInput in = input(c);
      ImpactsOptions opt;
      opt.draws = 0;
      const Impacts exact = spatial_impacts(w.W, in, opt);
      EXPECT_EQ(exact.names, in.names);
      EXPECT_EQ(exact.draws, 0);
      EXPECT_EQ(exact.se_direct.size(), 0);
      expect_impacts(exact, c["exact"], 1e-6);
      const Eigen::Index n = static_cast<Eigen::Index>(cs.n);
      expect_impacts(impacts_from_traces(r_traces(traces["mult"], n), in, opt), c["mult"], 1e-6);
      expect_impacts(impacts_from_traces(r_traces(traces["mc"], n), in, opt), c["mc"], 1e-6);
      opt.exact_traces = false;
      const Impacts mc = spatial_impacts(w.W, in, opt);
      for (Eigen::Index k = 0; k < mc.total.size(); ++k) {  // Monte Carlo error: 1% of the total effect
        const double tol = 0.01 * std::abs(c["exact"]["total"][static_cast<size_t>(k)].get<double>());
        EXPECT_NEAR(mc.direct(k), c["exact"]["direct"][static_cast<size_t>(k)].get<double>(), tol);
        EXPECT_NEAR(mc.indirect(k), c["exact"]["indirect"][static_cast<size_t>(k)].get<double>(), tol);
        EXPECT_NEAR(mc.total(k), c["exact"]["total"][static_cast<size_t>(k)].get<double>(), 1e-5 * std::abs(mc.total(k)));
      }
      EXPECT_NE(mc.trace_method, exact.trace_method);
    }
  }
}

TEST(Impacts, MonteCarloTracesExactForTheFirstTwoPowers) {
  for (const Case& cs : kCases) {
    SCOPED_TRACE(cs.data);
    const SpatialWeights w = row_standardize(weights(cs.gal, cs.n));
    const auto& mult = fixture()[cs.data + "_traces"]["mult"];
    const PowerTraces t = monte_carlo_traces(w.W, 30, 7);
    ASSERT_EQ(t.trace.size(), 30);
    EXPECT_NEAR(t.trace(0), mult[0].get<double>(), 1e-9);
    EXPECT_NEAR(t.trace(1), mult[1].get<double>(), 1e-9 * mult[1].get<double>());
    // x'Ax with x ~ N(0, I) has mean tr(A) and variance 2 ||(A + A')/2||_F^2 (Hutchinson 1989): the
    // mean of 16 such draws lies within 5 of its standard deviations sqrt(2 ||.||_F^2 / 16).
    const Eigen::MatrixXd wd(w.W);
    Eigen::MatrixXd power = wd * wd;
    for (Eigen::Index j = 2; j < 30; ++j) {
      power = wd * power;
      const double sd = std::sqrt(2.0 * (0.5 * (power + power.transpose())).squaredNorm() / 16.0);
      EXPECT_NEAR(t.trace(j), mult[static_cast<size_t>(j)].get<double>(), 5 * sd) << j;
    }
    for (Eigen::Index j = 0; j <= 30; ++j) EXPECT_NEAR(t.sum(j), static_cast<double>(cs.n), 1e-9 * static_cast<double>(cs.n));
  }
}

TEST(Impacts, SimulatedStandardErrorsMatchSpatialregWithinSimulationError) {
  for (const Case& cs : kCases) {
    const SpatialWeights w = row_standardize(weights(cs.gal, cs.n));
    for (const std::string& m : kModels) {
      SCOPED_TRACE(cs.data + " " + m);
      const auto& c = fixture()[cs.data + "_" + m];
      const ImpactsInput in = input(c);
      // Columbus SAC: rho = 0.35 with standard error 0.20, so draws reach rho near 1, where
      // 1/(1 - rho) explodes: the impacts' variance does not exist and spatialreg's own SEs range
      // from 0.9 to 18 over seeds. Only its point estimates are compared.
      if ((1 - in.rho) / std::sqrt(in.vcov(0, 0)) < 4) continue;
      ImpactsOptions opt;
      opt.draws = 100000;
      opt.seed = 2026;
      const Impacts a = spatial_impacts(w.W, in, opt);
      EXPECT_GT(a.draws, 99000);
      EXPECT_LE(a.draws, 100000);
      expect_impacts_rel(a.se_direct, c["sim"]["se_direct"], 0.03, "se_direct");
      expect_impacts_rel(a.se_indirect, c["sim"]["se_indirect"], 0.03, "se_indirect");
      expect_impacts_rel(a.se_total, c["sim"]["se_total"], 0.03, "se_total");
    }
  }
}

TEST(Impacts, SameSeedSameDrawsWhateverTheThreads) {
  const SpatialWeights w = row_standardize(weights("columbus.gal", 49));
  const ImpactsInput in = input(fixture()["columbus_sdm"]);
  ImpactsOptions opt;
  opt.draws = 500;
  const Impacts a = spatial_impacts(w.W, in, opt), b = spatial_impacts(w.W, in, opt);
  EXPECT_EQ(a.se_direct, b.se_direct);
  EXPECT_EQ(a.se_total, b.se_total);
  opt.seed = 2;
  const Impacts c = spatial_impacts(w.W, in, opt);
  EXPECT_NE(a.se_direct, c.se_direct);
  opt.exact_traces = false;
  opt.seed = 1;
  const Impacts t1 = spatial_impacts(w.W, in, opt), t2 = spatial_impacts(w.W, in, opt);
  EXPECT_EQ(t1.direct, t2.direct);
  EXPECT_EQ(t1.se_indirect, t2.se_indirect);
}

TEST(Impacts, UnstandardizedWeightsAgainstADenseInverse) {
  // Binary contiguity: W 1 != 1, so the total is 1'(I - rho W)^{-1}(beta I + theta W) 1 / n by hand.
  const SpatialWeights w = weights("columbus.gal", 49);
  ImpactsInput in;
  in.names = {"a", "b"};
  in.rho = 0.12;
  in.beta = Eigen::Vector2d(1.5, -0.4);
  in.theta = Eigen::Vector2d(0.3, 0.2);
  ImpactsOptions opt;
  opt.draws = 0;
  const Impacts got = spatial_impacts(w.W, in, opt);
  const Eigen::MatrixXd W(w.W);
  const Eigen::MatrixXd inv = (Eigen::MatrixXd::Identity(49, 49) - in.rho * W).inverse();
  for (Eigen::Index k = 0; k < 2; ++k) {
    const Eigen::MatrixXd s = inv * (in.beta(k) * Eigen::MatrixXd::Identity(49, 49) + in.theta(k) * W);
    EXPECT_NEAR(got.direct(k), s.trace() / 49, 1e-10);
    EXPECT_NEAR(got.total(k), s.sum() / 49, 1e-10);
    EXPECT_NEAR(got.indirect(k), (s.sum() - s.trace()) / 49, 1e-10);
  }
  // spatialreg's (beta + theta) / (1 - rho) differs here, and the output says so; not for a
  // row-standardized W.
  EXPECT_NE(got.note.find("do not sum to 1"), std::string::npos) << got.note;
  EXPECT_TRUE(spatial_impacts(row_standardize(w).W, in, opt).note.empty());
}

TEST(Impacts, RefusesInconsistentInput) {
  const SpatialWeights w = row_standardize(weights("columbus.gal", 49));
  ImpactsInput in;
  in.names = {"a"};
  in.beta = Eigen::Vector2d(1, 2);
  EXPECT_THROW(spatial_impacts(w.W, in, ImpactsOptions{}), SpecError);
  in.names = {"a", "b"};
  EXPECT_THROW(spatial_impacts(w.W, in, ImpactsOptions{}), SpecError);  // draws without vcov
  ImpactsOptions none;
  none.draws = 0;
  EXPECT_NO_THROW(spatial_impacts(w.W, in, none));
  in.theta = Eigen::Vector3d(1, 2, 3);
  EXPECT_THROW(spatial_impacts(w.W, in, none), SpecError);
}
