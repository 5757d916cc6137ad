// The lmtests analysis end to end (registry, options, weights on the data's units) against spdep
// (tests/reference/spreg/lm_tests.R) and splm (panel_lm_tests.R): rows in any order, units of the
// weights without a row left out and named, the panel path, and its refusals.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

Outcome run(const Frame& data, const nlohmann::json& options, const SpatialSetup& setup, const std::string& unit = "",
            const std::string& time = "") {
  const Analysis& a = find_analysis("lmtests");
  std::vector<RawOption> raw;
  for (const auto& [k, v] : options.items()) raw.push_back({k, v, k, false});
  std::vector<std::string> problems;
  const Options o = validate_options(a.options, raw, "lmtests", problems);
  EXPECT_TRUE(problems.empty());
  AnalysisContext ctx;
  ctx.data = "test data";
  ctx.unit = unit;
  ctx.time = time;
  ctx.spatial = [&](const Frame&) -> const SpatialSetup& { return setup; };
  Frame f = data;
  return run_analysis(a, f, o, ctx);
}

void expect_rel(double got, double want, const std::string& what) { EXPECT_NEAR(got, want, 1e-6 * std::abs(want)) << what; }

}  // namespace

TEST(LmtestsAnalysis, CrossSectionMatchesSpdepWhateverTheRowOrder) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
  // The same rows backwards: the analysis aligns them to the weights.
  std::vector<size_t> rows(f.nrows());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = rows.size() - 1 - i;
  SpatialSetup s;
  s.w = read_gal(std::string(CBEC_TEST_DATA) + "/columbus.gal");
  s.key = "POLYID";
  const nlohmann::json ref = reference_fixture("spreg_lm_tests.json")["columbus_W"];
  for (const Frame& data : {f, f.take(rows)}) {
    const Outcome out = run(data, {{"formula", "CRIME ~ INC + HOVAL"}}, s);
    const auto& j = out.json;
    EXPECT_FALSE(j["panel"].get<bool>());
    EXPECT_EQ(j["nobs"], 49);
    expect_rel(j["moran"]["I"].get<double>(), ref["moran"]["I"].get<double>(), "I");
    expect_rel(j["moran"]["p_value"].get<double>(), ref["moran"]["p_greater"].get<double>(), "p");
    expect_rel(j["tests"]["lm_error"]["stat"].get<double>(), ref["tests"]["LMerr"]["stat"].get<double>(), "LMerr");
    expect_rel(j["tests"]["lm_lag"]["stat"].get<double>(), ref["tests"]["LMlag"]["stat"].get<double>(), "LMlag");
    expect_rel(j["tests"]["robust_lm_error"]["stat"].get<double>(), ref["tests"]["RLMerr"]["stat"].get<double>(), "RLMerr");
    expect_rel(j["tests"]["robust_lm_lag"]["stat"].get<double>(), ref["tests"]["RLMlag"]["stat"].get<double>(), "RLMlag");
    expect_rel(j["tests"]["sarma"]["stat"].get<double>(), ref["tests"]["SARMA"]["stat"].get<double>(), "SARMA");
    EXPECT_EQ(out.tables.at(0).rows.size(), 6u);
  }
  // Binary weights (transform B) give spdep's style "B" numbers.
  s.transform = "B";
  const nlohmann::json refb = reference_fixture("spreg_lm_tests.json")["columbus_B"];
  expect_rel(run(f, {{"formula", "CRIME ~ INC + HOVAL"}}, s).json["tests"]["lm_lag"]["stat"].get<double>(), refb["tests"]["LMlag"]["stat"].get<double>(), "B");
  // A unit of the weights without a row is left out of them and named.
  std::vector<size_t> all_but_first(f.nrows() - 1);
  for (size_t i = 0; i < all_but_first.size(); ++i) all_but_first[i] = i + 1;
  const Outcome fewer = run(f.take(all_but_first), {{"formula", "CRIME ~ INC + HOVAL"}}, s);
  EXPECT_EQ(fewer.json["nobs"], 48);
  EXPECT_EQ(fewer.json["left_out"], nlohmann::json::array({"1"}));
  EXPECT_THROW(run(f, {{"formula", "CRIME ~ INC"}, {"effect", "individual"}}, s), SpecError);
  EXPECT_THROW(run(f, {{"formula", "CRIME ~ INC | POLYID"}}, s), SpecError);
}

TEST(LmtestsAnalysis, PanelMatchesSlmtestOnProduc) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/produc.csv");
  SpatialSetup s;
  s.w = read_weights(std::string(CBEC_TEST_DATA) + "/usaww.matrix.csv");
  s.key = "state";
  const nlohmann::json ref = reference_fixture("spreg_panel_lm_tests.json");
  for (const char* effect : {"none", "twoways"}) {
    SCOPED_TRACE(effect);
    const auto j = run(f, {{"formula", "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"}, {"effect", effect}}, s, "state", "year").json;
    EXPECT_TRUE(j["panel"].get<bool>());
    EXPECT_EQ(j["periods"], 17);
    EXPECT_FALSE(j.contains("moran"));
    EXPECT_EQ(j.contains("bsk"), std::string(effect) == "none");   // Baltagi-Song-Koh: pooled OLS only
    if (j.contains("bsk")) expect_rel(j["bsk"]["lmh"]["stat"].get<double>(), ref["bsk"]["full"]["lmh"].get<double>(), "LM-H");
    expect_rel(j["tests"]["lm_error"]["stat"].get<double>(), ref[effect]["slmtest"]["lm_error"].get<double>(), "lme");
    expect_rel(j["tests"]["robust_lm_lag"]["stat"].get<double>(), ref[effect]["slmtest"]["robust_lm_lag"].get<double>(), "rlml");
    expect_rel(j["tests"]["sarma"]["stat"].get<double>(), ref[effect]["elhorst"]["sarma"].get<double>(), "SARMA");
  }
  // An unbalanced panel is refused, naming the unit and period.
  std::vector<size_t> rows;
  for (size_t i = 1; i < f.nrows(); ++i) rows.push_back(i);
  try {
    run(f.take(rows), {{"formula", "log(gsp) ~ unemp"}}, s, "state", "year");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("unit 'ALABAMA' has no usable row in period 1970"), std::string::npos) << e.what();
  }
}
