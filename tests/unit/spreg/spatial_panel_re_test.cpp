// Random-effects spatial panel models and the spatial Hausman test against splm 1.6-5 on Munnell's
// Produc data with the 48-state weights usaww (tests/reference/spreg/spatial_panel_re.R): SAR-RE,
// SEM-RE with Baltagi-Song-Koh and with Kapoor-Kelejian-Prucha errors, and sphtest (ML). The Durbin
// model (SDM-RE) against splm's SAR-RE on the data with the W x columns added (splm's ML has no
// Durbin option); SAC-RE with both error types. On an unbalanced panel, where splm refuses, against
// the likelihoods written out in R: SAR-RE and SDM-RE (tests/reference/spreg/
// spatial_panel_re_unbalanced.R), SEM-RE and SAC-RE with both error types (dense matrices,
// spatial_panel_re_error_unbalanced.R, which reproduces splm with the same code on the balanced panel).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_hausman.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_re.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "produc_usaww.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

nlohmann::json fixture() {
  return reference_fixture("spreg_panel_re_produc.json");
}

SpatialPanelSample sample(const std::string& file, bool intercept) { return cbec::testing::produc_sample(file, intercept); }

SpatialPanelOptions options(const std::string& model, const std::string& errors, SpatialPanelEffect effect = SpatialPanelEffect::Random) {
  SpatialPanelOptions o;
  o.model = parse_spatial_panel_model(model);
  o.effect = effect;
  o.lags = PanelLags::Splm;
  o.re_errors = errors == "kkp" ? SpatialReErrors::Kkp : SpatialReErrors::Baltagi;
  return o;
}

// The unbalanced SEM-RE and SAC-RE against the dense likelihood: the estimates, sigma2 and beta's
// SEs to 1e-6 relative; SAC's rho (near 0, where the likelihood is flat along (rho, lambda): Brent's
// absolute tolerance here and R's Newton polish both leave ~1e-8) to 5e-8 absolute; the
// numerical-Hessian SEs of (rho, lambda, phi) to 1e-4.
constexpr double kCoefTolerance = 1e-6, kRhoAbsoluteTolerance = 5e-8, kHessianSeTolerance = 1e-4;

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-3, std::fabs(b))) << what << ": " << a << " vs " << b;
}

}  // namespace

TEST(SpatialPanelRe, AgainstSplm) {
  const nlohmann::json fx = fixture();
  const SpatialPanelSample s = sample("produc.csv", true);
  size_t checked = 0;
  for (const auto& c : fx["random"]) {
    const std::string model = c["model"], errors = c["errors"];
    SCOPED_TRACE(model + " " + errors);
    const SpatialPanelResult r = spatial_panel_re(s.data, options(model, errors));
    const RegressionResult& g = r.reg;
    // The log-likelihood is flat in phi (spatial_panel_re.hpp): splm's nlminb and cbec's Brent
    // searches place phi to about 1e-5, and what depends on it (beta, its se, sigma2) to 2e-5.
    const double tol = 2e-5;
    const bool sac = model == "sac";
    const long off = sac ? 3 : 2;   // rho (or lambda), [lambda,] phi, then the regressors
    ASSERT_EQ(g.coef.size(), static_cast<long>(c["coef"].size()) + off);
    EXPECT_EQ(r.errors, errors);
    // SAC: rho is near 0 and the likelihood flat along (rho, lambda): to 1e-6 absolute
    if (sac)
      EXPECT_NEAR(r.spatial, c["spatial"].get<double>(), 1e-6);
    else
      expect_rel(r.spatial, c["spatial"], "spatial parameter", tol);
    expect_rel(r.phi, c["phi"], "phi", tol);
    EXPECT_EQ(g.coef[off - 1], r.phi);
    for (size_t j = 0; j < c["coef"].size(); ++j) expect_rel(g.coef[static_cast<long>(j) + off], c["coef"][j], g.terms[j + off], tol);
    const Eigen::VectorXd se = g.se();
    for (size_t j = 0; j < c["se"].size(); ++j) expect_rel(se[static_cast<long>(j) + off], c["se"][j], "se " + g.terms[j + off], tol);
    // numerical Hessians: splm's fdHess is accurate to about 1e-2 here (numeric_hessian.hpp); for
    // SAC the reference is numDeriv's Hessian at splm's optimum (fdHess is off by 2x there; the two
    // optima differ by ~1e-7 in the flat directions, so 3e-3)
    const double se_tol = sac ? 3e-3 : 1e-2;
    expect_rel(se[0], c["se_spatial"], "se of the spatial parameter", se_tol);
    expect_rel(se[off - 1], c["se_phi"], "se of phi", se_tol);
    if (sac) {
      EXPECT_EQ(g.terms[1], "lambda");
      EXPECT_NEAR(r.spatial_error, c["lambda"].get<double>(), 1e-6);
      expect_rel(se[1], c["se_lambda"], "se of lambda", se_tol);
    }
    expect_rel(r.sigma2, c["sigma2"], "sigma2", tol);
    expect_rel(r.sigma2_mu, c["sigma2_mu"], "sigma2_mu", tol);
    expect_rel(r.loglik, c["loglik"], "log-likelihood", 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 6u);
}

TEST(SpatialPanelRe, HausmanAgainstSplm) {
  const nlohmann::json fx = fixture();
  const SpatialPanelSample re = sample("produc.csv", true), fe = sample("produc.csv", false);
  size_t checked = 0;
  for (const auto& c : fx["hausman"]) {
    const std::string model = c["model"], errors = c["errors"];
    SCOPED_TRACE(model + " " + errors);
    const SpatialPanelResult r = spatial_panel_re(re.data, options(model, errors));
    const SpatialPanelResult f = spatial_panel(fe.data, options(model, errors, SpatialPanelEffect::Individual));
    const TestResult h = spatial_hausman(f.reg, r.reg);
    expect_rel(h.stat, c["stat"], "chi2", 1e-4);   // through the random-effects estimates (2e-5)
    EXPECT_EQ(h.df1, c["df"].get<double>());
    expect_rel(h.p_value, c["p_value"], "p-value", 1e-5);
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

TEST(SpatialPanelRe, UnbalancedSarAndSdmAgainstTheLikelihoodWrittenOut) {
  const nlohmann::json fx = reference_fixture("spreg_panel_re_unbalanced_produc.json");
  const SpatialPanelSample s = sample("produc_unbalanced_re.csv", true);
  ASSERT_FALSE(s.data.balanced());
  size_t checked = 0;
  for (const auto& c : fx["models"]) {
    const std::string model = c["model"];
    SCOPED_TRACE(model);
    const SpatialPanelResult r = spatial_panel_re(s.data, options(model, "baltagi"));
    EXPECT_FALSE(r.balanced);
    ASSERT_EQ(r.reg.nobs, c["n"].get<size_t>());
    ASSERT_EQ(r.reg.terms, c["terms"].get<std::vector<std::string>>());
    // phi within 1e-5 (the likelihood is flat in it); the SEs of (rho, phi) are numerical Hessians.
    for (long j = 0; j < r.reg.coef.size(); ++j) {
      expect_rel(r.reg.coef[j], c["coef"][j].get<double>(), r.reg.terms[static_cast<size_t>(j)], j == 1 ? 1e-5 : 1e-6);
      // (rho, phi): central differences here, Richardson extrapolation (numDeriv) in R
      expect_rel(std::sqrt(r.reg.vcov(j, j)), c["se"][j].get<double>(), "se " + r.reg.terms[static_cast<size_t>(j)], j < 2 ? 1e-4 : 1e-6);
    }
    expect_rel(r.sigma2, c["sigma2"], "sigma2");
    expect_rel(r.loglik, c["loglik"], "loglik", 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 2u);
}

TEST(SpatialPanelRe, UnbalancedSemAndSacAgainstTheDenseLikelihood) {
  const nlohmann::json fx = reference_fixture("spreg_panel_re_error_unbalanced_produc.json");
  const SpatialPanelSample s = sample("produc_unbalanced_re.csv", true);
  ASSERT_FALSE(s.data.balanced());
  size_t checked = 0;
  for (const auto& c : fx["models"]) {
    const std::string model = c["model"], errors = c["errors"];
    SCOPED_TRACE(model + " " + errors);
    const SpatialPanelResult r = spatial_panel_re(s.data, options(model, errors));
    EXPECT_FALSE(r.balanced);
    EXPECT_EQ(r.errors, errors);
    ASSERT_EQ(r.reg.nobs, c["n"].get<size_t>());
    ASSERT_EQ(r.reg.terms, c["terms"].get<std::vector<std::string>>());
    const long spatial_terms = model == "sac" ? 3 : 2;   // [rho,] lambda, phi
    for (long j = 0; j < r.reg.coef.size(); ++j) {
      const std::string term = r.reg.terms[static_cast<size_t>(j)];
      if (term == "rho")   // SAC's rho is ~0.001: both optimizers place it to ~1e-8 absolute
        EXPECT_NEAR(r.reg.coef[j], c["coef"][j].get<double>(), kRhoAbsoluteTolerance) << "rho";
      else
        expect_rel(r.reg.coef[j], c["coef"][j].get<double>(), term, kCoefTolerance);
      // (rho, lambda, phi): central differences here, Richardson extrapolation (numDeriv) in R
      expect_rel(std::sqrt(r.reg.vcov(j, j)), c["se"][j].get<double>(), "se " + term, j < spatial_terms ? kHessianSeTolerance : kCoefTolerance);
    }
    expect_rel(r.sigma2, c["sigma2"], "sigma2", kCoefTolerance);
    expect_rel(r.sigma2_mu, c["sigma2_mu"], "sigma2_mu", kCoefTolerance);
    expect_rel(r.loglik, c["loglik"], "loglik", 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
}

TEST(SpatialPanelRe, RefusesLeeYu) {
  const SpatialPanelSample b = sample("produc.csv", true);
  SpatialPanelOptions ly = options("sar", "baltagi");
  ly.lee_yu = true;
  EXPECT_THROW(spatial_panel_re(b.data, ly), SpecError);
}
