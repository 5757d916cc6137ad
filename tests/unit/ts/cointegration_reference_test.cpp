// Long-run covariances, FMOLS, DOLS, Hansen's Lc, Kao's tests and Jarque-Bera against the
// independent R computation of tests/reference/ts/cointegration.R (sandwich, tseries, the published
// formulas) on plm's Produc and Grunfeld.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/dols.hpp"
#include "cbec/estimate/ts/fmols.hpp"
#include "cbec/estimate/ts/hansen_lc.hpp"
#include "cbec/estimate/ts/jarque_bera.hpp"
#include "cbec/estimate/ts/kao.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
const nlohmann::json& fixture() {
  static const nlohmann::json j = [] {
    return reference_fixture("ts_cointegration.json");
  }();
  return j;
}

void expect_rel(double got, double want, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(got, want, tol * std::max(1e-12, std::abs(want))) << what << ": " << got << " vs " << want;
}
void expect_vec(const Eigen::VectorXd& got, const nlohmann::json& want, const std::string& what) {
  ASSERT_EQ(static_cast<size_t>(got.size()), want.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) expect_rel(got[static_cast<long>(i)], want[i], what + "[" + std::to_string(i) + "]");
}

// Produc with the logs of gsp, pc and emp; Grunfeld as is.
CointegrationData produc(bool trend = false) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  for (const char* v : {"gsp", "pc", "emp"}) {
    std::vector<double> l = f.numeric(v);
    for (double& x : l) x = std::log(x);
    f.set(Column::numeric(std::string("l") + v, l));
  }
  return cointegration_data(f, "state", "year", "lgsp", {"lpc", "lemp"}, trend);
}
CointegrationData grunfeld(bool trend = false) {
  return cointegration_data(read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv"), "firm", "year", "inv", {"value", "capital"}, trend);
}
LongRunSpec spec(const nlohmann::json& c) {
  const std::string bw = c["bandwidth"].is_number() ? std::to_string(c["bandwidth"].get<double>()) : c["bandwidth"].get<std::string>();
  return parse_long_run_spec(c["kernel"].get<std::string>(), bw);
}
}  // namespace

TEST(LongRunVariance, KernelsAndBandwidthsMatchSandwich) {
  const CointegrationData g = grunfeld();
  const long n = g.yi[0].size() - 1;
  Eigen::MatrixXd U(n, 2);
  U.col(0) = g.yi[0].tail(n);
  U.col(1) = g.xi[0].col(0).tail(n) - g.xi[0].col(0).head(n);
  U = U.rowwise() - U.colwise().mean();
  for (const auto& c : fixture()["long_run"]) {
    const std::string what = c["kernel"].get<std::string>() + "/" + c["bandwidth_rule"].get<std::string>();
    const LongRunSpec s = parse_long_run_spec(c["kernel"].get<std::string>(), c["bandwidth_rule"].get<std::string>());
    const LongRunCovariance l = long_run_covariance(U, s);
    expect_rel(l.bandwidth, c["bandwidth"], what + " bandwidth");
    for (long a = 0; a < 2; ++a)
      for (long b = 0; b < 2; ++b) {
        expect_rel(l.omega(a, b), c["omega"][static_cast<size_t>(a)][static_cast<size_t>(b)], what + " omega");
        expect_rel(l.delta(a, b), c["delta"][static_cast<size_t>(a)][static_cast<size_t>(b)], what + " delta");
      }
  }
}

TEST(LongRunVariance, KernelShapes) {
  EXPECT_DOUBLE_EQ(kernel_weight(Kernel::Bartlett, 0.25), 0.75);
  EXPECT_DOUBLE_EQ(kernel_weight(Kernel::Parzen, 0.25), 1 - 6 * 0.0625 + 6 * 0.015625);
  EXPECT_DOUBLE_EQ(kernel_weight(Kernel::Parzen, 0.75), 2 * 0.25 * 0.25 * 0.25);
  EXPECT_EQ(kernel_weight(Kernel::Parzen, 1.5), 0);
  EXPECT_LT(kernel_weight(Kernel::QuadraticSpectral, 1.5), 0);   // QS takes negative values past 1.2
  EXPECT_THROW(parse_long_run_spec("triangle", "nw"), SpecError);
  EXPECT_THROW(parse_long_run_spec("qs", "-2"), SpecError);
}

TEST(JarqueBera, MatchesTseries) {
  const auto& c = fixture()["jarque_bera"];
  Eigen::VectorXd x(static_cast<long>(c["x"].size()));
  for (size_t i = 0; i < c["x"].size(); ++i) x[static_cast<long>(i)] = c["x"][i];
  const JarqueBera jb = jarque_bera(x);
  expect_rel(jb.stat, c["stat"], "JB");
  expect_rel(jb.p_value, c["p"], "JB p");
}

TEST(Fmols, OneUnitAndHansenLcMatchTheFormulasInR) {
  for (const auto& c : fixture()["fmols_unit"]) {
    const std::string id = c["id"].get<std::string>();
    const CointegrationData d = id.rfind("produc", 0) == 0 ? produc(c["trend"]) : grunfeld(c["trend"]);
    const size_t u = c["unit"].get<size_t>() - 1;
    const LongRunFit f = fmols_unit(d.yi[u], d.xi[u], c["trend"], spec(c));
    expect_vec(f.beta, c["beta"], id + " beta");
    expect_vec(f.vcov.diagonal().array().sqrt().matrix(), c["se"], id + " se");
    expect_rel(f.omega_12, c["omega12"], id + " omega12");
    expect_rel(f.hansen_lc, c["hansen_lc"], id + " Lc");
    if (c.contains("jb")) expect_rel(jarque_bera(f.resid).stat, c["jb"], id + " JB");
  }
}

TEST(Fmols, PanelEstimatorsMatchTheFormulasInR) {
  for (const auto& c : fixture()["fmols"]) {
    const std::string id = c["id"].get<std::string>();
    const CointegrationData d = id.rfind("produc", 0) == 0 ? produc(c["trend"]) : grunfeld(c["trend"]);
    const PanelLongRun r = panel_fmols(d, parse_panel_estimator(c["estimator"].get<std::string>()), spec(c));
    expect_vec(r.panel.beta, c["beta"], id + " beta");
    expect_vec(r.panel.vcov.diagonal().array().sqrt().matrix(), c["se"], id + " se");
    expect_rel(jarque_bera(r.panel.resid).stat, c["jb"], id + " JB");
    if (c.contains("t_group_mean")) expect_vec(r.t_group_mean, c["t_group_mean"], id + " t");
  }
}

TEST(Dols, OneUnitMatchesLmWithLeadsAndLags) {
  const auto& c = fixture()["dols_unit"][0];
  const CointegrationData d = grunfeld();
  LeadLagChoice ll;
  const LongRunFit f = dols_unit(d.yi[0], d.xi[0], false, ll, parse_long_run_spec("bartlett", "nw"));
  expect_vec(f.beta, c["beta"], "beta");
  expect_vec(f.vcov.diagonal().array().sqrt().matrix(), c["se"], "se");
  expect_rel(f.omega_12, c["omega"], "omega");
}

TEST(Dols, PanelEstimatorsAndLeadLagSelectionMatchR) {
  for (const auto& c : fixture()["dols"]) {
    const std::string id = c["id"].get<std::string>();
    const CointegrationData d = id.rfind("produc", 0) == 0 ? produc(c["trend"]) : grunfeld(c["trend"]);
    LeadLagChoice ll;
    ll.rule = parse_lead_lag_rule(c["rule"].get<std::string>());
    ll.leads = c["leads"];
    ll.lags = c["lags"];
    ll.max = c["max"];
    const PanelLongRun r = panel_dols(d, parse_panel_estimator(c["estimator"].get<std::string>()), ll, spec(c));
    expect_vec(r.panel.beta, c["beta"], id + " beta");
    expect_vec(r.panel.vcov.diagonal().array().sqrt().matrix(), c["se"], id + " se");
    if (c.contains("t_group_mean")) {
      expect_vec(r.t_group_mean, c["t_group_mean"], id + " t");
      for (size_t i = 0; i < r.unit_fits.size(); ++i) {
        EXPECT_EQ(r.unit_fits[i].leads, c["chosen_leads"][i].get<int>()) << id << " unit " << i;
        EXPECT_EQ(r.unit_fits[i].lags, c["chosen_lags"][i].get<int>()) << id << " unit " << i;
      }
    }
  }
}

TEST(Kao, FiveStatisticsMatchTheFormulasInR) {
  for (const auto& c : fixture()["kao"]) {
    const std::string id = c["id"].get<std::string>();
    const CointegrationData d = id.rfind("produc", 0) == 0 ? produc() : grunfeld();
    const KaoResult k = kao_test(d, c["lags"], spec(c));
    expect_rel(k.rho, c["rho"], id + " rho");
    expect_rel(k.t_rho, c["t_rho"], id + " t_rho");
    expect_rel(k.t_adf, c["t_adf"], id + " t_adf");
    expect_rel(k.sigma2_v, c["sigma2_v"], id + " sigma2_v");
    expect_rel(k.sigma2_0v, c["sigma2_0v"], id + " sigma2_0v");
    ASSERT_EQ(k.statistics.size(), 5u);
    for (const auto& s : k.statistics) {
      expect_rel(s.stat, c["statistics"][s.name], id + " " + s.name);
      expect_rel(s.p_value, c["p_values"][s.name], id + " p " + s.name);
    }
  }
}

TEST(Kao, RefusesTrendAndUnbalancedPanels) {
  EXPECT_THROW(kao_test(grunfeld(true), 1, {}), SpecError);
}

TEST(HansenLc, CriticalValuesAreTheSimulatedQuantiles) {
  const nlohmann::json f = reference_fixture("ts_hansen_lc_critical.json");
  for (const auto& c : f["cases"]) {
    const auto q = hansen_lc_critical(c["m"].get<int>(), c["trend"].get<bool>());
    for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(q[i], c["quantiles"][i].get<double>(), 5e-5) << c["m"] << " " << c["trend"];
  }
  EXPECT_TRUE(std::isnan(hansen_lc_critical(5, false)[0]));
}
