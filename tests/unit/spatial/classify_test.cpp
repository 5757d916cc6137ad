#include "cbec/estimate/spatial/classify.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(Classify, MatchesClassInt) {
  auto ref = reference_fixture("spatial_classint.json");
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
  // two optimal partitions: classInt's arithmetic picks one, and so does cbec
  same(classify(ref["tied_values"].get<std::vector<double>>(), "fisher", 5).breaks, ref["tied_fisher5"], "tied fisher5");
  EXPECT_THROW(classify(x, "natural", 5), SpecError);
  EXPECT_GE(classify(x, "sd").breaks.size(), 3u);
}

// Natural breaks are the same classes at any scale (their sums of squares were NaN at 1e160 and 0
// at 1e-300: breaks out of order, every value in one class); counts beyond the distinct values and
// constant values are refused; more classes than values are classInt's one class per value.
TEST(Classify, NaturalBreaksAtAnyScaleAndClassCountsBounded) {
  const std::vector<double> v = {1.0889, 1.42985, 2.1988, 2.9999, 1.5, 2.5, 1.2, 2.8, 1.9, 2.2, 1.1};
  const Classification base = classify(v, "fisher", 3);
  EXPECT_EQ(base.cls, (std::vector<int>{0, 0, 1, 2, 0, 2, 0, 2, 1, 1, 0}));
  for (double scale : {1e160, 1e-300}) {
    std::vector<double> scaled;
    for (double x : v) scaled.push_back(x * scale);
    const Classification c = classify(scaled, "fisher", 3);
    EXPECT_EQ(c.cls, base.cls) << scale;
    for (size_t b = 0; b < c.breaks.size(); ++b) EXPECT_NEAR(c.breaks[b] / scale, base.breaks[b], 1e-12) << scale;
  }
  // As classInt: n beyond the distinct values reset to them (said), each value its own class, breaks
  // midway and half the mean gap beyond the ends (classIntervals(c(1, 2, 4), 5, "quantile")$brks).
  for (const char* method : {"quantile", "equal", "fisher"}) {
    const Classification c = classify({4, 1, 2, 2}, method, 100000000);
    EXPECT_EQ(c.breaks, (std::vector<double>{0.25, 1.5, 3, 4.75})) << method;
    EXPECT_EQ(c.cls, (std::vector<int>{2, 0, 1, 1})) << method;
    EXPECT_NE(c.note.find("100000000 classes were asked of 3 distinct values"), std::string::npos) << method;
  }
  EXPECT_TRUE(classify({4, 1, 2, 2}, "quantile", 3).note.empty());
  EXPECT_THROW(classify({3, 3, 3}, "fisher", 2), DataError);
}
