// Callaway-Sant'Anna against the R package did 2.1.2 (tests/reference/did/callaway_santanna.R) on
// mpdta: group-time ATTs, analytical SEs, the pre-test and the four aggregations, for every
// estimation method, both control groups, both base periods, anticipation and weights. Then the
// multiplier bootstrap (agrees with the analytical SEs, reproducible for any thread count) and a
// simulation where TWFE is biased by dynamic effects and CS recovers the truth.
#include "cbec/estimate/did/callaway_santanna.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/callaway_santanna_tables.hpp"
#include "cbec/report/did_json.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

StaggeredSpec mpdta_spec(const nlohmann::json& args) {
  StaggeredSpec s;
  s.y = "lemp";
  s.unit = "countyreal";
  s.time = "year";
  s.first_treat = "first.treat";
  if (args.contains("xformla")) s.controls = {"lpop"};
  if (args.contains("weightsname")) s.weights = "w";
  return s;
}

CallawaySantAnnaOptions mpdta_options(const nlohmann::json& args) {
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  o.control_group = args["control_group"] == "nevertreated" ? "never" : "notyet";
  o.method = args["est_method"].get<std::string>();
  if (args.contains("base_period")) o.base_period = args["base_period"].get<std::string>();
  if (args.contains("anticipation")) o.anticipation = args["anticipation"].get<int>();
  return o;
}

void expect_rel(double actual, const nlohmann::json& expected, const std::string& what) {
  if (expected.is_null()) {
    EXPECT_TRUE(std::isnan(actual)) << what;
    return;
  }
  const double e = expected.get<double>();
  // 1e-6 relative: R's glm stops at a relative deviance change of 1e-8, cbec iterates further, and
  // the pre-test's inverse covariance amplifies that difference to about 1e-7.
  EXPECT_NEAR(actual, e, 1e-6 * std::max(1.0, std::abs(e)) + 1e-10) << what;
}

void expect_aggregation(const CsAggregation& a, const nlohmann::json& ref, const std::string& name) {
  expect_rel(a.att, ref["att"], name + " att");
  expect_rel(a.se, ref["se"], name + " se");
  if (!ref.contains("effects")) return;
  const auto& eff = ref["effects"];
  ASSERT_EQ(a.effects.size(), eff["key"].size()) << name;
  for (size_t k = 0; k < a.effects.size(); ++k) {
    EXPECT_EQ(a.effects[k].key, eff["key"][k].get<double>()) << name;
    expect_rel(a.effects[k].att, eff["att"][k], name + " effect att " + std::to_string(k));
    expect_rel(a.effects[k].se, eff["se"][k], name + " effect se " + std::to_string(k));
  }
}

}  // namespace

TEST(CallawaySantAnna, MatchesDidPackageOnMpdta) {
  const auto fx = reference_fixture("did_callaway_santanna.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  for (const auto& c : fx["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto r = callaway_santanna(f, mpdta_spec(c["args"]), mpdta_options(c["args"]));
    EXPECT_EQ(r.n_units, c["n"].get<size_t>());
    const auto& gt = c["gt"];
    ASSERT_EQ(r.group_time.size(), gt["att"].size());
    for (size_t k = 0; k < r.group_time.size(); ++k) {
      EXPECT_EQ(r.group_time[k].group, gt["group"][k].get<double>());
      EXPECT_EQ(r.group_time[k].time, gt["time"][k].get<double>());
      expect_rel(r.group_time[k].att, gt["att"][k], "att " + std::to_string(k));
      expect_rel(r.group_time[k].se, gt["se"][k], "se " + std::to_string(k));
    }
    if (c["pretest_W"].is_null()) EXPECT_FALSE(r.pretest.has_value());
    else expect_rel(r.pretest.value().stat, c["pretest_W"], "pretest");
    expect_aggregation(r.simple, c["aggregations"]["simple"], "simple");
    expect_aggregation(r.dynamic, c["aggregations"]["dynamic"], "dynamic");
    expect_aggregation(r.group, c["aggregations"]["group"], "group");
    expect_aggregation(r.calendar, c["aggregations"]["calendar"], "calendar");
  }
}


// The dynamic aggregation in an event-time window and balanced in event time (did 2.2's aggte
// min_e, max_e, balance_e; tests/reference/did/cs_event_window.R).
TEST(CallawaySantAnna, DynamicAggregationWindowAndBalanceMatchDid) {
  const auto fx = reference_fixture("did_cs_event_window.json");
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  for (const auto& c : fx["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    CallawaySantAnnaOptions o = mpdta_options(c["args"]);
    const auto& w = c["window"];
    if (w.contains("min_e")) o.min_e = w["min_e"].get<int>();
    if (w.contains("max_e")) o.max_e = w["max_e"].get<int>();
    if (w.contains("balance_e")) o.balance_e = w["balance_e"].get<int>();
    const CallawaySantAnnaResult r = callaway_santanna(f, mpdta_spec(c["args"]), o);
    expect_rel(r.dynamic.att, c["att"], "dynamic att");
    expect_rel(r.dynamic.se, c["se"], "dynamic se");
    ASSERT_EQ(r.dynamic.effects.size(), c["effects"].size());
    for (size_t k = 0; k < r.dynamic.effects.size(); ++k) {
      const auto& e = c["effects"][k];
      EXPECT_EQ(r.dynamic.effects[k].key, e["key"].get<double>());
      expect_rel(r.dynamic.effects[k].att, e["att"], "effect att " + std::to_string(k));
      // jsonlite leaves out a record's NA (the universal base period's reference, no SE)
      expect_rel(r.dynamic.effects[k].se, e.contains("se") ? e["se"] : nlohmann::json(), "effect se " + std::to_string(k));
    }
  }
}
TEST(CallawaySantAnna, MultiplierBootstrapAgreesWithAnalyticalAndIsReproducible) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  StaggeredSpec s = mpdta_spec({{"xformla", "~lpop"}});
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  const auto analytic = callaway_santanna(f, s, o);
  o.bootstrap = true;
  o.draws = 4000;
  o.threads = 1;
  const auto boot1 = callaway_santanna(f, s, o);
  o.threads = 2;
  const auto boot2 = callaway_santanna(f, s, o);
  for (size_t k = 0; k < analytic.group_time.size(); ++k) {
    EXPECT_EQ(boot1.group_time[k].se, boot2.group_time[k].se);  // same seed, any thread count
    EXPECT_NEAR(boot1.group_time[k].se / analytic.group_time[k].se, 1.0, 0.08) << k;
  }
  EXPECT_NEAR(boot1.simple.se / analytic.simple.se, 1.0, 0.08);
  EXPECT_NEAR(boot1.dynamic.se / analytic.dynamic.se, 1.0, 0.08);
  // Uniform bands are wider than pointwise ones; 12 ATT(g, t) with correlation: between 2 and 3.5.
  EXPECT_GT(boot1.crit_value, 2.0);
  EXPECT_LT(boot1.crit_value, 3.5);
  EXPECT_EQ(boot1.crit_value, boot2.crit_value);
  o.seed = 99;
  EXPECT_NE(callaway_santanna(f, s, o).simple.se, boot1.simple.se);
  // The summary table: each cohort's row right under the group aggregation that averages them,
  // their uniform bands said apart from the aggregations' pointwise intervals.
  const Table t = cs_summary_table(boot1);
  ASSERT_EQ(t.rows.size(), 4u + boot1.group.effects.size());
  EXPECT_EQ(t.rows[2][0].rfind("Group", 0), 0u);
  for (size_t k = 0; k < boot1.group.effects.size(); ++k) EXPECT_EQ(t.rows[3 + k][0].rfind("  cohort", 0), 0u) << k;
  EXPECT_EQ(t.rows.back()[0].rfind("Calendar", 0), 0u);
  EXPECT_TRUE(std::any_of(t.notes.begin(), t.notes.end(), [](const std::string& n) { return n.find("cohort rows' intervals are uniform") != std::string::npos; }));
}

TEST(CallawaySantAnna, ClusteredBootstrapUsesClusters) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  std::vector<double> state(f.nrows());
  const auto& county = f.numeric("countyreal");
  for (size_t i = 0; i < state.size(); ++i) state[i] = std::floor(county[i] / 1000);
  f.set(Column::numeric("state", state));
  CallawaySantAnnaOptions o;
  o.cluster = "state";
  o.draws = 999;
  const auto r = callaway_santanna(f, mpdta_spec({}), o);
  EXPECT_EQ(r.n_clusters, 29u);
  EXPECT_TRUE(std::isfinite(r.simple.se));
  o.cluster = "year";
  EXPECT_THROW(callaway_santanna(f, mpdta_spec({}), o), DataError);  // changes within units
  // Analytical standard errors are by unit, as did::att_gt's (clustervars without the bootstrap),
  // and say so: they were given without a word.
  o.cluster = "state";
  o.bootstrap = false;
  const auto analytic = callaway_santanna(f, mpdta_spec({}), o);
  o.cluster.clear();
  EXPECT_EQ(analytic.simple.se, callaway_santanna(f, mpdta_spec({}), o).simple.se);
  ASSERT_FALSE(analytic.warnings.empty());
  EXPECT_NE(analytic.warnings.back().find("do not account for the clusters of 'state'"), std::string::npos) << analytic.warnings.back();
}

TEST(CallawaySantAnna, RecoversDynamicEffectsWhereTwfeIsBiased) {
  // Effects grow by 0.5 per period since adoption: TWFE's forbidden comparisons bias it downward.
  const Frame f = test::staggered_panel(2000, 1.0, 0.5, 7, 0.5);
  const StaggeredSpec s = test::staggered_spec({});
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  const auto r = callaway_santanna(f, s, o);
  for (const auto& e : r.group_time) {
    const double truth = e.post ? 1.0 + 0.5 * (e.time - e.group) : 0.0;
    EXPECT_NEAR(e.att, truth, 4 * e.se + 1e-9) << e.group << " " << e.time;
  }
  for (const auto& e : r.dynamic.effects) EXPECT_NEAR(e.att, e.key >= 0 ? 1.0 + 0.5 * e.key : 0.0, 4 * e.se);
  // The truth averaged over treated cells (cohort-size weights equal here).
  double truth_sum = 0, cells = 0;
  for (const auto& e : r.group_time)
    if (e.post) truth_sum += 1.0 + 0.5 * (e.time - e.group), ++cells;
  EXPECT_NEAR(r.simple.att, truth_sum / cells, 4 * r.simple.se);
  const double twfe = twfe_did(f, s).coef[0];
  EXPECT_GT(std::abs(twfe - truth_sum / cells), 10 * r.simple.se);
  ASSERT_TRUE(r.pretest.has_value());
  EXPECT_GT(r.pretest->p_value, 0.001);
}

TEST(CallawaySantAnna, NotYetTreatedWithoutNeverTreatedUsesLastCohort) {
  Frame f = test::staggered_panel(500, 1.0, 0.0, 3, 0.5);
  std::vector<double> g = f.numeric("first_treat");
  for (double& v : g)
    if (v == 0) v = 2019;  // the never-treated become a 2019 cohort
  f.set(Column::numeric("first_treat", g));
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  EXPECT_THROW(callaway_santanna(f, test::staggered_spec({}), o), DataError);
  o.control_group = "notyet";
  const auto r = callaway_santanna(f, test::staggered_spec({}), o);
  EXPECT_EQ(r.n_periods, 8u);  // 2011-2018: the 2019 cohort is a comparison group only
  for (const auto& e : r.group_time) EXPECT_LT(e.group, 2019);
  EXPECT_NEAR(r.simple.att, 1.0, 4 * r.simple.se);
}

// No never-treated units, not-yet-treated controls and anticipation 1: the periods from the last
// cohort less one on are dropped and only a cell before treatment is left. The averages over
// post-treatment cells are then not defined (did's aggte stops): NaN and a warning, not an ATT of 0.
TEST(CallawaySantAnna, AggregationsOfPreTreatmentCellsOnlyAreNotDefined) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> z;
  std::vector<double> id, t, g, y;
  for (int i = 0; i < 60; ++i)
    for (int p = 1; p <= 4; ++p) {
      id.push_back(i);
      t.push_back(p);
      g.push_back(i < 30 ? 3 : 4);
      y.push_back(0.1 * p + z(rng));
    }
  Frame f;
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("t", t));
  f.set(Column::numeric("g", g));
  f.set(Column::numeric("y", y));
  StaggeredSpec s;
  s.y = "y";
  s.unit = "id";
  s.time = "t";
  s.first_treat = "g";
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  o.control_group = "notyet";
  o.anticipation = 1;
  const auto r = callaway_santanna(f, s, o);
  ASSERT_FALSE(r.group_time.empty());
  for (const auto& e : r.group_time) EXPECT_LT(e.time, e.group);
  for (const CsAggregation* a : {&r.simple, &r.group, &r.calendar}) {
    EXPECT_TRUE(std::isnan(a->att));
    EXPECT_TRUE(std::isnan(a->se));
  }
  EXPECT_TRUE(std::isnan(r.dynamic.att));
  bool said = false;
  for (const auto& w : r.warnings) said = said || w.find("every estimated ATT(g, t) is before treatment") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(CallawaySantAnna, BadInputIsReported) {
  Frame f = test::staggered_panel(50, 1.0, 0.0, 3);
  CallawaySantAnnaOptions o;
  o.method = "psm";
  EXPECT_THROW(callaway_santanna(f, test::staggered_spec({}), o), SpecError);
  o = {};
  o.control_group = "later";
  EXPECT_THROW(callaway_santanna(f, test::staggered_spec({}), o), SpecError);
  // An unbalanced unit is dropped and counted.
  std::vector<size_t> keep;
  for (size_t i = 1; i < f.nrows(); ++i) keep.push_back(i);
  o = {};
  o.bootstrap = false;
  const auto r = callaway_santanna(f.take(keep), test::staggered_spec({}), o);
  EXPECT_EQ(r.n_units, 49u);
  EXPECT_EQ(r.dropped.at("units not observed in every period"), 1u);
}

TEST(CallawaySantAnna, UnbalancedPanelDropsUnitsAsDidDoes) {
  // did (panel = TRUE) balances the panel by dropping every unit missing a period, with a
  // message; cbec does the same and counts them. Units 1..7 lose 2005 and unit 8's outcome is
  // missing in 2006: 8 units are dropped, and the result equals the one without those units.
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  const auto& id = f.numeric("countyreal");
  const auto& year = f.numeric("year");
  std::set<double> units;
  for (double u : id) units.insert(u);
  const std::vector<double> first(units.begin(), std::next(units.begin(), 8));
  std::vector<size_t> keep_unbalanced, keep_balanced;
  for (size_t i = 0; i < f.nrows(); ++i) {
    const auto k = std::find(first.begin(), first.end(), id[i]) - first.begin();
    if (k < 7 && year[i] == 2005) continue;
    keep_unbalanced.push_back(i);
    if (k == 8) keep_balanced.push_back(i);
  }
  Frame unbalanced = f.take(keep_unbalanced);
  std::vector<double> y = unbalanced.numeric("lemp");
  for (size_t i = 0; i < y.size(); ++i)
    if (unbalanced.numeric("countyreal")[i] == first[7] && unbalanced.numeric("year")[i] == 2006) y[i] = std::nan("");
  unbalanced.set(Column::numeric("lemp", y));
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  const auto r = callaway_santanna(unbalanced, mpdta_spec({}), o);
  EXPECT_EQ(r.dropped.at("units not observed in every period"), 8u);
  EXPECT_EQ(r.n_units, units.size() - 8);
  const auto b = callaway_santanna(f.take(keep_balanced), mpdta_spec({}), o);
  EXPECT_NEAR(r.simple.att, b.simple.att, 1e-12);
  EXPECT_NEAR(r.simple.se, b.simple.se, 1e-12);
}

// Issue 13, item 7: warnings for cells on thin support (fewer than 5 comparison units, a
// single-unit cohort) and for a near-singular pre-test covariance, naming the cells (g, t).
namespace {
bool has_warning(const CallawaySantAnnaResult& r, const std::string& text) {
  return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) { return w.find(text) != std::string::npos; });
}
}  // namespace

TEST(CallawaySantAnna, WarnsWhenCellsRestOnFewUnits) {
  // 7 units: cohorts 2015 (2 units), 2016 (2), 2017 (1), 2018 (1) and one never-treated unit.
  const Frame f = test::staggered_panel(7, 1.0, 0.0, 5);
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  const auto r = callaway_santanna(f, test::staggered_spec({}), o);
  EXPECT_TRUE(has_warning(r, "cohort 2017 has a single unit")) << nlohmann::json(r.warnings).dump(1);
  EXPECT_TRUE(has_warning(r, "cohort 2018 has a single unit"));
  EXPECT_FALSE(has_warning(r, "cohort 2015 has a single unit"));
  EXPECT_TRUE(has_warning(r, "ATT(g, t) rest on fewer than 5 comparison units"));
  EXPECT_TRUE(has_warning(r, "(2015, 2016) 1"));
  EXPECT_TRUE(has_warning(r, "event-time effect e = 0 rests on ATT(g, t) with fewer than 5 comparison units"));
  EXPECT_TRUE(has_warning(r, "event-time effect e = -6 rests on a single treated unit (cohort 2018)"));
  EXPECT_FALSE(has_warning(r, "event-time effect e = 0 rests on a single treated unit"));
  // They reach the JSON output.
  const auto j = to_json(r);
  EXPECT_TRUE(std::any_of(j["warnings"].begin(), j["warnings"].end(), [](const nlohmann::json& w) {
    return w.get<std::string>().find("single unit") != std::string::npos;
  }));
  // Not-yet-treated controls: cohort 2015 against 2016-2018 and the never-treated unit.
  o.control_group = "notyet";
  const auto ny = callaway_santanna(f, test::staggered_spec({}), o);
  const auto cell = std::find_if(ny.group_time.begin(), ny.group_time.end(), [](const GroupTimeEffect& e) { return e.group == 2015 && e.time == 2015; });
  ASSERT_NE(cell, ny.group_time.end());
  EXPECT_EQ(cell->n_comparison, 5u);  // 2016 (2), 2017, 2018 and the never treated: not flagged
  EXPECT_FALSE(has_warning(ny, "(2015, 2015) "));
  // Large cohorts: none of these warnings.
  const auto big = callaway_santanna(test::staggered_panel(200, 1.0, 0.0, 5), test::staggered_spec({}), o);
  EXPECT_FALSE(has_warning(big, "comparison units") || has_warning(big, "single") || has_warning(big, "near-singular"));
}

TEST(CallawaySantAnna, WarnsWhenThePretestCovarianceIsNearSingular) {
  // Six-unit cohorts 2015 and 2016 whose outcomes follow the trend almost exactly (noise 1e-5):
  // their pre-treatment ATT(g, t) in the same year t differ only by that noise, so the pre-test
  // covariance is near-singular; 60 never-treated units with unit noise.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> N(0, 1);
  std::vector<double> id, year, g, y;
  for (int i = 0; i < 72; ++i) {
    const double cohort = i < 6 ? 2015 : i < 12 ? 2016 : 0, a = N(rng), noise = cohort > 0 ? 1e-5 : 1.0;
    for (int t = 2011; t <= 2018; ++t) {
      id.push_back(i);
      year.push_back(t);
      g.push_back(cohort);
      y.push_back(a + 0.1 * (t - 2011) + (cohort > 0 && t >= cohort ? 1.0 : 0.0) + noise * N(rng));
    }
  }
  Frame f;
  f.set(Column::numeric("id", id));
  f.set(Column::numeric("year", year));
  f.set(Column::numeric("first_treat", g));
  f.set(Column::numeric("y", y));
  CallawaySantAnnaOptions o;
  o.bootstrap = false;
  const auto r = callaway_santanna(f, test::staggered_spec({}), o);
  EXPECT_TRUE(has_warning(r, "the pre-test's covariance is near-singular")) << nlohmann::json(r.warnings).dump(1);
  // The weakest direction pairs the two cohorts' cells of the same years.
  EXPECT_TRUE(has_warning(r, "weakest direction: (2015, 20") && has_warning(r, ", (2016, 20")) << nlohmann::json(r.warnings).dump(1);
  EXPECT_TRUE(r.pretest.has_value());
}
