// spxt's dynamic sar and sdm with unit or two-way effects: the quasi-ML of Yu, de Jong and Lee
// (2008), its bias correction and the short- and long-run impacts against SDPDmod 0.0.6
// (tests/reference/spreg/spatial_panel_dynamic_sdpd.R: exact log-determinant, optimize tol 1e-12),
// on Munnell's Produc data with the 48-state weights usaww; and the bad samples it refuses.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../scratch_folder.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

SpatialPanelSample produc_sample(const Frame& f) {
  SpatialSetup s;
  s.w = read_weights(std::string(CBEC_TEST_DATA) + "/usaww.gal");
  s.key = "state";
  s.transform = "R";
  SpatialPanelSample sample = spatial_panel_sample(f, dynamic_formula("log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"), false, "year", s, "produc.csv");
  add_space_time_lag(sample);
  return sample;
}

// relative difference, with a floor of 1e-3 on the reference's size
double rel(double a, double b) { return std::fabs(a - b) / std::max(1e-3, std::fabs(b)); }

// the fixture's order y(t-1), W y(t-1), x, [W x] is cbec's after rho
// se_tol: with two-way effects the variance's fourth-moment term Omega (mu4 of the residuals,
// diag(G)'diag(G)) depends on the orthonormal basis F that removes the time effects: SDPDmod's
// is LAPACK's eigenvectors of I - l l'/n, cbec's Helmert's; the estimates, rho, sigma2 and the
// bias correction do not depend on it (spatial_dynamic_panel.hpp).
void expect_fit(const SpatialPanelResult& r, const nlohmann::json& c, double tol, double se_tol) {
  EXPECT_LT(rel(r.spatial, c["rho"]), tol) << "rho";
  EXPECT_LT(rel(r.sigma2, c["sigma2"]), tol) << "sigma2";
  const Eigen::VectorXd se = r.reg.se();
  EXPECT_LT(rel(se[0], c["rho_se"]), se_tol) << "se rho";
  ASSERT_EQ(r.reg.coef.size(), static_cast<long>(c["coef"].size()) + 1);
  for (size_t j = 0; j < c["coef"].size(); ++j) {
    const long i = static_cast<long>(j) + 1;
    EXPECT_LT(rel(r.reg.coef[i], c["coef"][j]), tol) << r.reg.terms[static_cast<size_t>(i)];
    EXPECT_LT(rel(se[i], c["se"][j]), se_tol) << "se " << r.reg.terms[static_cast<size_t>(i)];
  }
}

}  // namespace

TEST(SpatialDynamicPanel, AgainstSdpdmod) {
  const nlohmann::json fx = reference_fixture("spreg_panel_dynamic_sdpd.json");
  const SpatialPanelSample sample = produc_sample(read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv"));
  ASSERT_EQ(sample.data.n_periods, 16u);
  size_t checked = 0;
  for (const auto& c : fx["cases"]) {
    const std::string model = c["model"], effect = c["effect"];
    SCOPED_TRACE(model + " " + effect);
    const DynamicFit f = fit_dynamic_model(sample, model, parse_spatial_panel_effect(effect), true);
    EXPECT_EQ(f.r.fit.reg.terms[1], "l(log(gsp), 1)");
    EXPECT_EQ(f.r.fit.reg.terms[2], "W.l(log(gsp), 1)");
    ASSERT_TRUE(f.r.bias_corrected);
    const double se_tol = effect == "twoways" ? 2e-3 : 1e-6;
    {
      SCOPED_TRACE("quasi-ML");
      expect_fit(f.r.qml, c["uncorrected"], 1e-6, se_tol);
    }
    {
      SCOPED_TRACE("bias-corrected");
      expect_fit(f.r.fit, c["corrected"], 1e-6, se_tol);
    }
    // SDPDmod's log-likelihood is the transformed one with unit effects only (f2_sar_dyn)
    if (effect == "individual") EXPECT_LT(rel(f.r.qml.loglik, c["uncorrected"]["loglik"]), 1e-8);
    const auto& im = c["impacts"];
    const DynamicImpacts& ours = f.r.impacts;
    ASSERT_EQ(ours.terms.size(), im["direct_short"].size());
    for (size_t p = 0; p < ours.terms.size(); ++p) {
      const long i = static_cast<long>(p);
      SCOPED_TRACE(ours.terms[p]);
      EXPECT_LT(rel(ours.direct_short[i], im["direct_short"][p]), 1e-6);
      EXPECT_LT(rel(ours.indirect_short[i], im["indirect_short"][p]), 1e-6);
      EXPECT_LT(rel(ours.total_short[i], im["total_short"][p]), 1e-6);
      EXPECT_LT(rel(ours.direct_long[i], im["direct_long"][p]), 1e-6);
      EXPECT_LT(rel(ours.indirect_long[i], im["indirect_long"][p]), 1e-6);
      EXPECT_LT(rel(ours.total_long[i], im["total_long"][p]), 1e-6);
    }
    // without the correction the reported fit is the quasi-ML
    const DynamicFit raw = fit_dynamic_model(sample, model, parse_spatial_panel_effect(effect), false);
    EXPECT_FALSE(raw.r.bias_corrected);
    expect_fit(raw.r.fit, c["uncorrected"], 1e-6, se_tol);
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
}

// The short-run impacts' simulated SEs against impactsSDPDm's (NSIM = 4000 each): different
// generators, so within Monte-Carlo error (the relative error of each SD is ~1/sqrt(2 x 4000) =
// 1.1%; 12% is over 5 standard errors of the ratio). Not the long-run ones: on Produc gamma + rho
// + eta is near 1 (0.83 to 0.95 at the corrected estimates), so the draws of 1/(1 - gamma - rho - eta) have no finite variance
// and their simulated SDs (SDPDmod's too) differ from run to run by factors of 2 or more.
TEST(SpatialDynamicPanel, ImpactSesAgainstSdpdmod) {
  const nlohmann::json fx = reference_fixture("spreg_panel_dynamic_sdpd.json");
  const SpatialPanelSample sample = produc_sample(read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv"));
  for (const auto& c : fx["cases"]) {
    const std::string model = c["model"], effect = c["effect"];
    if (!((model == "sar" && effect == "individual") || (model == "sdm" && effect == "twoways"))) continue;
    SCOPED_TRACE(model + " " + effect);
    const DynamicImpacts im = fit_dynamic_model(sample, model, parse_spatial_panel_effect(effect), true, 4000, 7).r.impacts;
    ASSERT_EQ(im.draws, 4000);
    const auto& ref = c["impacts_se"];
    for (size_t p = 0; p < im.terms.size(); ++p) {
      const long i = static_cast<long>(p);
      SCOPED_TRACE(im.terms[p]);
      EXPECT_NEAR(im.se_direct_short[i] / ref["direct_short"][p].get<double>(), 1, 0.12);
      EXPECT_NEAR(im.se_indirect_short[i] / ref["indirect_short"][p].get<double>(), 1, 0.12);
      EXPECT_NEAR(im.se_total_short[i] / ref["total_short"][p].get<double>(), 1, 0.12);
    }
  }
}

TEST(SpatialDynamicPanel, RefusesGaps) {
  const cbec::testing::ScratchFolder scratch;
  // a gap: Alabama's 1975 removed, so its 1976 has no y_{t-1}
  std::ifstream in(std::string(CBEC_TEST_DATA) + "/produc.csv");
  const std::string path = scratch.path("produc_gap.csv");
  std::ofstream out(path);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("\"ALABAMA\",1975,", 0) != 0) out << line << "\n";
  out.close();
  const SpatialPanelSample s = produc_sample(read_csv(path));
  try {
    fit_dynamic_model(s, "sar", SpatialPanelEffect::Individual, true);
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("unbalanced"), std::string::npos) << e.what();
  }
}
