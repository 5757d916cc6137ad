// describe --by region --cross year: each cell is the mean of the subset it names (describe with
// --if), the margins are the means of a row or column, and empty cells are missing.
#include <gtest/gtest.h>

#include <cmath>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/read_table.hpp"
#include "../analysis_options.hpp"

using namespace cbec;

namespace {

Outcome describe(nlohmann::json options) {
  const Analysis& a = find_analysis("describe");
  const Options o = cbec::testing::analysis_options(a, options);
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/core_panel.csv");
  return run_analysis(a, f, o, AnalysisContext{});
}

}  // namespace

TEST(TwoWayMeans, CellsAreTheMeansOfTheirSubsets) {
  const Outcome out = describe({{"variables", {"y"}}, {"by", "region"}, {"cross", "year"}});
  const auto& m = out.json.at("means")[0];
  ASSERT_EQ(m.at("rows").size(), 8u);
  ASSERT_EQ(out.tables.size(), 2u);
  EXPECT_EQ(out.tables[1].rows.back().front(), "Total");
  for (size_t r : {0u, 5u})
    for (size_t c : {0u, 3u}) {
      const std::string region = m.at("rows")[r], year = m.at("columns")[c];
      const Outcome cell = describe({{"variables", {"y"}}, {"subset", "region == '" + region + "' & year == " + year}});
      EXPECT_NEAR(m.at("mean")[r][c].get<double>(), cell.json.at("summary")[0].at("mean").get<double>(), 1e-12) << region << " " << year;
    }
  const Outcome row = describe({{"variables", {"y"}}, {"subset", "region == 'A'"}});
  EXPECT_NEAR(m.at("row_mean")[0].get<double>(), row.json.at("summary")[0].at("mean").get<double>(), 1e-12);
  const Outcome all = describe({{"variables", {"y"}}});
  EXPECT_NEAR(m.at("overall").get<double>(), all.json.at("summary")[0].at("mean").get<double>(), 1e-12);
}

TEST(TwoWayMeans, CrossNeedsBy) { EXPECT_THROW(describe({{"variables", {"y"}}, {"cross", "year"}}), SpecError); }
