// Two-way clustered standard errors whose variance matrix is not positive semi-definite, against
// fixest 0.12.2 (tests/reference/ols/multiway_psd_fix.R): with a negative variance on the diagonal
// the matrix is replaced by U max(Lambda, 1e-10) U' (Cameron, Gelbach and Miller 2011), with only a
// negative eigenvalue it is kept; either is said in a warning.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
bool warns(const RegressionResult& r, const std::string& text) {
  return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) { return w.find(text) != std::string::npos; });
}
}  // namespace

TEST(ReferenceMultiwayPsdFix, StandardErrorsAsFixest) {
  const auto fx = reference_fixture("ols_multiway_psd_fix.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/multiway_psd.csv");
  size_t checked = 0;
  for (const auto& m : fx["models"]) {
    const bool weighted = m["weighted"];
    SCOPED_TRACE(weighted ? "weighted" : "unweighted");
    FeolsOptions o;
    o.vcov = VcovSpec::parse(fx["vcov"].get<std::string>());
    DesignOptions design;
    if (weighted) design.weights = "w";
    const RegressionResult r = feols(f, fx["formula"].get<std::string>(), o, design);
    ASSERT_EQ(r.nobs, m["nobs"].get<size_t>());
    for (const auto& [term, se] : m["se"].items()) {
      const long k = r.find(term);
      ASSERT_GE(k, 0) << term;
      EXPECT_NEAR(r.coef[k], m["coef"][term].get<double>(), 1e-8 * std::fabs(m["coef"][term].get<double>())) << term;
      EXPECT_NEAR(r.se()[k], se.get<double>(), 1e-6 * se.get<double>()) << term;
    }
    // The fixture's cases: the unweighted fit has a negative variance (fixed), the weighted fit only
    // a negative eigenvalue (kept).
    EXPECT_EQ(m["negative_variance"].get<bool>(), !weighted);
    EXPECT_LT(m["min_eigenvalue"].get<double>(), 0);
    EXPECT_EQ(warns(r, "had a negative variance on its diagonal"), !weighted);
    EXPECT_EQ(warns(r, "is not positive semi-definite (its variances are positive"), weighted);
    EXPECT_TRUE(warns(r, "only 6 clusters of 'year'"));
    ++checked;
  }
  EXPECT_EQ(checked, 2u);
}
