// Weak-identification statistics of 2SLS against tests/reference/iv/weak_identification.R (published
// formulas of Kleibergen-Paap 2006, Cragg-Donald 1993, Sanderson-Windmeijer 2016 evaluated in R).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
void expect_rel(double a, double b, const std::string& what) {
  EXPECT_NEAR(a, b, 1e-6 * std::fabs(b)) << what << ": " << a << " vs " << b;
}

RegressionResult fit(const std::string& formula, const std::string& vcov) {
  static const Frame frame = read_csv(std::string(CBEC_TEST_DATA) + "/iv_two_endog.csv");
  FeolsOptions o;
  o.vcov = VcovSpec::parse(vcov);
  return feols(frame, formula, o);
}
}  // namespace

TEST(WeakIdentification, TwoEndogenousMatchReference) {
  const auto fx = reference_fixture("iv_weak_identification.json");
  size_t checked = 0;
  for (const auto& c : fx["cases"]) {
    const std::string formula = c["formula"], vcov = c["vcov"];
    SCOPED_TRACE(formula + " " + vcov);
    RegressionResult r = fit(formula, vcov);
    EXPECT_EQ(r.nobs, c["nobs"].get<size_t>());
    expect_rel(r.tests.at("kleibergen_paap_f").stat, c["kleibergen_paap_f"].get<double>(), "KP rk Wald F");
    for (const auto& [name, value] : c["sanderson_windmeijer_f"].items())
      expect_rel(r.tests.at("sanderson_windmeijer_f:" + name).stat, value.get<double>(), "SW F " + name);
    if (c.contains("cragg_donald_f")) {
      expect_rel(r.tests.at("cragg_donald_f").stat, c["cragg_donald_f"].get<double>(), "Cragg-Donald F");
      expect_rel(r.tests.at("kleibergen_paap_f").stat, r.tests.at("cragg_donald_f").stat, "KP (iid) = CD");
    }
    ++checked;
  }
  EXPECT_EQ(checked, 6u);
}

TEST(WeakIdentification, OneEndogenousReducesToFirstStageF) {
  for (const std::string vcov : {"iid", "hc1", "cluster:firm"}) {
    RegressionResult r = fit("y ~ w | firm + year | x1 ~ z1 + z2 + z3", vcov);
    expect_rel(r.tests.at("sanderson_windmeijer_f:x1").stat, r.tests.at("first_stage_wald:x1").stat, "SW = first-stage F " + vcov);
    expect_rel(r.tests.at("kleibergen_paap_f").stat, r.tests.at("first_stage_wald:x1").stat, "KP = first-stage F " + vcov);
    expect_rel(r.tests.at("cragg_donald_f").stat, r.tests.at("first_stage_f:x1").stat, "CD = iid first-stage F " + vcov);
  }
}

TEST(WeakIdentification, UnsupportedVarianceIsNamedInAWarning) {
  RegressionResult r = fit("y ~ w | x1 + x2 ~ z1 + z2 + z3", "hc3");
  EXPECT_FALSE(r.tests.count("kleibergen_paap_f"));
  EXPECT_TRUE(r.tests.count("cragg_donald_f"));
  bool warned = false;
  for (const auto& m : r.warnings) warned = warned || m.find("HC3") != std::string::npos;
  EXPECT_TRUE(warned);
}
