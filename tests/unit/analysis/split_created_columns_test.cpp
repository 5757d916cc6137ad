// --split-by and --if for analyses that add columns (analysis/subsample.hpp): the new column of
// each group equals the analysis run on that group's rows alone, and rows outside the subset are
// missing in it (core_panel has missing indicators: entropy's missing = drop scores them missing).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/read_table.hpp"
#include "../analysis_options.hpp"

using namespace cbec;

namespace {

Frame run(nlohmann::json options, Frame f, Outcome* outcome = nullptr) {
  const Analysis& a = find_analysis("entropy");
  const Options o = cbec::testing::analysis_options(a, options);
  AnalysisContext ctx;
  ctx.unit = "id";
  ctx.time = "year";
  Outcome out = run_analysis(a, f, o, ctx);
  if (outcome) *outcome = std::move(out);
  return f;
}

Frame data() { return read_table(std::string(CBEC_TEST_DATA) + "/core_panel.csv"); }

}  // namespace

TEST(SplitCreatedColumns, EachGroupsColumnIsItsOwnRun) {
  const nlohmann::json base = {{"indicators", {"x1", "x2"}}, {"name", "score"}, {"missing", "drop"}};
  nlohmann::json split = base;
  split["split_by"] = "region";
  Outcome out;
  const Frame whole = run(split, data(), &out);
  for (const auto& t : out.tables)
    for (const auto& note : t.notes) EXPECT_EQ(note.find("rows not analysed"), std::string::npos) << "every row is in a group: " << note;
  const auto& score = whole.numeric("score");
  const Column& region = whole.get("region");
  size_t compared = 0;
  for (const auto& level : region.levels) {
    nlohmann::json one = base;
    one["subset"] = "region == '" + level + "'";
    const Frame by_hand = run(one, data());
    const auto& expected = by_hand.numeric("score");
    for (size_t i = 0; i < whole.nrows(); ++i) {
      if (region.is_missing(i) || region.text(i) != level) continue;
      EXPECT_EQ(std::isnan(score[i]), std::isnan(expected[i])) << level << " row " << i;
      if (!std::isnan(expected[i])) EXPECT_NEAR(score[i], expected[i], 1e-12) << level << " row " << i;
      ++compared;
    }
  }
  EXPECT_EQ(compared, whole.nrows());
}

TEST(SplitCreatedColumns, RowsOutsideTheSubsetAreMissing) {
  Outcome out;
  const Frame f = run({{"indicators", {"x1", "x2"}}, {"name", "score"}, {"missing", "drop"}, {"subset", "year >= 2015"}}, data(), &out);
  const auto& score = f.numeric("score");
  const auto& year = f.numeric("year");
  const size_t before = static_cast<size_t>(std::count_if(year.begin(), year.end(), [](double y) { return y < 2015; }));
  const auto& notes = out.tables.front().notes;
  EXPECT_NE(std::find(notes.begin(), notes.end(), fmt::format("New columns (score) are missing on the {} rows not analysed.", before)), notes.end());
  size_t scored = 0;
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (year[i] < 2015) EXPECT_TRUE(std::isnan(score[i])) << "row " << i;
    scored += !std::isnan(score[i]);
  }
  EXPECT_GT(scored, 0u);   // rows of the subset with both indicators have a score
  EXPECT_LT(scored, f.nrows());
}
