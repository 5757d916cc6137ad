// Lag and lead ranges in a formula (l(x, 0:2): a term per period, as fixest expands them) against
// plm's lag(x, 0:2) and lead(x, 0:1) on the unbalanced EmplUK panel
// (tests/reference/panel/lag_ranges.R): the same terms, samples, coefficients and iid errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(ReferenceLagRanges, ExpandedTermsMatchPlm) {
  const auto fx = reference_fixture("panel_lag_ranges.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/empluk.csv");
  DesignOptions d;
  d.panel_unit = "firm";
  d.panel_time = "year";
  size_t checked = 0;
  for (const auto& m : fx["models"]) {
    SCOPED_TRACE(m["id"].get<std::string>());
    const std::string fe = m["effect"] == "twoways" ? " | firm + year" : " | firm";
    const RegressionResult r = feols(f, m["formula"].get<std::string>() + fe, {}, d);
    EXPECT_EQ(r.nobs, m["nobs"].get<size_t>());
    EXPECT_DOUBLE_EQ(r.df_resid, m["df_resid"].get<double>());
    ASSERT_EQ(r.terms, m["terms"].get<std::vector<std::string>>());
    for (size_t j = 0; j < r.terms.size(); ++j) {
      const double b = m["coef"][j], se = m["se"][j];
      EXPECT_NEAR(r.coef[static_cast<long>(j)], b, 1e-6 * std::fabs(b)) << r.terms[j];
      EXPECT_NEAR(r.se()[static_cast<long>(j)], se, 1e-6 * se) << r.terms[j];
    }
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}
