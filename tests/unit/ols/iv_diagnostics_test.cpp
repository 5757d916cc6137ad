// 2SLS diagnostics against tests/reference/iv/iv_diagnostics.R on CigarettesSW: AER's Wu-Hausman
// and Sargan, the robust Wu-Hausman (AER with a sandwich vcov.), Hansen's J (gmm package; cluster
// form by hand in R).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fmt/format.h>

#include <fstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/regression_table.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::fabs(b)) << what << ": " << a << " vs " << b;
}

nlohmann::json fixture() {
  return reference_fixture("iv_diagnostics.json");
}

RegressionResult fit(const Frame& frame, const std::string& formula, const std::string& vcov) {
  FeolsOptions o;
  o.vcov = VcovSpec::parse(vcov);
  return feols(frame, formula, o);
}

void expect_test(const TestResult& t, const nlohmann::json& ref, const std::string& what) {
  expect_rel(t.stat, ref["stat"].get<double>(), what);
  EXPECT_EQ(t.df1, ref["df1"].get<double>()) << what;
  if (ref["df2"].is_number()) {
    EXPECT_EQ(t.df2, ref["df2"].get<double>()) << what;
    expect_rel(t.p_value, ref["p"].get<double>(), what + " p-value");
  }
}
}  // namespace

TEST(IvDiagnostics, CrossSectionMatchesAerAndGmm) {
  const auto fx = fixture()["cross_section"];
  const Frame all = read_csv(std::string(CBEC_TEST_DATA) + "/cigarettes_sw.csv");
  std::vector<size_t> rows;
  for (size_t i = 0; i < all.nrows(); ++i)
    if (all.numeric("year")[i] == 1995) rows.push_back(i);
  const Frame f = all.take(rows);
  const std::string formula = fx["formula"];
  const RegressionResult iid = fit(f, formula, "iid");
  expect_rel(iid.coef[iid.find("lrprice")], fx["coef_lrprice"].get<double>(), "2SLS coefficient");
  expect_test(iid.tests.at("wu_hausman"), fx["wu_hausman"], "Wu-Hausman");
  expect_test(iid.tests.at("sargan"), fx["sargan"], "Sargan");
  expect_rel(iid.tests.at("hansen_j").stat, fx["hansen_j_iid"].get<double>(), "Hansen J, iid S (Sargan's uncentered form)");
  // with iid errors the robust form is the iid Wald F = the Wu-Hausman F
  expect_rel(iid.tests.at("wu_hausman_robust").stat, fx["wu_hausman"]["stat"].get<double>(), "Wu-Hausman, Wald form");
  const RegressionResult hc1 = fit(f, formula, "hc1");
  expect_rel(hc1.tests.at("wu_hausman_robust").stat, fx["wu_hausman_hc1"]["stat"].get<double>(), "robust Wu-Hausman (HC1)");
  expect_rel(hc1.tests.at("hansen_j").stat, fx["hansen_j_hc"].get<double>(), "Hansen J (HC)");
  expect_rel(hc1.tests.at("hansen_j").p_value, fx["hansen_j_hc_p"].get<double>(), "Hansen J p-value");
  EXPECT_EQ(hc1.tests.at("hansen_j").df1, 1.0);
}

TEST(IvDiagnostics, AbsorbedFixedEffectsAndClustersMatchReference) {
  const auto fx = fixture()["year_fe_cluster"];
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/cigarettes_sw.csv");
  const std::string formula = fx["formula"];
  const RegressionResult iid = fit(f, formula, "iid");
  expect_rel(iid.coef[iid.find("lrprice")], fx["coef_lrprice"].get<double>(), "2SLS coefficient");
  expect_test(iid.tests.at("wu_hausman"), fx["wu_hausman"], "Wu-Hausman");
  expect_test(iid.tests.at("sargan"), fx["sargan"], "Sargan");
  const RegressionResult cl = fit(f, formula, "cluster:state");
  expect_rel(cl.tests.at("wu_hausman_robust").stat, fx["wu_hausman_cluster"]["stat"].get<double>(), "cluster-robust Wu-Hausman");
  expect_rel(cl.tests.at("hansen_j").stat, fx["hansen_j_cluster"].get<double>(), "Hansen J (cluster)");
  expect_rel(fit(f, formula, "hc0").tests.at("hansen_j").stat, fx["hansen_j_hc"].get<double>(), "Hansen J (HC)");
}

TEST(IvDiagnostics, JustIdentifiedHasNoOveridentificationTest) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/cigarettes_sw.csv");
  const RegressionResult r = fit(f, "lpacks ~ lrincome | year | lrprice ~ tdiff", "hc1");
  EXPECT_TRUE(r.tests.count("wu_hausman"));
  EXPECT_FALSE(r.tests.count("sargan"));
  EXPECT_FALSE(r.tests.count("hansen_j"));
}

TEST(IvDiagnostics, RegressionTableShowsEachFirstStage) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/cigarettes_sw.csv");
  const RegressionResult r = fit(f, "lpacks ~ lrincome | year | lrprice ~ tdiff", "cluster:state");
  const Table t = regression_table({r}, RegressionTableOptions{});
  auto row = [&](const std::string& label) -> std::string {
    for (const auto& cells : t.rows)
      if (cells.front() == label) return cells.at(1);
    return "missing";
  };
  const TestResult& iid = r.tests.at("first_stage_f:lrprice");
  const TestResult& chosen = r.tests.at("first_stage_wald:lrprice");
  EXPECT_NE(iid.stat, chosen.stat);
  EXPECT_EQ(row("First-stage F: lrprice"), fmt::format("{:.3f} [{:.4f}]", iid.stat, iid.p_value));
  EXPECT_EQ(row("First-stage F (chosen vcov): lrprice"), fmt::format("{:.3f} [{:.4f}]", chosen.stat, chosen.p_value));
}
