// Snapshot tests of the regression-table options (report/regression_table.hpp): keep/drop/order
// patterns, an indicate row, the statistic in parentheses, chosen summary rows, Chinese labels and
// column numbers above model names, compared byte for byte with tests/snapshots/. After an intended
// change: CBEC_UPDATE_SNAPSHOTS=1 build/cbec_tests --gtest_filter='TableOptions*' and review the diff.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/regression_table.hpp"

using namespace cbec;

namespace {

std::vector<RegressionResult> models() {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:firm");
  return {feols(f, "inv ~ value", o), feols(f, "inv ~ value + capital", o), feols(f, "inv ~ value + capital + log(capital) | firm + year", o)};
}

void check(const std::string& name, const Table& t) {
  const bool update = std::getenv("CBEC_UPDATE_SNAPSHOTS") != nullptr;
  for (auto [format, ext] : {std::pair{TableFormat::Text, "txt"}, {TableFormat::Latex, "tex"}}) {
    const std::string path = fmt::format("{}/tests/snapshots/{}.{}", CBEC_SOURCE_DIR, name, ext);
    const std::string got = render(t, format);
    if (update) std::ofstream(path, std::ios::binary) << got;
    std::ifstream in(path, std::ios::binary);
    std::stringstream want;
    want << in.rdbuf();
    EXPECT_EQ(got, want.str()) << path;
  }
}

}  // namespace

TEST(TableOptions, StepwiseWithLabelsNumbersAndControls) {
  RegressionTableOptions o;
  o.title = "投资 (Grunfeld)";
  o.model_names = {"OLS", "OLS", "Two-way FE"};
  o.numbers = true;
  o.order = {"capital"};
  o.indicate = {{"Controls", {"^log\\("}}};
  o.labels = {{"inv", "投资"}, {"value", "市值"}, {"capital", "资本存量"}, {"firm", "企业"}};
  o.stats = {"n", "adj_r2", "f", "clusters", "loglik"};
  check("table_options_stepwise", regression_table(models(), o));
}

TEST(TableOptions, KeepDropAndTheStatisticInParentheses) {
  RegressionTableOptions o;
  o.keep = {"^v", "Intercept"};
  o.coef_stat = CoefStat::P;
  check("table_options_pvalues", regression_table(models(), o));
  o.keep = {};
  o.drop = {"capital"};
  o.coef_stat = CoefStat::CI;
  check("table_options_ci", regression_table(models(), o));
}

TEST(TableOptions, BadPatternsAndRowsNameTheOption) {
  RegressionTableOptions o;
  o.keep = {"log(("};
  EXPECT_THROW(regression_table(models(), o), SpecError);
  o.keep = {"log(capital)"};   // not a regular expression, but a term's exact name
  EXPECT_NO_THROW(regression_table(models(), o));
  o.keep = {};
  o.stats = {"r3"};
  EXPECT_THROW(regression_table(models(), o), SpecError);
  EXPECT_THROW(parse_coef_stat("sd"), SpecError);
}
