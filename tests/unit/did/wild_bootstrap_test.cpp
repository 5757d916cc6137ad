#include "cbec/estimate/did/wild_bootstrap.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
Design design_for(const Frame& f, const std::string& formula, const std::string& cluster) {
  DesignOptions d;
  d.groups = {cluster};
  return build_design(f, parse_formula(formula), d);
}
}  // namespace

TEST(WildBootstrap, EnumeratedPValuesMatchBruteForceR) {
  auto fx = reference_fixture("did_wild_enumerated.json");
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/wild_small.csv");
  for (const auto& [name, c] : fx.at("cases").items()) {
    SCOPED_TRACE(name);
    WildBootstrapOptions o;
    o.draws = 999;
    o.null_value = c.at("theta");
    o.confidence_interval = false;
    WildBootstrapResult r = wild_cluster_bootstrap(design_for(f, c.at("formula"), "cl"), c.at("term"), "cl", o);
    EXPECT_TRUE(r.enumerated);
    EXPECT_EQ(r.draws, 256u);
    EXPECT_NEAR(r.estimate, c.at("estimate").get<double>(), 1e-10);
    EXPECT_DOUBLE_EQ(r.p_value, c.at("p").get<double>());
  }
}

TEST(WildBootstrap, ReportedTIsTheCr1T) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/wild_small.csv");
  FeolsOptions fo;
  fo.vcov = VcovSpec::parse("cluster:cl");
  RegressionResult m = feols(f, "y ~ x + z | id + year", fo);
  WildBootstrapOptions o;
  o.confidence_interval = false;
  WildBootstrapResult r = wild_cluster_bootstrap(design_for(f, "y ~ x + z | id + year", "cl"), "x", "cl", o);
  EXPECT_NEAR(r.t_stat, m.stat()[0], 1e-9);
}

TEST(WildBootstrap, ConfidenceIntervalInvertsTheTest) {
  Frame f = test::staggered_panel(20, 1.0, 0.0, 9);
  std::vector<double> d(f.nrows());
  for (size_t i = 0; i < d.size(); ++i) {
    double g = f.get("first_treat").values[i];
    d[i] = g > 0 && f.get("year").values[i] >= g;
  }
  f.set(Column::numeric("did", d));
  WildBootstrapOptions o;
  o.draws = 1999;
  o.weight_type = "webb";
  Design des = design_for(f, "y ~ did + x | id + year", "id");
  WildBootstrapResult r = wild_cluster_bootstrap(des, "did", "id", o);
  EXPECT_FALSE(r.enumerated);
  EXPECT_LT(r.ci_low, r.estimate);
  EXPECT_GT(r.ci_high, r.estimate);
  EXPECT_LT(r.p_value, 0.01);
  // At the bounds the bootstrap p-value is close to 1 - level.
  for (double theta : {r.ci_low, r.ci_high}) {
    WildBootstrapOptions at = o;
    at.null_value = theta;
    at.confidence_interval = false;
    EXPECT_NEAR(wild_cluster_bootstrap(des, "did", "id", at).p_value, 0.05, 0.01);
  }
  // Same seed, any thread count: identical.
  WildBootstrapOptions one = o, two = o;
  one.threads = 1;
  two.threads = 2;
  one.confidence_interval = two.confidence_interval = false;
  EXPECT_EQ(wild_cluster_bootstrap(des, "did", "id", one).p_value, wild_cluster_bootstrap(des, "did", "id", two).p_value);
  EXPECT_THROW(wild_cluster_bootstrap(des, "nope", "id", o), SpecError);
}

// Against fwildclusterboot 0.14.3 (tests/reference/did/wild_fwildclusterboot.R), enumerated: the
// p-value exactly (draws strictly beyond |t|: the all-plus and all-minus sign vectors tie and were
// counted, 2/2^G too many) and the test-inversion interval to the root finders' tolerance; with
// controls, observation and unit weights, an unbalanced panel and 10 clusters.
TEST(WildBootstrap, EnumeratedAgainstFwildclusterboot) {
  const auto fx = reference_fixture("did_wild_fwildclusterboot.json");
  size_t checked = 0;
  for (const auto& c : fx.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + c.at("data").get<std::string>());
    const auto& year = f.numeric("year");
    const auto& g = f.numeric("first_treat");
    std::vector<double> did(f.nrows());
    for (size_t i = 0; i < did.size(); ++i) did[i] = g[i] > 0 && year[i] >= g[i];
    f.set(Column::numeric("did", did));
    std::string formula = "y ~ did";
    for (const auto& x : c.at("controls")) formula += " + " + x.get<std::string>();
    DesignOptions d;
    d.groups = {"id"};
    d.weights = c.at("weights").get<std::string>();
    const Design design = build_design(f, parse_formula(formula + " | id + year"), d);
    const WildBootstrapResult r = wild_cluster_bootstrap(design, "did", "id", {});
    EXPECT_TRUE(r.enumerated);
    EXPECT_EQ(r.draws, c.at("draws").get<size_t>());
    EXPECT_NEAR(r.estimate, c.at("estimate").get<double>(), 1e-9);
    EXPECT_NEAR(r.t_stat, c.at("t").get<double>(), 1e-8 * std::fabs(c.at("t").get<double>()));
    EXPECT_DOUBLE_EQ(r.p_value, c.at("p").get<double>());
    EXPECT_NEAR(r.ci_low, c.at("ci")[0].get<double>(), 1e-6 * std::fabs(c.at("ci")[0].get<double>()));
    EXPECT_NEAR(r.ci_high, c.at("ci")[1].get<double>(), 1e-6 * std::fabs(c.at("ci")[1].get<double>()));
    ++checked;
  }
  EXPECT_EQ(checked, 6u);
}
