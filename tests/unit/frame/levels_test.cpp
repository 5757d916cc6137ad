// A numeric column's levels (code_levels) against a reference built from a sorted set: the
// distinct values in increasing order as labels, each row's code its value's rank, missing rows -1.
// Sizes are above one thread's share (kCodingParallelRows), so the table's marking, the rows'
// coding and the labels run on the threads; few levels over many rows (every row marks one of a
// handful of keys) and about as many levels as rows.
#include "cbec/frame/levels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "cbec/frame/dense_codes.hpp"

using namespace cbec;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void expect_sorted_set_levels(const std::vector<double>& values) {
  std::set<long long> distinct;
  for (double v : values)
    if (!std::isnan(v)) distinct.insert(static_cast<long long>(v));
  const Levels got = code_levels(Column::numeric("v", values));
  ASSERT_EQ(got.labels.size(), distinct.size());
  size_t rank = 0;
  std::map<long long, int32_t> code_of;
  for (long long v : distinct) {
    EXPECT_EQ(got.labels[rank], std::to_string(v));
    code_of[v] = static_cast<int32_t>(rank++);
  }
  ASSERT_EQ(got.codes.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i)
    ASSERT_EQ(got.codes[i], std::isnan(values[i]) ? -1 : code_of.at(static_cast<long long>(values[i]))) << "row " << i;
}

}  // namespace

TEST(CodeLevels, FewLevelsOverManyRowsMatchASortedReference) {
  std::mt19937_64 rng(8);
  std::vector<double> year(4 * static_cast<size_t>(kCodingParallelRows));
  for (size_t i = 0; i < year.size(); ++i) year[i] = i % 101 == 7 ? kNaN : 2000 + static_cast<double>(rng() % 10);
  expect_sorted_set_levels(year);
}

TEST(CodeLevels, AboutAsManyLevelsAsRowsMatchASortedReference) {
  // 300,000 rows of ids among 250,000 (negative ones too): more levels than one thread's share.
  std::mt19937_64 rng(9);
  std::vector<double> id(300000);
  for (size_t i = 0; i < id.size(); ++i) id[i] = i % 89 == 2 ? kNaN : static_cast<double>(rng() % 250000) - 1000;
  expect_sorted_set_levels(id);
}
