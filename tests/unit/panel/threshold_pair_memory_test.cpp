// How much of the grid-pair table the later threshold tests store (threshold_pair_memory.hpp): the
// whole table within the budget, at the sizes the header gives; beyond it the smallest stride whose
// stored rows fit beside two working rows per thread; a refusal naming the options
// when not even one row fits, sizes beyond size_t included.
#include "cbec/estimate/panel/threshold_pair_memory.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "cbec/core/error.hpp"

using namespace cbec;
using namespace cbec::detail;

TEST(ThresholdPairMemory, WholeTableWithinTheBudget) {
  const PairTablePlan hansen = plan_pair_table(393, 1, 2, size_t{2} << 30, 400);   // Hansen's 400 quantiles
  EXPECT_EQ(hansen.stride, 1u);
  EXPECT_EQ(hansen.bytes, 393u * 393u * 8u);   // 1.2 MB
  const PairTablePlan large = plan_pair_table(1961, 3, 2, size_t{2} << 30, 2000);
  EXPECT_EQ(large.stride, 1u);
  EXPECT_EQ(large.bytes, 1961u * 1961u * 9u * 8u);   // 277 MB
  EXPECT_EQ(large.row_bytes, 1961u * 9u * 8u);
}

TEST(ThresholdPairMemory, StoredRowsAndWorkingRowsFitTheBudget) {
  const size_t row = 1000 * 4 * 8;
  for (const size_t threads : {1u, 2u, 8u})
    for (const size_t budget : {row * 1000 - 1, row * 500, row * 60, row * (2 * threads + 1)}) {
      const PairTablePlan plan = plan_pair_table(1000, 2, threads, budget, 1020);
      ASSERT_GT(plan.stride, 1u);
      EXPECT_EQ(plan.row_bytes, row);
      const size_t stored = (1000 + plan.stride - 1) / plan.stride;
      EXPECT_EQ(plan.bytes, (stored + 2 * threads) * row);
      EXPECT_LE(plan.bytes, budget) << threads << " threads, budget " << budget;
      // The smallest stride that fits: one less stores too many rows.
      EXPECT_GT((1000 + plan.stride - 2) / (plan.stride - 1) + 2 * threads, budget / row);
    }
}

TEST(ThresholdPairMemory, RefusedWhenNotOneRowFitsNamingTheOptions) {
  try {
    plan_pair_table(1000, 2, 2, 4 * 1000 * 4 * 8, 1020);   // four rows; one stored and four working needed
    FAIL() << "expected a refusal";
  } catch (const SpecError& e) {
    const std::string what = e.what();
    for (const char* part : {"--quantiles, now 1020", "--regime", "--thresholds 1", "1000 grid points", "2 regime-dependent variables",
                             "0.2 MiB"})
      EXPECT_NE(what.find(part), std::string::npos) << part << " in: " << what;
  }
  // Sizes beyond size_t: refused, not wrapped round to a small table.
  EXPECT_THROW(plan_pair_table(size_t{1} << 40, size_t{1} << 20, 1, SIZE_MAX / 2, 100), SpecError);
  EXPECT_THROW(plan_pair_table(size_t{1} << 33, 4, 1, size_t{2} << 30, 100), SpecError);
}
