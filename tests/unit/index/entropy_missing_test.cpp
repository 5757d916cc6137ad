// The entropy step's rule for a missing indicator: refused by default (naming the data line), or
// with missing = drop the row is left out of the standardization and the weights (which then equal
// those of the complete rows alone) and its score is missing.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../analysis_options.hpp"

using namespace cbec;

namespace {
const std::vector<std::string> kIndicators = {"patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity"};

Outcome run(Frame& f, const std::string& missing) {
  const Analysis& a = find_analysis("entropy");
  AnalysisContext ctx;
  ctx.data = "scitech";
  return run_analysis(a, f, cbec::testing::analysis_options(a, {{"indicators", kIndicators}, {"missing", missing}}), ctx);
}
}  // namespace

TEST(EntropyMissing, RefuseOrDropTheRow) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  std::vector<double> rd = f.numeric("rd_expenditure");
  rd[4] = NAN;
  f.set(Column::numeric("rd_expenditure", rd));
  Frame refused = f;
  try {
    run(refused, "refuse");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("data line 6"), std::string::npos) << e.what();
  }
  const Outcome out = run(f, "drop");
  EXPECT_EQ(out.json["dropped_rows"], 1);
  EXPECT_TRUE(std::isnan(f.numeric("index")[4]));
  EXPECT_FALSE(std::isnan(f.numeric("index")[5]));
  // the JSON scores line up with the data rows: the dropped row's is null
  ASSERT_EQ(out.json["scores"].size(), f.nrows());
  EXPECT_TRUE(out.json["scores"][4].is_null());
  EXPECT_EQ(out.json["scores"][5].get<double>(), f.numeric("index")[5]);
  std::vector<size_t> complete;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (i != 4) complete.push_back(i);
  const Frame g = f.take(complete);
  Eigen::MatrixXd X(static_cast<Eigen::Index>(g.nrows()), 4);
  for (size_t j = 0; j < 4; ++j)
    for (size_t i = 0; i < g.nrows(); ++i) X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = g.numeric(kIndicators[j])[i];
  const EntropyResult want = entropy_weights(X, kIndicators, {});
  for (size_t j = 0; j < 4; ++j)
    EXPECT_NEAR(out.json["indicators"][kIndicators[j]]["w"].get<double>(), want.w[static_cast<Eigen::Index>(j)], 1e-14) << kIndicators[j];
}
