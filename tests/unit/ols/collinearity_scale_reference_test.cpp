// The collinearity rule on regressors of extreme scale, against lm and fixest
// (tests/reference/ols/collinearity_scale.R): cbec's relative rule drops a regressor of about 1e6
// whose spread is 1e-6 of its level (lm and fixest keep it) and one of 1e-8 (lm drops it too), and
// keeps one of scale 1e-6 (fixest's absolute rule drops it); where cbec keeps every term, its
// coefficients are lm's.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(ReferenceCollinearityScale, VerdictsAndCoefficientsAgainstLm) {
  const auto fx = reference_fixture("ols_collinearity_scale.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/collinearity_scale.csv");
  // cbec's verdicts: the README's documented differences from lm (big_cv6) and fixest (big_cv6, big_cv8, tiny).
  const std::map<std::string, bool> cbec_drops = {{"big_cv4", false}, {"big_cv6", true}, {"big_cv8", true}, {"tiny", false}};
  size_t checked = 0;
  for (const auto& m : fx["models"]) {
    const std::string v = m["variable"];
    SCOPED_TRACE(v);
    const RegressionResult r = feols(f, m["formula"].get<std::string>());
    const bool drops = std::find(r.collinear.begin(), r.collinear.end(), v) != r.collinear.end();
    EXPECT_EQ(drops, cbec_drops.at(v));
    EXPECT_EQ(r.collinear.size(), drops ? 1u : 0u);
    if (!drops) {
      ASSERT_FALSE(m["lm_drops"].get<bool>());
      const auto terms = m["lm_terms"].get<std::vector<std::string>>();
      ASSERT_EQ(r.terms.size(), terms.size());
      for (size_t j = 0; j < terms.size(); ++j) {
        const long k = r.find(terms[j]);
        ASSERT_GE(k, 0) << terms[j];
        const double b = m["lm_coef"][j];
        EXPECT_NEAR(r.coef[k], b, 1e-6 * std::fabs(b)) << terms[j];
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
  // The fixture's record of where lm and fixest differ from cbec (what the README states).
  EXPECT_FALSE(fx["models"][1]["lm_drops"].get<bool>());
  EXPECT_TRUE(fx["models"][2]["lm_drops"].get<bool>());
  if (fx.contains("fixest_version")) {
    EXPECT_FALSE(fx["models"][1]["fixest_drops"].get<bool>());
    EXPECT_FALSE(fx["models"][2]["fixest_drops"].get<bool>());
    EXPECT_TRUE(fx["models"][3]["fixest_drops"].get<bool>());
  }
}
