// A model read back from its JSON (regression_from_json, used by the Python module's etable) gives
// the same JSON and the same table as the model itself.
#include <gtest/gtest.h>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"

using namespace cbec;

namespace {

RegressionResult model(const std::string& formula, const std::string& vcov) {
  FeolsOptions o;
  o.vcov = VcovSpec::parse(vcov, "year");
  DesignOptions d;
  d.panel_unit = "firm";
  d.panel_time = "year";
  return feols(read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv"), formula, o, d);
}

nlohmann::json without_tests(nlohmann::json j) {
  j.erase("tests");
  return j;
}

}  // namespace

TEST(RegressionFromJson, RoundTripsTheJsonAndTheTable) {
  const std::vector<RegressionResult> models = {model("inv ~ value + capital", "hc1"), model("inv ~ value + capital | year + firm", "cluster:firm"),
                                                model("inv ~ value | firm", "cr2:firm"), model("inv ~ value + capital | firm", "dk")};
  std::vector<RegressionResult> back;
  for (const auto& m : models) {
    back.push_back(regression_from_json(to_json(m)));
    EXPECT_EQ(without_tests(to_json(back.back())).dump(), without_tests(to_json(m)).dump()) << m.formula;
  }
  EXPECT_EQ(back[1].fixed_effects.front().first, "year");   // the formula's order, not the JSON's
  RegressionTableOptions o;
  o.title = "Grunfeld";
  EXPECT_EQ(render_text(regression_table(back, o)), render_text(regression_table(models, o)));
}

TEST(RegressionFromJson, RefusesWhatIsNotAModel) {
  EXPECT_THROW(regression_from_json(nlohmann::json{{"coef", {{"x", 1.0}}}}), DataError);
}
