// The cells of two fixed-effect dimensions (fixed_effect_cells.hpp): found from runs of either
// dimension or from a table of all combinations, their weights summed; refused when too many or when
// neither dimension's levels are in runs.
#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "cbec/estimate/ols/fixed_effect_cells.hpp"

using namespace cbec;

namespace {

Factor factor(std::vector<int32_t> codes, size_t levels) {
  Factor f;
  f.codes = std::move(codes);
  f.n_levels = levels;
  return f;
}

// The cells as a map (first, second) -> weight, which must list each pair once.
std::map<std::pair<int32_t, int32_t>, double> as_map(const FixedEffectCells& c) {
  std::map<std::pair<int32_t, int32_t>, double> m;
  for (size_t i = 0; i < c.size(); ++i) EXPECT_TRUE(m.emplace(std::make_pair(c.first[i], c.second[i]), c.weight[i]).second);
  return m;
}

}  // namespace

TEST(FixedEffectCells, FromRunsOfEitherDimensionWithSummedWeights) {
  // Units 0..2 in runs; unit 1 moves from industry 4 to 2; industry codes not in runs.
  const Factor unit = factor({0, 0, 0, 1, 1, 1, 2, 2}, 3);
  const Factor industry = factor({4, 4, 4, 4, 2, 2, 4, 4}, 5);
  const double w[] = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::map<std::pair<int32_t, int32_t>, double> expected = {{{0, 4}, 6}, {{1, 4}, 4}, {{1, 2}, 11}, {{2, 4}, 15}};
  const auto a = fixed_effect_cells(unit, industry, w, 6);
  ASSERT_TRUE(a);
  EXPECT_EQ(as_map(*a), expected);
  // The same cells with the roles swapped (the runs are then the second dimension's).
  const auto b = fixed_effect_cells(industry, unit, w, 6);
  ASSERT_TRUE(b);
  std::map<std::pair<int32_t, int32_t>, double> swapped;
  for (const auto& [key, weight] : expected) swapped[{key.second, key.first}] = weight;
  EXPECT_EQ(as_map(*b), swapped);
  // Unweighted: the rows counted.
  const auto counted = fixed_effect_cells(unit, industry, nullptr, 6);
  ASSERT_TRUE(counted);
  EXPECT_EQ(as_map(*counted), (std::map<std::pair<int32_t, int32_t>, double>{{{0, 4}, 3}, {{1, 4}, 1}, {{1, 2}, 2}, {{2, 4}, 2}}));
  // Too many cells, or only the first rows.
  EXPECT_FALSE(fixed_effect_cells(unit, industry, w, 3));
  const auto head = fixed_effect_cells(unit, industry, w, 6, 4);
  ASSERT_TRUE(head);
  EXPECT_EQ(as_map(*head), (std::map<std::pair<int32_t, int32_t>, double>{{{0, 4}, 6}, {{1, 4}, 4}}));
}

TEST(FixedEffectCells, FromATableWhenFewLevelsAndRefusedWhenNeitherIsInRuns) {
  // Neither dimension in runs: 2 x 3 combinations fit a table of at most 6 cells, not of 5.
  const Factor a = factor({0, 1, 0, 1, 0, 1, 0}, 2);
  const Factor b = factor({2, 0, 1, 0, 2, 1, 2}, 3);
  const auto cells = fixed_effect_cells(a, b, nullptr, 6);
  ASSERT_TRUE(cells);
  EXPECT_EQ(as_map(*cells), (std::map<std::pair<int32_t, int32_t>, double>{{{0, 1}, 1}, {{0, 2}, 3}, {{1, 0}, 2}, {{1, 1}, 1}}));
  EXPECT_FALSE(fixed_effect_cells(a, b, nullptr, 5));
}

TEST(FixedEffectCells, LevelRunsOnlyWhenEveryLevelIsOneRunOfTheStatedLength) {
  const auto runs = level_runs(factor({2, 2, 2, 0, 0, 1, 1, 1}, 3), 2);
  ASSERT_TRUE(runs);
  EXPECT_EQ(runs->level, (std::vector<int32_t>{2, 0, 1}));
  EXPECT_EQ(runs->start, (std::vector<size_t>{0, 3, 5, 8}));
  EXPECT_FALSE(level_runs(factor({2, 2, 2, 0, 0, 1, 1, 1}, 3), 3));  // 8 rows in 3 runs: shorter than 3 on average
  EXPECT_FALSE(level_runs(factor({0, 0, 1, 1, 0, 0}, 2), 1));        // level 0 in two runs
  EXPECT_FALSE(level_runs(factor({}, 0), 1));
}
