// A study's [[table]] of results other than regression models: columns of estimates
// (report/estimate_column.hpp) side by side. The DID robustness table on mpdta is checked column by
// column against fixest (TWFE, Sun-Abraham; tests/reference/did/robustness_table.R), did
// (Callaway-Sant'Anna), didimputation and DIDmultiplegt (their fixtures); the unit-root table of two
// variables against plm's purtest (ts_purtest_plm.json). Tolerance 1e-6 relative.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cbec/report/estimates_table.hpp"
#include "cbec/study/run_study.hpp"
#include "cbec/study/study_file.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

namespace {

std::string study(const std::string& name) { return std::string(CBEC_TEST_DATA) + "/studies/" + name; }

nlohmann::json fixture(const std::string& name) {
  std::ifstream in(std::string(CBEC_SOURCE_DIR) + "/tests/reference/fixtures/" + name);
  return nlohmann::json::parse(in);
}

nlohmann::json case_named(const nlohmann::json& f, const std::string& name) {
  for (const auto& c : f.at("cases"))
    if (c.value("name", "") == name) return c;
  ADD_FAILURE() << "no case " << name;
  return {};
}

void expect_rel(const nlohmann::json& actual, const nlohmann::json& expected, const std::string& what) {
  ASSERT_TRUE(actual.is_number() && expected.is_number()) << what << ": " << actual << " vs " << expected;
  const double a = actual.get<double>(), e = expected.get<double>();
  EXPECT_NEAR(a, e, 1e-6 * std::max(1.0, std::abs(e))) << what;
}

// The row `term` of a column (JSON of to_json(EstimateColumn)).
nlohmann::json row_of(const nlohmann::json& column, const std::string& term) {
  for (const auto& r : column.at("rows"))
    if (r.at("term") == term) return r;
  ADD_FAILURE() << "no row " << term;
  return nlohmann::json{{"estimate", 0}, {"se", 0}, {"p_value", 0}};
}

const StudySection& merged(const StudyReport& r) {
  EXPECT_EQ(r.sections.back().type, "table");
  return r.sections.back();
}

}  // namespace

TEST(EstimatesTableStudy, DidRobustnessTableMatchesEachEstimatorsReference) {
  const StudyReport rep = run_study(read_study(study("robustness.toml")), 1);
  const StudySection& sec = merged(rep);
  const nlohmann::json& cols = sec.results.at("columns");
  ASSERT_EQ(cols.size(), 5u);
  const nlohmann::json fx = fixture("did_robustness_mpdta.json");
  const nlohmann::json cs = case_named(fixture("did_callaway_santanna.json"), "nocov_never_dr").at("aggregations").at("simple");
  const nlohmann::json bjs = case_named(fixture("did_imputation.json"), "overall");
  const nlohmann::json didm = case_named(fixture("did_multiplegt.json"), "mpdta");
  expect_rel(row_of(cols[0], "did")["estimate"], fx["twfe"]["coef"], "TWFE");
  expect_rel(row_of(cols[0], "did")["se"], fx["twfe"]["se"], "TWFE se");
  expect_rel(row_of(cols[0], "did")["p_value"], fx["twfe"]["p_value"], "TWFE p");
  expect_rel(row_of(cols[1], "did")["estimate"], cs["att"], "CS");
  expect_rel(row_of(cols[1], "did")["se"], cs["se"], "CS se");
  expect_rel(row_of(cols[2], "did")["estimate"], fx["sunab"]["att"], "SA");
  expect_rel(row_of(cols[2], "did")["se"], fx["sunab"]["att_se"], "SA se");
  expect_rel(row_of(cols[3], "did")["estimate"], bjs["estimate"][0], "imputation");
  expect_rel(row_of(cols[3], "did")["se"], bjs["std_error"][0], "imputation se");
  expect_rel(row_of(cols[4], "did")["estimate"], didm["coef"]["effect"], "DID_M");
  EXPECT_TRUE(row_of(cols[4], "did")["se"].is_null());   // no bootstrap drawn: no SE, no stars

  const Table& t = sec.tables.front();
  EXPECT_EQ(t.header, (std::vector<std::string>{"", "(1)", "(2)", "(3)", "(4)", "(5)"}));
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"", "TWFE", "Callaway-Sant'Anna", "Sun-Abraham", "Imputation", "DID_M"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"Dependent variable", "lemp", "lemp", "lemp", "lemp", "lemp"}));
  // One row for every estimator's overall effect, labelled by [labels] did = "ATT", SEs below.
  const auto att = std::find_if(t.rows.begin(), t.rows.end(), [](const auto& row) { return row[0] == "ATT"; });
  ASSERT_NE(att, t.rows.end());
  EXPECT_EQ((*att)[1], "-0.037***");
  EXPECT_EQ((*att)[2], "-0.040***");
  EXPECT_EQ((*att)[5], "-0.019");
  EXPECT_EQ((*(att + 1))[2], "(0.012)");
  EXPECT_EQ((*(att + 1))[5], "");
  EXPECT_EQ(t.rows.back()[0], "Observations");
  EXPECT_EQ(t.rows.back()[1], "2500");
  EXPECT_TRUE(std::any_of(t.rows.begin(), t.rows.end(), [](const auto& row) { return row[0] == "Comparison group" && row[2] == "never treated"; }));

  // The same table in Markdown, LaTeX and Excel, and in the report folder.
  EXPECT_NE(render_markdown(t).find("| ATT | -0.037*** | -0.040***"), std::string::npos) << render_markdown(t);
  EXPECT_NE(render_latex(t).find("ATT & -0.037*** & -0.040***"), std::string::npos) << render_latex(t);
  StudyReport copy = rep;
  const cbec::testing::ScratchFolder scratch;
  const auto dir = scratch.dir() / "report";
  write_report(copy, dir.string());
  const std::string stem = "06_table";
  for (const std::string ext : {".md", ".tex", ".csv"}) EXPECT_TRUE(std::filesystem::exists(dir / "tables" / (stem + ext))) << stem + ext;
  std::ifstream xlsx(dir / "tables.xlsx", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(xlsx)), {});
  EXPECT_EQ(bytes.substr(0, 2), "PK");
}

TEST(EstimatesTableStudy, UnitRootBlocksOfTwoVariablesSideBySide) {
  const StudyReport rep = run_study(read_study(study("unitroot_table.toml")), 1);
  const StudySection& sec = merged(rep);
  const nlohmann::json& cols = sec.results.at("columns");
  ASSERT_EQ(cols.size(), 4u);   // gsp levels, gsp differences, unemp levels, unemp differences
  size_t checked = 0;
  const nlohmann::json plm = fixture("ts_purtest_plm.json");
  for (const auto& c : plm.at("cases")) {
    if (c["data"] != "produc.csv" || c["lags"] != "1" || c["mle_variance"] != false || c["deterministic"] != "constant") continue;
    if (c["test"] != "llc" && c["test"] != "ips") continue;
    const size_t k = (c["variable"] == "gsp" ? 0 : 2) + (c["series"] == "levels" ? 0 : 1);
    const std::string term = (c["test"] == "llc" ? "Levin-Lin-Chu: " : "Im-Pesaran-Shin: ") + c["stat"].get<std::string>();
    EXPECT_EQ(cols[k]["name"], c["variable"].get<std::string>() + (c["series"] == "levels" ? ", levels" : ", first differences"));
    expect_rel(row_of(cols[k], term)["estimate"], c["value"], term);
    expect_rel(row_of(cols[k], term)["p_value"], c["p_value"], term + " p");
    EXPECT_TRUE(row_of(cols[k], term)["se"].is_null());
    ++checked;
  }
  EXPECT_EQ(checked, 12u);
  const Table& t = sec.tables.front();
  EXPECT_EQ(t.header, (std::vector<std::string>{"", "gsp, levels", "gsp, first differences", "unemp, levels", "unemp, first differences"}));
  const auto llc = std::find_if(t.rows.begin(), t.rows.end(), [](const auto& row) { return row[0] == "Levin-Lin-Chu: t*"; });
  ASSERT_NE(llc, t.rows.end());
  EXPECT_EQ((*(llc + 1))[1].front(), '(');   // the p-value under the statistic
  EXPECT_NE(t.notes.front().find("under a test statistic, its p-value"), std::string::npos) << t.notes.front();
}

// Regression models alone still make the regression table (FE beside FMOLS and DOLS, say); a step
// with neither models nor estimates is refused naming the table's place and the step.
TEST(EstimatesTableStudy, StepsWithoutEstimatesAreRefused) {
  const cbec::testing::ScratchFolder scratch;
  const auto& dir = scratch.dir();
  std::ofstream(dir / "s.toml") << "[data]\npath = \"" << std::filesystem::absolute(CBEC_TEST_DATA).string() << "/mpdta.csv\"\nunit = \"countyreal\"\ntime = \"year\"\n\n"
                                   "[[analysis]]\ntype = \"describe\"\nid = \"d\"\nvariables = [\"lemp\"]\n\n"
                                   "[[table]]\nsteps = [\"d\"]\n";
  try {
    run_study(read_study((dir / "s.toml").string()), 1);
    ADD_FAILURE() << "no error";
  } catch (const std::exception& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("step 'd' (describe) holds no regression models and offers no estimates"), std::string::npos) << m;
  }
}
