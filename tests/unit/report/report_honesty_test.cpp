// What the reports say is true (issue 13, item 8), checked by hand computation: the known truth of a
// binned event-study endpoint, p-values from random draws, and the notes saying what a table
// decomposes or leaves out.
#include <gtest/gtest.h>

#include "cbec/analysis/registry.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/known_truth.hpp"

using namespace cbec;

namespace {

bool has_note(const Table& t, const std::string& text) {
  for (const auto& n : t.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

Outcome run(const std::string& name, const Frame& data, const nlohmann::json& options, const AnalysisContext& ctx) {
  const Analysis& a = find_analysis(name);
  std::vector<RawOption> raw;
  for (const auto& [k, v] : options.items()) raw.push_back({k, v, k, false});
  std::vector<std::string> problems;
  const Options o = validate_options(a.options, raw, name, problems);
  EXPECT_TRUE(problems.empty());
  Frame f = data;
  return run_analysis(a, f, o, ctx);
}

}  // namespace

TEST(ReportHonesty, BinnedEndpointTruthAveragesTheBinnedPeriodsByTreatedObservations) {
  const nlohmann::json truth = {{"att", 3.0}, {"by_rel", {{"0", 1.0}, {"1", 2.0}, {"2", 4.0}, {"3", 8.0}}},
                                {"by_rel_n", {{"0", 10}, {"1", 10}, {"2", 30}, {"3", 10}}}};
  EXPECT_DOUBLE_EQ(*true_effect_binned(truth, 2), (30 * 4.0 + 10 * 8.0) / 40);   // 5, not the endpoint's own 4
  EXPECT_DOUBLE_EQ(*true_effect(truth, 2), 4.0);
  nlohmann::json unweighted = truth;
  unweighted.erase("by_rel_n");
  EXPECT_DOUBLE_EQ(*true_effect_binned(unweighted, 2), 6.0);
  EventPeriod end;
  end.rel = 2;
  end.binned = true;
  const Table t = event_periods_table("e", {end}, truth);
  EXPECT_EQ(t.rows[0].back(), "5.0000");
  EXPECT_EQ(t.rows[0][0], "2 (and later)");
}

TEST(ReportHonesty, PValuesFromDrawsNeverPrintZero) {
  EXPECT_EQ(format_p_from_draws(0.0, 499), "< 0.002");
  EXPECT_EQ(format_p_from_draws(0.3, 499), "0.3000");
  PlaceboResult p;
  p.draws.assign(100, 0.0);
  p.p_two_sided = 0;
  p.p_left = 1;
  const Table t = placebo_table(p);
  EXPECT_EQ(t.rows[3][1], "< 0.009901");
  EXPECT_EQ(t.rows[4][1], "1.0000");
}

TEST(ReportHonesty, BaconSaysWhatItDecomposesAndThresholdThatItHasNoTimeEffects) {
  AnalysisContext ctx;
  ctx.unit = "state";
  ctx.time = "year";
  ctx.first_treat = "first_treat";
  const Frame castle = read_csv(std::string(CBEC_TEST_DATA) + "/castle.csv");
  const Outcome b = run("bacon", castle, {{"y", "l_homicide"}}, ctx);
  EXPECT_TRUE(has_note(b.tables.at(0), "Decomposed: l_homicide ~ did | state + year (no controls, unweighted, balanced panel)"));
  ctx.unit = "firm";
  ctx.first_treat = "";
  const Frame invest = read_csv(std::string(CBEC_TEST_DATA) + "/hansen1999_invest.csv");
  const Outcome th = run("threshold", invest, {{"y", "i"}, {"threshold", "l(d, 1)"}, {"regime", {"l(c, 1)"}}, {"x", {"l(q, 1)"}}, {"draws", 0}}, ctx);
  bool noted = false;
  for (const auto& t : th.tables) noted = noted || has_note(t, "no time effects");
  EXPECT_TRUE(noted);
}
