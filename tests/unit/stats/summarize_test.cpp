// describe's summaries (estimate/describe/summarize.cpp) against a long-double two-pass reference:
// far-from-zero data (where a one-pass sum of squares loses every digit), missing values, lengths
// that are not a multiple of the four partial sums, groups, and the empty and one-value cases.
#include "cbec/estimate/describe/summarize.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace cbec;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Reference {
  size_t n = 0;
  double mean = kNaN, sd = kNaN, min = kNaN, max = kNaN;
};

Reference reference(const std::vector<double>& v, const std::vector<size_t>& rows) {
  Reference r;
  long double sum = 0;
  for (size_t i : rows)
    if (!std::isnan(v[i])) {
      ++r.n;
      sum += v[i];
      r.min = std::isnan(r.min) ? v[i] : std::min(r.min, v[i]);
      r.max = std::isnan(r.max) ? v[i] : std::max(r.max, v[i]);
    }
  if (!r.n) return r;
  const long double mean = sum / static_cast<long double>(r.n);
  long double ss = 0;
  for (size_t i : rows)
    if (!std::isnan(v[i])) ss += (v[i] - mean) * (v[i] - mean);
  r.mean = static_cast<double>(mean);
  if (r.n > 1) r.sd = static_cast<double>(std::sqrt(ss / static_cast<long double>(r.n - 1)));
  return r;
}

void expect_matches(const SummaryRow& s, const Reference& r, size_t missing) {
  EXPECT_EQ(s.n, r.n);
  EXPECT_EQ(s.missing, missing);
  EXPECT_NEAR(s.mean, r.mean, 1e-14 * std::fabs(r.mean));
  EXPECT_NEAR(s.sd, r.sd, 1e-9 * r.sd);
  EXPECT_EQ(s.min, r.min);
  EXPECT_EQ(s.max, r.max);
}

}  // namespace

TEST(Summarize, FarFromZeroWithGapsMatchesALongDoubleTwoPass) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> N(0, 1);
  for (size_t n : {1u, 2u, 3u, 5u, 7u, 1001u, 250003u}) {
    std::vector<double> v(n), g(n);
    size_t missing = 0;
    for (size_t i = 0; i < n; ++i) {
      v[i] = 1e9 + 0.001 * N(rng);  // sd 1e-3 around 1e9: sum x^2 - n mean^2 would cancel
      if (i % 11 == 4) {
        v[i] = kNaN;
        ++missing;
      }
      g[i] = static_cast<double>(i % 3);
    }
    Frame f;
    f.set(Column::numeric("v", v));
    f.set(Column::numeric("g", g));
    std::vector<size_t> all(n);
    for (size_t i = 0; i < n; ++i) all[i] = i;
    const auto whole = summarize(f, {"v"});
    ASSERT_EQ(whole.size(), 1u);
    const Reference r = reference(v, all);
    SCOPED_TRACE(n);
    if (r.n > 1) {
      expect_matches(whole[0], r, missing);
    } else {
      EXPECT_EQ(whole[0].n, r.n);
      EXPECT_TRUE(std::isnan(whole[0].sd));
    }
    const auto by = summarize(f, {"v"}, "g");
    for (const auto& s : by) {
      std::vector<size_t> rows;
      size_t missing_in = 0;
      for (size_t i = 0; i < n; ++i)
        if (f.get("g").text(i) == s.group) {
          rows.push_back(i);
          missing_in += std::isnan(v[i]);
        }
      const Reference rg = reference(v, rows);
      if (rg.n > 1) expect_matches(s, rg, missing_in);
    }
  }
}

TEST(Summarize, NoValueOrOneValue) {
  Frame f;
  f.set(Column::numeric("none", {kNaN, kNaN, kNaN}));
  f.set(Column::numeric("one", {kNaN, -2.5, kNaN}));
  const auto rows = summarize(f, {});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].n, 0u);
  EXPECT_EQ(rows[0].missing, 3u);
  EXPECT_TRUE(std::isnan(rows[0].mean) && std::isnan(rows[0].sd) && std::isnan(rows[0].min) && std::isnan(rows[0].max));
  EXPECT_EQ(rows[1].n, 1u);
  EXPECT_EQ(rows[1].mean, -2.5);
  EXPECT_TRUE(std::isnan(rows[1].sd));
  EXPECT_EQ(rows[1].min, -2.5);
  EXPECT_EQ(rows[1].max, -2.5);
}

// The mean carries the two-pass correction of R's mean.default: 1e15 + k/2 (k = 0..9), whose one-pass
// sum rounds (mean 1000000000000002.1 before, exact 1000000000000002.25); a sum beyond the double range
// (1e308, 1e308, 1.5e308) still has a mean (was missing).
TEST(Summarize, MeanIsExactToRoundingAndSurvivesHugeSums) {
  std::vector<double> v;
  for (int k = 0; k < 10; ++k) v.push_back(1e15 + k / 2.0);
  Frame f;
  f.set(Column::numeric("v", v));
  f.set(Column::numeric("huge", {1e308, 1e308, 1.5e308, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN}));
  const auto rows = summarize(f, {"v", "huge"});
  EXPECT_EQ(rows[0].mean, 1e15 + 2.25);
  EXPECT_NEAR(rows[1].mean, 1e308 / 3 * 3.5, 1e294);
}
