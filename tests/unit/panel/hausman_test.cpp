// Hausman tests against plm and MASS (tests/reference/panel/hausman.R): the classic test where
// V_FE - V_RE is not positive definite (generalized inverse of its positive semi-definite part, with
// its rank; never negative) and the regression-based test (plm::phtest(method = "aux")).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/panel/panel_models.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/regression_json.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json fixture() {
  return reference_fixture("panel_hausman.json");
}

void expect_rel(double a, double b, const std::string& what, double tol = 1e-6) {
  EXPECT_NEAR(a, b, tol * std::max(1e-8, std::fabs(b))) << what << ": " << a << " vs " << b;
}

PanelOptions panel_options(const std::string& vcov = "iid") {
  PanelOptions o;
  o.unit = "firm";
  o.time = "year";
  o.vcov = VcovSpec::parse(vcov, "year");
  return o;
}
}  // namespace

TEST(Hausman, NotPositiveDefiniteAgainstR) {
  const auto fx = fixture();
  size_t checked = 0;
  for (const auto& c : fx["classic"]) {
    const std::string id = c["id"];
    SCOPED_TRACE(id);
    Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["dataset"].get<std::string>());
    const std::string formula = c["formula"];
    RegressionResult fe = panel_model(f, formula, PanelModel::Within, panel_options());
    RegressionResult re = panel_model(f, formula, PanelModel::Random, panel_options());
    TestResult h = hausman(fe, re);
    EXPECT_GE(h.stat, 0.0);
    expect_rel(h.stat, c["stat"].get<double>(), "statistic", 1e-5);
    EXPECT_EQ(h.df1, c["df"].get<double>());
    EXPECT_EQ(h.values.at("rank"), c["df"].get<double>());
    const bool pd = c["negative_eigenvalues"].get<int>() == 0 && c["stata_rank"].get<double>() == c["df"].get<double>() &&
                    c["df"].get<double>() == static_cast<double>(c["eigenvalues"].size());
    EXPECT_EQ(h.flags.at("generalized_inverse"), !pd);
    if (c["p"].is_null()) {
      EXPECT_TRUE(std::isnan(h.p_value));
    } else {
      expect_rel(h.p_value, c["p"].get<double>(), "p-value", 1e-4);
    }
    if (pd) {
      expect_rel(h.stat, c["phtest_stat"].get<double>(), "plm::phtest", 1e-6);
      EXPECT_TRUE(h.warnings.empty());
    } else {
      EXPECT_EQ(h.values.at("negative_eigenvalues"), c["negative_eigenvalues"].get<double>());
      EXPECT_EQ(h.values.at("rank_difference"), c["stata_rank"].get<double>());
      expect_rel(h.values.at("stat_generalized_inverse"), c["stata_ginv_stat"].get<double>(), "Stata's d'V^+d", 1e-4);
      ASSERT_FALSE(h.warnings.empty());
      EXPECT_NE(h.note.find("not positive semi-definite"), std::string::npos) << h.note;
      const nlohmann::json j = to_json(h);
      EXPECT_TRUE(j.contains("warnings") && j.contains("rank") && j.at("generalized_inverse").get<bool>());
    }
    ++checked;
  }
  EXPECT_EQ(checked, 5u);
}

TEST(Hausman, RegressionBasedAgainstPlmAux) {
  const auto fx = fixture();
  size_t checked = 0;
  for (const auto& c : fx["robust"]) {
    const std::string id = c["id"];
    SCOPED_TRACE(id);
    Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c["dataset"].get<std::string>());
    // plm's vcovHC(method = "arellano", type = "sss", cluster = "group") is CR1 by firm.
    TestResult h = hausman_robust(f, c["formula"], panel_options(c["vcov"] == "iid" ? "iid" : "cluster:firm"));
    expect_rel(h.stat, c["stat"].get<double>(), "statistic", 1e-6);
    EXPECT_EQ(h.df1, c["df"].get<double>());
    expect_rel(h.p_value, c["p"].get<double>(), "p-value", 1e-5);
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
}
