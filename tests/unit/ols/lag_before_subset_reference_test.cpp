// Time operators under a sample restriction read the periods the sample leaves out, as Stata's
// `regress y L.x if ...` and plm's subset= build the lag on every row first
// (tests/reference/panel/lag_before_subset.R, plm; each model checked there against lm on lags built
// by hand): --if, --split-by and a convergence --group; a column changed within the part is read
// on the part's own rows.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <numeric>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/regression_json.hpp"
#include "../analysis_options.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

nlohmann::json fixture() {
  return reference_fixture("panel_lag_before_subset.json");
}

const nlohmann::json& model(const nlohmann::json& fx, const std::string& id) {
  for (const auto& m : fx.at("models"))
    if (m.at("id") == id) return m;
  throw std::runtime_error("no model " + id);
}

Outcome run(const std::string& name, nlohmann::json options, Frame& f, const std::string& unit, const std::string& time) {
  const Analysis& a = find_analysis(name);
  const Options o = cbec::testing::analysis_options(a, options);
  AnalysisContext ctx;
  ctx.unit = unit;
  ctx.time = time;
  return run_analysis(a, f, o, ctx);
}

void expect_model(const RegressionResult& r, const nlohmann::json& m) {
  EXPECT_EQ(r.nobs, m.at("nobs").get<size_t>());
  EXPECT_DOUBLE_EQ(r.df_resid, m.at("df_resid").get<double>());
  ASSERT_EQ(r.terms, m.at("terms").get<std::vector<std::string>>());
  for (size_t j = 0; j < r.terms.size(); ++j) {
    const double b = m.at("coef")[j], se = m.at("se")[j];
    EXPECT_NEAR(r.coef[static_cast<long>(j)], b, 1e-6 * std::fabs(b)) << r.terms[j];
    EXPECT_NEAR(r.se()[static_cast<long>(j)], se, 1e-6 * se) << r.terms[j];
  }
}

Frame empluk() { return read_table(std::string(CBEC_TEST_DATA) + "/empluk.csv"); }

}  // namespace

TEST(LagBeforeSubset, IfKeepsTheLagsOfTheYearsItLeavesOut) {
  const auto fx = fixture();
  const auto& m = model(fx, "empluk_from_1979");
  Frame f = empluk();
  const Outcome out = run("reg", {{"formulas", {m.at("formula")}}, {"vcov", "iid"}, {"subset", m.at("subset")}}, f, "firm", "year");
  const auto models = regression_models_of(out.json);
  ASSERT_EQ(models.size(), 1u);
  expect_model(models[0], m);
  EXPECT_FALSE(models[0].dropped.contains("lag_unavailable")) << "every 1979 row has its 1978 lags";
  EXPECT_EQ(f.nrows(), 1031u) << "the frame is given back whole";
}

TEST(LagBeforeSubset, SplitByGroupsKeepTheLagsOfTheOtherGroups) {
  const auto fx = fixture();
  const auto& m = model(fx, "empluk_from_1979");
  Frame f = empluk();
  std::vector<double> late(f.nrows());
  const auto& year = f.numeric("year");
  for (size_t i = 0; i < late.size(); ++i) late[i] = year[i] >= 1979;
  f.set(Column::numeric("late", late));
  const Outcome out = run("reg", {{"formulas", {m.at("formula")}}, {"vcov", "iid"}, {"split_by", "late"}}, f, "firm", "year");
  const auto& groups = out.json.at("groups");
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[1].at("group"), "1");
  const auto models = regression_models_of(groups[1].at("results"));
  ASSERT_EQ(models.size(), 1u);
  expect_model(models[0], m);
}

TEST(LagBeforeSubset, PanelBetaFromAYearKeepsThatYearsGrowth) {
  const auto fx = fixture();
  const auto& m = model(fx, "beta_from_1975");
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/produc.csv");
  const Outcome out = run("beta_panel", {{"variable", "gsp"}, {"vcov", "iid"}, {"subset", m.at("subset")}}, f, "state", "year");
  const RegressionResult r = regression_from_json(out.json.at("results").at(0));
  expect_model(r, m);
}

TEST(LagBeforeSubset, ConvergenceGroupsKeepTheGrowthAfterARowWithoutAGroup) {
  const auto fx = fixture();
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/produc.csv");
  const auto& blanked = fx.at("blanked");
  Column gap = f.get(blanked.at("column").get<std::string>());
  gap.name = "region_gap";
  const auto units = blanked.at("units").get<std::vector<std::string>>();
  const Column& state = f.get("state");
  const auto& year = f.numeric("year");
  size_t n_blank = 0;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (year[i] == blanked.at("year").get<double>() && std::find(units.begin(), units.end(), state.text(i)) != units.end()) {
      if (gap.is_numeric()) gap.values[i] = NAN;
      else gap.codes[i] = -1;
      ++n_blank;
    }
  ASSERT_EQ(n_blank, 2u);
  f.set(gap);
  ConvergenceSpec s;
  s.variable = "gsp";
  s.unit = "state";
  s.time = "year";
  s.group = "region_gap";
  s.vcov = VcovSpec::parse("iid");
  const std::vector<BetaResult> groups = beta_panel(f, s);
  const auto& want = fx.at("groups");
  ASSERT_EQ(groups.size(), want.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    SCOPED_TRACE(want[g].at("id").get<std::string>());
    EXPECT_EQ("beta_region_" + groups[g].group, want[g].at("id").get<std::string>());
    expect_model(groups[g].model, want[g]);
  }
}

TEST(LagBeforeSubset, AColumnChangedInThePartIsLaggedWithinThePart) {
  auto whole = std::make_shared<Frame>(empluk());
  std::vector<size_t> rows;
  const auto& year = whole->numeric("year");
  for (size_t i = 0; i < whole->nrows(); ++i)
    if (year[i] >= 1979) rows.push_back(i);
  DesignOptions d;
  d.panel_unit = "firm";
  d.panel_time = "year";
  const Frame unchanged = Frame::part_of(whole, rows);
  ASSERT_EQ(unchanged.origin(), whole.get());
  const RegressionResult from_whole = feols(unchanged, "log(emp) ~ l(log(wage), 1)", {}, d);
  Frame changed = Frame::part_of(whole, rows);
  for (double& w : changed.get_mutable("wage").values) w *= 2;   // a change the whole does not have
  const RegressionResult within = feols(changed, "log(emp) ~ l(log(wage), 1)", {}, d);
  const RegressionResult by_take = feols(whole->take(rows), "log(emp) ~ l(log(wage), 1)", {}, d);
  EXPECT_GT(from_whole.nobs, by_take.nobs);
  EXPECT_EQ(within.nobs, by_take.nobs) << "the part's own 1979 has no 1978";
  EXPECT_NEAR(within.coef[1], by_take.coef[1], 1e-10) << "log(2 w) = log 2 + log w moves only the intercept";
  // A part of the part keeps the first whole's rows.
  std::vector<size_t> half(unchanged.nrows() / 2);
  std::iota(half.begin(), half.end(), size_t{0});
  const Frame sub = unchanged.take(half);
  ASSERT_EQ(sub.origin(), whole.get());
  for (size_t i = 0; i < half.size(); ++i) EXPECT_EQ(sub.origin_rows()[i], rows[i]);
}

TEST(LagBeforeSubset, TransformsUnderIfLagOnTheWholeAndInterpolateWithinTheRowsKept) {
  // Stata: `generate lw = L.wage if year >= 1979` reads 1978; `ipolate w year if year >= 1979, generate(iw)`
  // interpolates from the rows kept only: a value missing in 1979, the first year kept, stays missing.
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/empluk.csv");
  const std::vector<double> wage = f.numeric("wage");
  const std::vector<double> year = f.numeric("year");
  const Column firm = f.get("firm");
  auto row_of = [&](const std::string& unit, double y) {
    for (size_t i = 0; i < f.nrows(); ++i)
      if (firm.text(i) == unit && year[i] == y) return i;
    throw std::runtime_error("no row");
  };
  std::vector<double> with_gap = wage;
  with_gap[row_of("1", 1979)] = NAN;
  f.set(Column::numeric("wage_gap", with_gap));
  run("transform", {{"lag", {"wage:1"}}, {"diff", {"wage"}}, {"growth", {"wage"}}, {"interpolate", {"wage_gap"}}, {"subset", "year >= 1979"}}, f, "firm",
      "year");
  const auto &lag = f.numeric("l1_wage"), &diff = f.numeric("d1_wage"), &growth = f.numeric("g_wage"), &filled = f.numeric("i_wage_gap");
  size_t checked = 0;
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (year[i] < 1979) EXPECT_TRUE(std::isnan(lag[i])) << "row " << i << " is outside the subset";
    if (year[i] != 1979) continue;
    for (size_t j = 0; j < f.nrows(); ++j)
      if (firm.text(j) == firm.text(i) && year[j] == 1978) {
        EXPECT_DOUBLE_EQ(lag[i], wage[j]) << "row " << i;
        EXPECT_DOUBLE_EQ(diff[i], wage[i] - wage[j]) << "row " << i;
        EXPECT_DOUBLE_EQ(growth[i], wage[i] / wage[j] - 1) << "row " << i;
        ++checked;
      }
  }
  EXPECT_GT(checked, 100u);
  EXPECT_TRUE(std::isnan(filled[row_of("1", 1979)])) << "1978 is outside the subset: nothing to interpolate from";
}
