#include "cbec/estimate/spatial/classify.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

TEST(Classify, MatchesClassInt) {
  std::ifstream in(std::string(CBEC_FIXTURES) + "/spatial_classint.json");
  auto ref = nlohmann::json::parse(in);
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
  const auto& x = f.numeric("CRIME");
  auto same = [](const std::vector<double>& a, const nlohmann::json& b, const char* what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i].get<double>(), 1e-9) << what << " " << i;
  };
  Classification fj = classify(x, "fisher", 5);
  same(fj.breaks, ref["fisher5"], "fisher5");
  same(classify(x, "fisher", 3).breaks, ref["fisher3"], "fisher3");
  same(classify(x, "quantile", 5).breaks, ref["quantile5"], "quantile5");
  same(classify(x, "equal", 4).breaks, ref["equal4"], "equal4");
  for (size_t i = 0; i < x.size(); ++i) EXPECT_EQ(fj.cls[i], ref["fisher5_class"][i].get<int>()) << i;
  EXPECT_THROW(classify(x, "natural", 5), SpecError);
  EXPECT_GE(classify(x, "sd").breaks.size(), 3u);
}
