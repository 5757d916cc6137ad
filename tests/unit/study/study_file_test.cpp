#include "cbec/study/study_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cbec/core/error.hpp"
#include "cbec/study/run_study.hpp"
#include "cbec/study/simulate.hpp"
#include "cbec/study/step_cache.hpp"
#include "cbec/io/checksum.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

namespace {
std::string study(const std::string& name) { return std::string(CBEC_TEST_DATA) + "/studies/" + name; }
std::string error_of(const std::string& name) {
  try {
    StudySpec s = read_study(study(name));
    run_study(s, 1);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST(StudyFile, EveryProblemIsReportedTogetherWithItsPlace) {
  const std::string m = error_of("bad_keys.toml");
  EXPECT_NE(m.find("7 problems"), std::string::npos) << m;
  EXPECT_NE(m.find("line 2, column 9: unknown key 'titel' in [study]"), std::string::npos) << m;
  EXPECT_NE(m.find("'window' must be two whole numbers"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown analysis 'regression'"), std::string::npos) << m;
  EXPECT_NE(m.find("'y' must be text in quotes"), std::string::npos) << m;
  EXPECT_NE(m.find("'draws' must be at least 1"), std::string::npos) << m;
  EXPECT_NE(m.find("'event' needs first_treat"), std::string::npos) << m;
}

TEST(StudyFile, RenamedAnalysesAreNamedWithTheirNewName) {
  const std::string m = error_of("renamed.toml");
  EXPECT_NE(m.find("line 9, column 8: the analysis 'event_study' is now called 'event'"), std::string::npos) << m;
  EXPECT_NE(m.find("'cs' takes no option 'method'"), std::string::npos) << m;
}

TEST(StudyFile, MissingDataFileKeysAndColumnsAreNamed) {
  std::string m = error_of("missing_data.toml");
  EXPECT_NE(m.find("does not exist"), std::string::npos) << m;
  EXPECT_NE(m.find("[data] needs 'time'"), std::string::npos) << m;
  m = error_of("missing_column.toml");
  EXPECT_NE(m.find("no column 'ln_exports'"), std::string::npos) << m;
  m = error_of("syntax.toml");
  EXPECT_NE(m.find("syntax.toml line 4"), std::string::npos) << m;
}

TEST(StudyFile, FormulaControlAndClusterVariablesAreCheckedBeforeAnythingRuns) {
  const std::string m = error_of("misspelt_formula.toml");
  EXPECT_NE(m.find("4 problems"), std::string::npos) << m;
  EXPECT_NE(m.find("no column 'yy'"), std::string::npos) << m;
  EXPECT_NE(m.find("no column 'provnce'"), std::string::npos) << m;
  EXPECT_NE(m.find("no column 'xx'"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown vcov 'clustr:id'"), std::string::npos) << m;
  EXPECT_EQ(m.find("no column 'year'"), std::string::npos) << m;   // i(year, ref = 2015): 2015 is a level
}

TEST(StudyRun, FirstTreatMadeByATreatStepIsUsedByTheStepsAfterIt) {
  StudySpec s = read_study(study("treat_then_twfe.toml"));
  const StudyReport r = run_study(s, 1);
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_TRUE(r.sections[1].results.contains("coef")) << r.sections[1].results.dump().substr(0, 300);
}

TEST(StudyRun, WritesEveryTableFormatJsonAndASelfContainedPage) {
  StudySpec s = read_study(study("good.toml"));
  StudyReport rep = run_study(s, 1);
  ASSERT_EQ(rep.sections.size(), 5u);
  const cbec::testing::ScratchFolder scratch;
  const auto dir = scratch.dir() / "report";
  write_report(rep, dir.string());
  for (const char* f : {"index.html", "results.json", "tables.xlsx", "tables/02_reg.md", "tables/02_reg.tex", "tables/02_reg.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  // Run again with fewer steps into the same folder: the tables of the step no longer there are
  // gone (they stayed, unlisted, beside the new ones); a file of the user's own is kept.
  ASSERT_TRUE(std::filesystem::exists(dir / ("tables/05_" + rep.sections[4].type + ".md")));
  std::ofstream(dir / "tables" / "my_notes.txt") << "mine\n";
  StudyReport fewer = rep;
  fewer.sections.resize(2);
  write_report(fewer, dir.string());
  EXPECT_TRUE(std::filesystem::exists(dir / "tables/02_reg.md"));
  EXPECT_FALSE(std::filesystem::exists(dir / ("tables/05_" + rep.sections[4].type + ".md")));
  EXPECT_TRUE(std::filesystem::exists(dir / "tables/my_notes.txt"));
  write_report(rep, dir.string());
  std::ifstream html(dir / "index.html");
  std::string page((std::istreambuf_iterator<char>(html)), {});
  EXPECT_NE(page.find("Small study 小样本"), std::string::npos);
  EXPECT_EQ(page.find("http"), std::string::npos);  // nothing loaded from the network
  EXPECT_NE(page.find("sha256"), std::string::npos);
  std::ifstream js(dir / "results.json");
  auto j = nlohmann::json::parse(js);
  EXPECT_EQ(j["analyses"][2]["type"], "event");
  EXPECT_EQ(j["provenance"]["seed"], 7);
  // The placebo draws are reproducible from the recorded seed.
  StudyReport again = run_study(s, 2);
  EXPECT_EQ(again.sections[3].results["draws"], rep.sections[3].results["draws"]);
}

TEST(Simulate, TruthMatchesTheGeneratedEffects) {
  Frame units = parse_csv("unit,first_treat\n1,2015\n2,2018\n3,0\n4,2025\n", "u.csv");
  SimulationSpec sp;
  sp.cohort_gradient = 0.5;
  Frame p = simulate_panel(units, sp);
  EXPECT_EQ(p.nrows(), 40u);
  auto truth = true_effects(p, sp);
  // rel 0: cohorts 2015 and 2018; effect 0.1 (1 + 0.5 (2018 - G)).
  EXPECT_NEAR(truth["by_rel"]["0"].get<double>(), (0.1 * 2.5 + 0.1 * 1.0) / 2, 1e-12);
  EXPECT_NEAR(truth["by_rel"]["5"].get<double>(), (0.1 + 0.05 * 5) * 2.5, 1e-12);
  // Same seed, same data.
  EXPECT_EQ(simulate_panel(units, sp).numeric("y"), p.numeric("y"));
}

TEST(StudyRun, ConvergenceStepsWithoutTreatment) {
  StudySpec s = read_study(study("convergence.toml"));
  StudyReport rep = run_study(s, 1);
  ASSERT_EQ(rep.sections.size(), 2u);
  EXPECT_EQ(rep.sections[0].tables[0].rows.size(), 20u);  // one row per year
  EXPECT_TRUE(rep.sections[1].results["results"][0].contains("convergence"));
}

TEST(StudyRun, SpatialStepsUseTheEditedContiguityOfThePolygons) {
  StudySpec s = read_study(study("spatial.toml"));
  StudyReport rep = run_study(s, 1);
  ASSERT_EQ(rep.sections.size(), 5u);
  // The same Moran's I as the library on the same weights: queen contiguity, the two water-only
  // links removed, row-standardized.
  SpatialWeights w = contiguity_weights(read_polygons(std::string(CBEC_TEST_DATA) + "/zhejiang_polygons.csv", "city"), true);
  apply_edits(w, read_link_edits(std::string(CBEC_TEST_DATA) + "/zhejiang_water_edits.csv"));
  w = row_standardize(w);
  const Frame f = read_csv(study("zhejiang_panel.csv"));
  std::map<std::string, double> x2020;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (f.numeric("year")[i] == 2020) x2020[f.get("city").text(i)] = f.numeric("x")[i];
  std::vector<double> v;
  for (const auto& id : w.ids) v.push_back(x2020.at(id));
  const double I = moran(v, w).I;
  const auto& years = rep.sections[1].results["results"];
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[1]["period"], "2020");
  EXPECT_NEAR(years[1]["I"].get<double>(), I, 1e-12);
  // Zhoushan touches no other city: reported as an island.
  bool island = false;
  for (const auto& n : rep.sections[1].tables[0].notes) island = island || n.find("Zhoushan") != std::string::npos;
  EXPECT_TRUE(island);
  // Maps carry the 11 polygons and say the boundaries are approximate; the entropy index made by
  // the first step is mapped by the last.
  for (size_t k : {2u, 3u, 4u}) {
    ASSERT_EQ(rep.sections[k].figures.size(), 1u);
    const auto& spec = rep.sections[k].figures[0].spec;
    EXPECT_EQ(spec["data"]["values"].size(), 11u);
    EXPECT_NE(spec["title"]["subtitle"].get<std::string>().find("approximate"), std::string::npos);
  }
  EXPECT_EQ(rep.sections[4].results["ids"].size(), 11u);
}

TEST(StudyFile, SpatialProblemsAreNamed) {
  std::string m = error_of("spatial_missing.toml");
  EXPECT_NE(m.find("'lisa' needs a [spatial] section"), std::string::npos) << m;
  m = error_of("spatial_bad.toml");
  EXPECT_NE(m.find("transform must be B, R or S, not 'W'"), std::string::npos) << m;
  EXPECT_NE(m.find("[spatial] 'weights' is now called 'contiguity' (queen or rook)"), std::string::npos) << m;
}

TEST(StudyRun, UnitsWithoutPolygonsAreListed) {
  StudySpec s = read_study(study("spatial.toml"));
  s.spatial->id = "city_cn";   // Chinese names: the data's English names do not match
  try {
    run_study(s, 1);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("have no polygon"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Hangzhou"), std::string::npos) << e.what();
  }
}

TEST(StudyRun, StepsAreCachedByContentAndAnEditedStepIsRedone) {
  const cbec::testing::ScratchFolder scratch;
  const std::string folder = scratch.path("step_cache");
  StudySpec s = read_study(study("spatial.toml"));
  const StudyReport first = run_study(s, 1, folder);
  EXPECT_EQ(first.reused, 0u);
  const StudyReport second = run_study(s, 2, folder);
  EXPECT_EQ(second.reused, 4u);   // every step but the entropy index, which is always recomputed
  for (size_t k = 0; k < first.sections.size(); ++k) {
    EXPECT_EQ(second.sections[k].results.dump(), first.sections[k].results.dump()) << k;
    EXPECT_EQ(second.sections[k].tables[0].rows, first.sections[k].tables[0].rows) << k;
  }
  nlohmann::json edited = s.analyses[1].options.json();
  edited["permutations"] = 49;   // edit the Moran step only
  s.analyses[1].options = Options(edited);
  const StudyReport third = run_study(s, 1, folder);
  EXPECT_EQ(third.reused, 3u);
  EXPECT_EQ(third.sections[1].results["results"][0]["permutations"].get<size_t>(), 49u);
}

// The cache key and the report's provenance carry the SHA-256 of the code that ran (here the test
// program, the library being linked into it): a development build keeps its version number, and
// results cached by an older build (a sigma table's old header, say) must not be reused.
TEST(StudyRun, ProvenanceAndCacheKeysNameTheCodeThatRan) {
  const std::string code = code_identity();
  ASSERT_EQ(code.size(), 64u);
  EXPECT_EQ(code, sha256_file("/proc/self/exe"));
  const StudyReport rep = run_study(read_study(study("spatial.toml")), 1);
  EXPECT_EQ(rep.provenance["code"].get<std::string>(), code);
}

TEST(StudyRun, JoinsAddColumnsByKeysAndCountUnmatchedRows) {
  StudySpec s = read_study(study("join.toml"));
  ASSERT_EQ(s.joins.size(), 2u);
  const StudyReport rep = run_study(s, 1);
  const auto& summary = rep.sections[0].results["summary"];
  EXPECT_EQ(summary[0]["variable"], "z");
  EXPECT_EQ(summary[0]["n"].get<size_t>(), 20u);   // Lishui has no row in zhejiang_extra.csv
  EXPECT_EQ(summary[1]["n"].get<size_t>(), 22u);
  bool noted = false;
  for (const auto& n : rep.data_summary.notes) noted = noted || n.find("2 rows have no match") != std::string::npos;
  EXPECT_TRUE(noted);
  EXPECT_NE(error_of("join_dup.toml").find("zhejiang_dup.csv line 4: the key (city) repeats line 2"), std::string::npos) << error_of("join_dup.toml");
}

TEST(StudyRun, ProvincesExampleJoinsDissolvesAndMapsRealData) {
  StudySpec s = read_study(std::string(CBEC_EXAMPLES) + "/provinces/study.toml");
  const StudyReport rep = run_study(s, 2);
  ASSERT_EQ(rep.sections.size(), 9u);
  bool joined = false;
  for (const auto& row : rep.data_summary.rows) joined = joined || (row[0] == "Joined china_provinces.csv" && row[1].find("279 of 279 rows matched") != std::string::npos);
  EXPECT_TRUE(joined);
  const auto& moran_2019 = rep.sections[3].results["results"].back();
  EXPECT_EQ(moran_2019["period"], "2019");
  EXPECT_NEAR(moran_2019["EI"].get<double>(), -1.0 / 29, 1e-12);   // 31 provinces, Hainan an island: n = 30 (spdep's adjust.n)
  EXPECT_GT(moran_2019["I"].get<double>(), 0.2);                   // innovation clusters in the east
  bool island = false;
  for (const auto& n : rep.sections[3].tables[0].notes) island = island || n.find("海南省") != std::string::npos;
  EXPECT_TRUE(island);
  EXPECT_EQ(rep.sections[2].figures[0].spec["data"]["values"].size(), 31u);
}

TEST(StudyRun, TransformStepAddsColumnsForLaterSteps) {
  const StudyReport rep = run_study(read_study(study("transform.toml")), 1);
  ASSERT_EQ(rep.sections.size(), 2u);
  std::map<std::string, size_t> computed, n;
  for (const auto& r : rep.sections[0].results["transforms"]) computed[r["column"].get<std::string>()] = r["computed"].get<size_t>();
  for (const auto& r : rep.sections[1].results["summary"]) n[r["variable"].get<std::string>()] = r["n"].get<size_t>();
  EXPECT_EQ(computed["l1_x"], 11u);   // 2020 has a lag, 2019 does not
  EXPECT_EQ(computed["w_y"], 22u);
  EXPECT_EQ(n["l1_x"], 11u);
  EXPECT_EQ(n["log_x"], 22u);
  const std::string m = error_of("transform_bad.toml");
  EXPECT_NE(m.find("no column 'xx'"), std::string::npos) << m;
}

TEST(StudyFile, MissingColumnsAreReportedWithTheOtherProblems) {
  const cbec::testing::ScratchFolder scratch;
  const auto& dir = scratch.dir();
  std::ofstream(dir / "d.csv") << "id,year,y,x\n1,2001,1,2\n1,2002,2,3\n";
  std::ofstream(dir / "s.toml") << "[data]\npath = \"d.csv\"\nunit = \"id\"\ntime = \"year\"\n\n"
                                   "[[analysis]]\ntype = \"describe\"\nvariables = [\"ghost\"]\n\n"
                                   "[[analysis]]\ntype = \"placebo_typo\"\n";
  try {
    read_study((dir / "s.toml").string());
    FAIL();
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("2 problems"), std::string::npos) << m;
    EXPECT_NE(m.find("placebo_typo"), std::string::npos) << m;
    EXPECT_NE(m.find("no column 'ghost'"), std::string::npos) << m;
  }
}

TEST(StudyFile, TableMergesStepsWithLabelsAndSubsets) {
  StudyReport r = run_study(read_study(study("stepwise.toml")), 1);
  ASSERT_EQ(r.sections.size(), 5u);
  const Table& t = r.sections.back().tables.front();
  EXPECT_EQ(r.sections.back().type, "table");
  EXPECT_EQ(t.title, "Stepwise");
  EXPECT_EQ(t.header, (std::vector<std::string>{"", "(1)", "(2)", "(3)", "(4)"}));
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"", "OLS", "OLS", "Year FE", "Within"}));
  EXPECT_EQ(t.rows[1][1], "产出");
  EXPECT_EQ(t.rows[2][0], "Investment");
  EXPECT_TRUE(std::any_of(t.rows.begin(), t.rows.end(), [](const auto& row) {
    return row == std::vector<std::string>{"Controls", "No", "Yes", "Yes", "Yes"};
  }));
  EXPECT_EQ(r.sections[2].results.at("subset").at("expression"), "region != 'H'");
  EXPECT_EQ(r.sections[3].results.at("groups").size(), 8u);
}

TEST(StudyFile, TableAndSubsetProblemsAreReportedWithTheirPlace) {
  const std::string m = error_of("table_bad.toml");
  EXPECT_NE(m.find("[labels] y must be a text"), std::string::npos) << m;
  EXPECT_NE(m.find("the id 'm1' is used by an earlier [[analysis]]"), std::string::npos) << m;
  EXPECT_NE(m.find("[[table]] step 'm9' is no [[analysis]] id"), std::string::npos) << m;
  EXPECT_NE(m.find("'coefstat' cannot be 'sd'"), std::string::npos) << m;
  EXPECT_NE(m.find("no column 'regoin'"), std::string::npos) << m;
}
