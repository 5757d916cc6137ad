// Categorical terms coded as R's model.matrix (and fixest, i() included) codes them, against lm
// (tests/reference/ols/categorical_coding.R): every level without an intercept, a slope per level
// in x:g without x, the first level the reference otherwise; the same terms, coefficients and
// iid errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(ReferenceCategoricalCoding, TermsAndNumbersMatchLm) {
  const auto fx = reference_fixture("ols_categorical_coding.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/core_panel.csv");
  size_t checked = 0;
  for (const auto& m : fx["models"]) {
    SCOPED_TRACE(m["id"].get<std::string>());
    const RegressionResult r = feols(f, m["formula"].get<std::string>());
    EXPECT_EQ(r.nobs, m["nobs"].get<size_t>());
    EXPECT_DOUBLE_EQ(r.df_resid, m["df_resid"].get<double>());
    EXPECT_TRUE(r.collinear.empty());
    const auto terms = m["terms"].get<std::vector<std::string>>();
    ASSERT_EQ(r.terms.size(), terms.size());
    for (size_t j = 0; j < terms.size(); ++j) {
      const long k = r.find(terms[j]);
      ASSERT_GE(k, 0) << terms[j];
      const double b = m["coef"][j], se = m["se"][j];
      EXPECT_NEAR(r.coef[k], b, 1e-6 * std::max(std::fabs(b), 1e-3)) << terms[j];
      EXPECT_NEAR(r.se()[k], se, 1e-6 * se) << terms[j];
    }
    ++checked;
  }
  EXPECT_EQ(checked, 9u);
}
