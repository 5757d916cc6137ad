// Convergence outputs beside the estimates against base R (tests/reference/convergence/
// convergence_outputs.R): population and sample SD, the trend regressions' intercepts, and the
// delta-method SEs of the speed of convergence and the half-life (checked against a numerical
// gradient in R).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/convergence_json.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
void expect_rel(double a, double b, const std::string& what) { EXPECT_NEAR(a, b, 1e-6 * std::fabs(b)) << what << ": " << a << " vs " << b; }

nlohmann::json fixture() {
  return reference_fixture("convergence_outputs.json");
}

ConvergenceSpec spec() {
  ConvergenceSpec s;
  s.variable = "inv";
  s.unit = "firm";
  s.time = "year";
  return s;
}
}  // namespace

// The CV is of the levels, so rescaling y (yuan to 10,000 yuan, say) changes neither it nor the SD
// of the logs; a CV of the logs changed with the units and gave a spurious downward trend.
TEST(ConvergenceOutputs, SigmaCvIsScaleFree) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  std::vector<double> scaled = f.numeric("inv");
  for (double& v : scaled) v /= 1.5;
  f.set(Column::numeric("inv_scaled", scaled));
  ConvergenceSpec other = spec();
  other.variable = "inv_scaled";
  const SigmaResult a = sigma_convergence(f, spec()).at(0), b = sigma_convergence(f, other).at(0);
  for (size_t k = 0; k < a.rows.size(); ++k) {
    expect_rel(b.rows[k].cv, a.rows[k].cv, "CV");
    expect_rel(b.rows[k].sd, a.rows[k].sd, "SD of logs");
  }
  expect_rel(b.cv_trend.slope, a.cv_trend.slope, "CV trend");
}

TEST(ConvergenceOutputs, SigmaPopulationSdAndTrendIntercepts) {
  const auto fx = fixture()["sigma"];
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  const SigmaResult sg = sigma_convergence(f, spec()).at(0);
  ASSERT_EQ(sg.rows.size(), fx["sd_population"].size());
  for (size_t k = 0; k < sg.rows.size(); ++k) {
    expect_rel(sg.rows[k].sd, fx["sd_sample"][k].get<double>(), "sample SD");
    expect_rel(sg.rows[k].sd_population, fx["sd_population"][k].get<double>(), "population SD");
    expect_rel(sg.rows[k].cv_population, fx["cv_population"][k].get<double>(), "population CV");
  }
  for (const char* key : {"sd_trend", "cv_trend"}) {
    const Trend& t = std::string(key) == "sd_trend" ? sg.sd_trend : sg.cv_trend;
    expect_rel(t.intercept, fx[key]["intercept"].get<double>(), std::string(key) + " intercept");
    expect_rel(t.intercept_se, fx[key]["intercept_se"].get<double>(), std::string(key) + " intercept SE");
    expect_rel(t.intercept_p, fx[key]["intercept_p"].get<double>(), std::string(key) + " intercept p");
    expect_rel(t.slope, fx[key]["slope"].get<double>(), std::string(key) + " slope");
  }
  const nlohmann::json j = to_json(sg);
  EXPECT_TRUE(j["by_year"][0].contains("sd_population") && j["sd_trend"].contains("intercept_se"));
}

TEST(ConvergenceOutputs, DeltaMethodSpeedAndHalfLife) {
  const auto fx = fixture();
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  const BetaResult cs = beta_cross_section(f, spec()).at(0);
  expect_rel(cs.beta_se, fx["beta_cs"]["beta_se"].get<double>(), "cross-section beta SE");
  expect_rel(cs.speed_se, fx["beta_cs"]["speed_se"].get<double>(), "cross-section speed SE");
  EXPECT_TRUE(std::isnan(cs.half_life) && std::isnan(cs.half_life_se)) << "divergence (speed < 0): no half-life";
  ConvergenceSpec s = spec();
  s.vcov = VcovSpec::parse("iid");
  const BetaResult pb = beta_panel(f, s).at(0);
  for (const char* key : {"beta", "beta_se", "speed", "speed_se", "half_life", "half_life_se"}) {
    const double v = std::string(key) == "beta"       ? pb.beta
                     : std::string(key) == "beta_se"  ? pb.beta_se
                     : std::string(key) == "speed"    ? pb.speed
                     : std::string(key) == "speed_se" ? pb.speed_se
                     : std::string(key) == "half_life" ? pb.half_life
                                                       : pb.half_life_se;
    expect_rel(v, fx["beta_panel"][key].get<double>(), std::string("panel ") + key);
  }
  const nlohmann::json j = to_json(pb);
  EXPECT_TRUE(j["convergence"].contains("speed_se") && j["convergence"].contains("half_life_se"));
}

TEST(ConvergenceOutputs, SigmaOfTwoWavesIsTheChangeWithoutATest) {
  const Frame all = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  std::vector<size_t> rows;
  const auto& year = all.numeric("year");
  for (size_t i = 0; i < all.nrows(); ++i)
    if (year[i] == 1935 || year[i] == 1954) rows.push_back(i);
  const SigmaResult sg = sigma_convergence(all.take(rows), spec()).at(0);
  ASSERT_EQ(sg.rows.size(), 2u);
  EXPECT_NEAR(sg.sd_trend.slope, (sg.rows[1].sd - sg.rows[0].sd) / 19, 1e-12);
  EXPECT_TRUE(std::isnan(sg.sd_trend.slope_p));
  std::vector<size_t> one;
  for (size_t i = 0; i < all.nrows(); ++i)
    if (year[i] == 1935) one.push_back(i);
  EXPECT_THROW(sigma_convergence(all.take(one), spec()), DataError);
}

TEST(ConvergenceOutputs, PanelBetaFixedEffectsUnitTimeOrTwoWay) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  const std::string term = "l(log(inv), 1)";
  auto beta = [&](const std::string& fe) {
    ConvergenceSpec s = spec();
    s.fe = fe;
    const RegressionResult m = beta_panel(f, s).at(0).model;
    for (size_t j = 0; j < m.terms.size(); ++j)
      if (m.terms[j] == term) return m.coef[static_cast<Eigen::Index>(j)];
    return std::numeric_limits<double>::quiet_NaN();
  };
  auto direct = [&](const std::string& absorb) {
    DesignOptions d;
    d.panel_unit = "firm";
    d.panel_time = "year";
    const RegressionResult m = feols(f, "d(log(inv)) ~ l(log(inv), 1) | " + absorb, {}, d);
    return m.coef[0];
  };
  EXPECT_NEAR(beta("unit"), direct("firm"), 1e-12);
  EXPECT_NEAR(beta("time"), direct("year"), 1e-12);
  EXPECT_NEAR(beta("twoway"), direct("firm + year"), 1e-12);
  EXPECT_GT(std::fabs(beta("unit") - beta("time")), 1e-3);
  ConvergenceSpec bad = spec();
  bad.fe = "county";
  EXPECT_THROW(beta_panel(f, bad), SpecError);
}

TEST(ConvergenceOutputs, CrossSectionBetaSaysWhichEndLacksValues) {
  const Frame g = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  // inv missing in the first year for every firm: no unit has a growth rate
  std::vector<double> inv = g.numeric("inv");
  for (size_t i = 0; i < g.nrows(); ++i)
    if (g.numeric("year")[i] == 1935) inv[i] = NAN;
  Frame f = g;
  f.set(Column::numeric("inv", inv));
  try {
    beta_cross_section(f, spec());
    ADD_FAILURE() << "no unit has a value in 1935";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("10 of 10 units have no positive value in 1935"), std::string::npos) << e.what();
  }
  // one firm without its last year: left out, and said
  inv = g.numeric("inv");
  for (size_t i = 0; i < g.nrows(); ++i)
    if (g.numeric("year")[i] == 1954 && g.numeric("firm")[i] == 3) inv[i] = NAN;
  f.set(Column::numeric("inv", inv));
  const BetaResult b = beta_cross_section(f, spec()).at(0);
  EXPECT_EQ(b.model.nobs, 9u);
  ASSERT_FALSE(b.model.warnings.empty());
  EXPECT_NE(b.model.warnings.back().find("1 in 1954; those units are left out"), std::string::npos) << b.model.warnings.back();
}

TEST(ConvergenceOutputs, AYearWithOneUnitIsLeftOutOfTheTrendsAsLmDoes) {
  // tests/reference/convergence/sigma_single_unit_year.R: 2015 has one unit, so no SD; R's lm of
  // the SDs on the years leaves its NA out (the trend was all missing before).
  const auto fx = reference_fixture("convergence_sigma_single_year.json");
  ConvergenceSpec s;
  s.variable = "x";
  s.unit = "unit";
  s.time = "year";
  s.logs = false;  // the reference's SDs are of the levels
  const SigmaResult sg = sigma_convergence(read_csv(std::string(CBEC_TEST_DATA) + "/sigma_single_year.csv"), s).at(0);
  EXPECT_EQ(sg.rows.size(), 8u);
  EXPECT_EQ(sg.years_without_sd, (std::vector<int64_t>{fx["left_out"].get<int64_t>()}));
  for (const auto& [trend, key] : {std::pair{&sg.sd_trend, "sd_trend"}, {&sg.cv_trend, "cv_trend"}}) {
    const auto& r = fx[key];
    expect_rel(trend->slope, r["slope"], std::string(key) + " slope");
    expect_rel(trend->slope_se, r["se"], std::string(key) + " slope SE");
    expect_rel(trend->slope_p, r["p_value"], std::string(key) + " p");
    expect_rel(trend->intercept, r["intercept"], std::string(key) + " intercept");
    expect_rel(trend->intercept_se, r["intercept_se"], std::string(key) + " intercept SE");
  }
}

TEST(ConvergenceOutputs, SigmaCountsTheRowsLeftOutAsMissing) {
  const Frame f = parse_csv("unit,year,x\n1,2000,1\n2,2000,2\n3,2000,\n1,2001,2\n2,2001,4\n3,2001,5\n1,2002,3\n2,2002,NA\n3,2002,9\n", "m.csv");
  ConvergenceSpec s;
  s.variable = "x";
  s.unit = "unit";
  s.time = "year";
  const SigmaResult sg = sigma_convergence(f, s).at(0);
  EXPECT_EQ(sg.missing, 2u);
  EXPECT_EQ(to_json(sg)["dropped"]["missing"], 2);
}

// Each year's SD is over the units observed that year: a set that changes is warned, naming the units
// (the trend of the SD then mixes convergence with the change of sample).
TEST(ConvergenceOutputs, SigmaWarnsWhenTheUnitsDifferAcrossYears) {
  ConvergenceSpec s;
  s.variable = "x";
  s.unit = "unit";
  s.time = "year";
  const Frame balanced = parse_csv("unit,year,x\na,2000,1\nb,2000,2\nc,2000,4\na,2001,2\nb,2001,4\nc,2001,5\na,2002,3\nb,2002,6\nc,2002,9\n", "b.csv");
  EXPECT_TRUE(sigma_convergence(balanced, s).at(0).warnings.empty());
  const Frame changing = parse_csv("unit,year,x\na,2000,1\nb,2000,2\nc,2000,4\na,2001,2\nb,2001,4\na,2002,3\nb,2002,6\nd,2002,9\n", "c.csv");
  const SigmaResult sg = sigma_convergence(changing, s).at(0);
  ASSERT_EQ(sg.warnings.size(), 1u);
  EXPECT_NE(sg.warnings[0].find("2 of 4 units are not observed in every year (c, d)"), std::string::npos) << sg.warnings[0];
  EXPECT_EQ(to_json(sg)["warnings"].size(), 1u);
}

// Rows without a group value are in no group: counted and said (they were left out without a word).
TEST(ConvergenceOutputs, RowsWithoutAGroupAreCounted) {
  ConvergenceSpec s;
  s.variable = "x";
  s.unit = "unit";
  s.time = "year";
  s.group = "g";
  const Frame f = parse_csv("unit,year,x,g\na,2000,1,E\nb,2000,2,E\nc,2000,4,\nd,2000,3,W\na,2001,2,E\nb,2001,4,E\nc,2001,5,W\nd,2001,4,W\n"
                            "a,2002,3,E\nb,2002,6,E\nc,2002,9,W\nd,2002,5,W\n", "g.csv");
  const auto r = sigma_convergence(f, s);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].missing_group, 1u);
  EXPECT_EQ(to_json(r[0])["dropped"]["missing_group"], 1);
  // the cross-section places a unit by its first group value: c is in W
  ConvergenceSpec b = s;
  const auto betas = beta_cross_section(parse_csv("unit,year,x,g\na,2000,1,E\nb,2000,2,E\nh,2000,3,E\nk,2000,7,E\nc,2000,4,\nd,2000,3,W\ne,2000,5,W\nf,2000,2,W\n"
                                                  "a,2001,2,E\nb,2001,5,E\nh,2001,4,E\nk,2001,8,E\nc,2001,5,W\nd,2001,4,W\ne,2001,7,W\nf,2001,3,W\n", "h.csv"),
                                        b);
  ASSERT_EQ(betas.size(), 2u);
  EXPECT_EQ(betas[1].model.nobs, 4u);   // W: c, d, e, f
}

// The speed is per unit of the time column: "year" for calendar years (one apart in the panel form),
// else "period" (a panel renumbered 1, 2, 3 for periods several years apart).
TEST(ConvergenceOutputs, SpeedIsPerPeriodUnlessTheTimeColumnHoldsYears) {
  const Frame g = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  EXPECT_EQ(beta_cross_section(g, spec()).at(0).period_name, "year");
  std::vector<double> period = g.numeric("year");
  for (double& t : period) t -= 1934;
  Frame f = g;
  f.set(Column::numeric("year", period));
  const BetaResult b = beta_cross_section(f, spec()).at(0);
  EXPECT_EQ(b.period_name, "period");
  EXPECT_EQ(to_json(b)["convergence"]["period"], "period");
  // Five-yearly calendar years: the cross-section's T = 1950 - 1935 is in years, so its speed is per
  // year.
  std::vector<size_t> five;
  for (size_t i = 0; i < g.nrows(); ++i)
    if (static_cast<long>(g.numeric("year")[i]) % 5 == 0) five.push_back(i);
  const Frame fy = g.take(five);
  const BetaResult c = beta_cross_section(fy, spec()).at(0);
  EXPECT_EQ(c.T, 15.0);
  EXPECT_EQ(c.period_name, "year");
  // The panel form looks one year back (calendar lags): refused with what to do, not "all rows dropped".
  try {
    beta_panel(fy, spec());
    FAIL() << "expected an error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("are 5 apart (1935, 1940, ...)"), std::string::npos) << e.what();
  }
  std::vector<double> number = fy.numeric("year");
  for (double& t : number) t = (t - 1930) / 5;
  Frame renumbered = fy;
  renumbered.set(Column::numeric("year", number));
  EXPECT_EQ(beta_panel(renumbered, spec()).at(0).period_name, "period");
}
