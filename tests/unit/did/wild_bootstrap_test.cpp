#include "cbec/estimate/did/wild_bootstrap.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"

using namespace cbec;

namespace {
Design design_for(const Frame& f, const std::string& formula, const std::string& cluster) {
  DesignOptions d;
  d.groups = {cluster};
  return build_design(f, parse_formula(formula), d);
}
}  // namespace

TEST(WildBootstrap, EnumeratedPValuesMatchBruteForceR) {
  std::ifstream in(std::string(CBEC_FIXTURES) + "/did_wild_enumerated.json");
  auto fx = nlohmann::json::parse(in);
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
