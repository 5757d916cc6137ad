// The variance capability table: one message for every refusal, conditions applied.
#include <gtest/gtest.h>

#include "cbec/analysis/variance_support.hpp"
#include "cbec/core/error.hpp"

using namespace cbec;

namespace {
std::string refusal(const std::string& analysis, const std::string& estimator, const std::string& vcov, VarianceCase c = {}) {
  try {
    check_vcov(analysis, estimator, vcov, c, "year");
  } catch (const SpecError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(VarianceSupport, OneMessageNamingWhatIsSupported) {
  EXPECT_EQ(refusal("xtreg", "be", "hc1"), "'xtreg' supports vcov iid; not hc1");
  EXPECT_EQ(refusal("reg", "feols", "cluster:firm"), "");
  EXPECT_EQ(refusal("reg", "feols", "hc2"), "");
  EXPECT_NE(refusal("reg", "feols", "hc2", {true, false}).find("not hc2 with absorbed fixed effects"), std::string::npos);
  EXPECT_NE(refusal("psm", "psm_did", "cr2:id", {false, true}).find("not cr2 with observation weights"), std::string::npos);
  EXPECT_EQ(refusal("threshold", "threshold", "dk"), "'threshold' supports vcov iid; not dk");
  EXPECT_EQ(refusal("reg", "feols", ""), "");   // the analysis's default
}

TEST(VarianceSupport, EveryRowNamesKnownEstimators) {
  for (const auto& row : variance_support())
    for (const auto& v : row.supported)
      EXPECT_NE(std::find(variance_names().begin(), variance_names().end(), v), variance_names().end()) << row.estimator << ": " << v;
  EXPECT_THROW(variance_support("nope"), SpecError);
}
