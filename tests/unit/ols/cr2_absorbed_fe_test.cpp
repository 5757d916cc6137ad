// CR2 (Bell-McCaffrey) with absorbed fixed effects not nested in the cluster, and CR2 after random
// effects, against clubSandwich / estimatr: fixture tests/reference/fixtures/ols_cr2_absorbed_fe.json
// from tests/reference/ols/cr2_absorbed_fe.R (cbec issue 13, items 1 and 2).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/staggered.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/panel/panel_models.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;
using nlohmann::json;

namespace {

bool close(double a, double b, double rel = 1e-6) { return std::fabs(a - b) <= rel * std::max(std::fabs(b), 1e-8) + 1e-12; }

json fixture() {
  return reference_fixture("ols_cr2_absorbed_fe.json");
}

Frame data(const std::string& name) { return read_csv(std::string(CBEC_TEST_DATA) + "/" + name + ".csv"); }

VcovSpec cr2(const std::string& cluster) { return VcovSpec::parse("cr2:" + cluster); }

RegressionResult fit(const json& m) {
  const Frame f = data(m.at("dataset"));
  const std::string command = m.at("command");
  if (command == "did") {
    StaggeredSpec s;
    s.y = "y";
    s.unit = "id";
    s.time = "year";
    s.first_treat = "year_treated";
    s.vcov = "cr2:" + m.at("cluster").get<std::string>();
    for (const auto& [name, value] : m.at("se").items())
      if (name != "did") s.controls.push_back(name);
    return twfe_did(f, s);
  }
  if (command == "xtreg") {
    PanelOptions o;
    o.unit = m.at("panel")[0];
    o.time = m.at("panel")[1];
    o.vcov = cr2(m.at("cluster"));
    return panel_model(f, m.at("formula"), parse_panel_model(m.at("model")), o);
  }
  FeolsOptions o;
  o.vcov = cr2(m.at("cluster"));
  DesignOptions d;
  d.drop_singletons = false;  // lm keeps them
  return feols(f, m.at("formula").get<std::string>(), o, d);
}

void expect_matches(const RegressionResult& r, const json& m, const std::string& se_key = "se", const std::string& df_key = "df") {
  const Eigen::VectorXd se = r.se();
  EXPECT_EQ(r.nobs, m.at("nobs").get<size_t>());
  EXPECT_EQ(r.vcov_info.type, "CR2");
  for (const auto& [name, value] : m.at(se_key).items()) {
    const long j = r.find(name);
    ASSERT_GE(j, 0) << "missing term " << name;
    EXPECT_TRUE(close(r.coef[j], m.at("coef").at(name).get<double>(), 1e-8)) << name << " coef " << r.coef[j];
    EXPECT_TRUE(close(se[j], value.get<double>())) << name << " se " << se[j] << " vs " << value;
    EXPECT_TRUE(close(r.df_for(static_cast<size_t>(j)), m.at(df_key).at(name).get<double>()))
        << name << " Satterthwaite df " << r.df_for(static_cast<size_t>(j)) << " vs " << m.at(df_key).at(name);
  }
}

}  // namespace

TEST(Cr2AbsorbedFe, EveryModelMatchesClubSandwichAndEstimatr) {
  const json fx = fixture();
  size_t checked = 0;
  for (const auto& m : fx.at("models")) {
    SCOPED_TRACE(m.at("id").get<std::string>() + ": " + m.at("formula").get<std::string>());
    const RegressionResult r = fit(m);
    expect_matches(r, m);
    if (m.contains("estimatr")) {  // estimatr::lm_robust(fixed_effects =, se_type = "CR2"), absorbed like cbec
      const json& e = m.at("estimatr");
      for (const auto& [name, value] : e.at("se").items()) {
        const long j = r.find(name);
        ASSERT_GE(j, 0) << name;
        EXPECT_TRUE(close(r.se()[j], value.get<double>())) << "estimatr se " << name;
        EXPECT_TRUE(close(r.df_for(static_cast<size_t>(j)), e.at("df").at(name).get<double>())) << "estimatr df " << name;
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, 10u);
}

// The defect of issue 13: the old CR2 ignored the leverage of the year dummies (not nested in the firm
// cluster) and gave SE(value) = 0.0161688 (Satterthwaite df 2.4766) on Grunfeld; clubSandwich gives 0.0208148 (df 2.3887).
TEST(Cr2AbsorbedFe, TwoWayGrunfeldClusteredByFirmIsNotTheOldValue) {
  const json fx = fixture();
  const json& m = fx.at("models").at(0);
  ASSERT_EQ(m.at("id"), "grunfeld_fe2_cr2_firm");
  const RegressionResult r = fit(m);
  const double se = r.se()[r.find("value")];
  EXPECT_NEAR(se, 0.0208148232743266, 1e-9);
  EXPECT_GT(std::fabs(se - 0.01617), 1e-3) << "the leverage of the absorbed year effects is ignored again";
  // The same through xtreg --model twoways (clubSandwich on plm within twoways = lm with dummies).
  PanelOptions o;
  o.unit = "firm";
  o.time = "year";
  o.vcov = cr2("firm");
  expect_matches(panel_model(data("grunfeld"), "inv ~ value + capital", PanelModel::Twoways, o), m, "plm_twoways_se", "plm_twoways_df");
}

// Random effects: the old CR2 applied (I - H_gg)^(-1/2) to the quasi-demeaned data (identity target)
// and gave SE(value) = 0.0170653 (Satterthwaite df 1.8990) on Grunfeld; clubSandwich on plm's random
// model, whose target is the fitted RE covariance, gives 0.0158894 (df 1.89986).
TEST(Cr2AbsorbedFe, RandomEffectsTargetTheWorkingCovariance) {
  PanelOptions o;
  o.unit = "firm";
  o.time = "year";
  o.vcov = cr2("firm");
  const RegressionResult r = panel_model(data("grunfeld"), "inv ~ value + capital", PanelModel::Random, o);
  const long j = r.find("value");
  EXPECT_NEAR(r.se()[j], 0.0158894313891096, 1e-9);
  EXPECT_GT(std::fabs(r.se()[j] - 0.0170653), 1e-4) << "CR2 after random effects targets the identity again";
  EXPECT_NEAR(r.df_for(static_cast<size_t>(j)), 1.89986237286134, 1e-8);
  // The cluster must contain whole units (block-diagonal working covariance).
  o.vcov = cr2("year");
  EXPECT_THROW(panel_model(data("grunfeld"), "inv ~ value + capital", PanelModel::Random, o), SpecError);
}

// Simulation-free sanity check: absorbing the fixed effects gives the CR2 that cbec computes with
// the same fixed effects entered as explicit dummies (where H_gg is the plain hat matrix).
TEST(Cr2AbsorbedFe, AbsorbedEqualsExplicitDummies) {
  struct Case {
    std::string dataset, absorbed, dummies, cluster;
    std::vector<std::string> terms;
  };
  const std::vector<Case> cases = {
      {"grunfeld", "inv ~ value + capital | firm + year", "inv ~ value + capital + i(firm) + i(year)", "firm", {"value", "capital"}},
      {"grunfeld", "inv ~ value + capital + i(year) | firm", "inv ~ value + capital + i(firm) + i(year)", "firm", {"value", "capital"}},
      {"grunfeld", "inv ~ value + capital | firm + year", "inv ~ value + capital + i(firm) + i(year)", "year", {"value", "capital"}},
      {"empluk", "emp ~ wage + capital | firm + year", "emp ~ wage + capital + i(firm) + i(year)", "firm", {"wage", "capital"}},
      {"core_panel", "y ~ x1 + x2 | id + year", "y ~ x1 + x2 + i(id) + i(year)", "region", {"x1", "x2"}},
      {"core_panel", "y ~ x1 + x2 | year", "y ~ x1 + x2 + i(year)", "id", {"x1", "x2"}},
      // Two fixed effects not nested in the cluster (year, region within cluster id).
      {"core_panel", "y ~ x1 + x2 | year + region", "y ~ x1 + x2 + i(year) + i(region)", "id", {"x1", "x2"}},
      // Two fixed effects nested in the cluster (id and region in region; F~ formed explicitly).
      {"core_panel", "y ~ x1 + x2 | id + year + region", "y ~ x1 + x2 + i(id) + i(year)", "region", {"x1", "x2"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.dataset + ": " + c.absorbed + " vs " + c.dummies + ", cr2:" + c.cluster);
    const Frame f = data(c.dataset);
    FeolsOptions o;
    o.vcov = cr2(c.cluster);
    DesignOptions d;
    d.drop_singletons = false;
    const RegressionResult a = feols(f, c.absorbed, o, d), b = feols(f, c.dummies, o, d);
    const Eigen::VectorXd sa = a.se(), sb = b.se();
    for (const auto& t : c.terms) {
      const long ja = a.find(t), jb = b.find(t);
      ASSERT_GE(ja, 0);
      ASSERT_GE(jb, 0);
      EXPECT_TRUE(close(a.coef[ja], b.coef[jb], 1e-8)) << t;
      EXPECT_TRUE(close(sa[ja], sb[jb], 1e-8)) << t << " se absorbed " << sa[ja] << " dummies " << sb[jb];
      // The Satterthwaite df through the explicit dummies' hat matrix loses a few more digits
      // (Grunfeld, cluster firm: 1.4e-8 from clubSandwich's 2.38867112030911, the absorbed 2e-13).
      EXPECT_TRUE(close(a.df_for(static_cast<size_t>(ja)), b.df_for(static_cast<size_t>(jb)), 1e-7))
          << t << " df absorbed " << a.df_for(static_cast<size_t>(ja)) << " dummies " << b.df_for(static_cast<size_t>(jb));
    }
  }
}
