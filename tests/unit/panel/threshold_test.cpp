#include "cbec/estimate/panel/threshold.hpp"

#include <Eigen/QR>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

// Hansen's (1999) model: investment on lagged Q, Q^2, Q^3, debt, Q x debt, and lagged cash flow
// whose slope changes with lagged debt. Lags are built here and through the formula's l().
Frame hansen_data() {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/hansen1999_invest.csv");
  const auto& firm = f.numeric("firm");
  const auto& q = f.numeric("q");
  const auto& d = f.numeric("d");
  std::vector<double> q1(q.size()), q2(q.size()), q3(q.size()), d1(q.size()), qd(q.size());
  for (size_t i = 0; i < q.size(); ++i) {
    const bool first = i == 0 || firm[i - 1] != firm[i];
    q1[i] = first ? NAN : q[i - 1];
    d1[i] = first ? NAN : d[i - 1];
    q2[i] = q1[i] * q1[i];
    q3[i] = q2[i] * q1[i];
    qd[i] = q1[i] * d1[i];
  }
  f.set(Column::numeric("q1", q1));
  f.set(Column::numeric("q2", q2));
  f.set(Column::numeric("q3", q3));
  f.set(Column::numeric("d1", d1));
  f.set(Column::numeric("qd", qd));
  return f;
}

ThresholdSpec hansen_spec() {
  ThresholdSpec s;
  s.y = "i";
  s.unit = "firm";
  s.time = "year";
  s.threshold = "l(d, 1)";
  s.regime_dependent = {"l(c, 1)"};
  s.regressors = {"q1", "q2", "q3", "d1", "qd"};
  s.max_thresholds = 3;
  s.draws = {0, 0, 0};
  return s;
}

void expect_rel(double got, double want, const std::string& what) {
  EXPECT_NEAR(got, want, 1e-7 * std::max(1e-12, std::fabs(want))) << what;
}

void check_against(const ThresholdResult& r, const nlohmann::json& ref) {
  expect_rel(r.sse0, ref["sse0"], "sse0");
  const char* names[] = {"single", "double", "triple"};
  ASSERT_EQ(r.steps.size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    const auto& s = r.steps[k];
    const auto& w = ref[names[k]];
    const std::string at = names[k];
    EXPECT_EQ(s.estimate, w["gamma"].get<double>()) << at;
    EXPECT_EQ(s.ci_low, w["ci"][0].get<double>()) << at;
    EXPECT_EQ(s.ci_high, w["ci"][1].get<double>()) << at;
    EXPECT_EQ(s.grid.size(), w["n_grid"].get<size_t>()) << at;
    expect_rel(s.sse, w["sse"], at + " sse");
    expect_rel(s.F, w["F"], at + " F");
    double lr_sum = 0;
    for (double v : s.lr) lr_sum += v;
    expect_rel(lr_sum, w["lr_sum"], at + " LR curve");
    const auto& m = w["model"];
    ASSERT_EQ(static_cast<size_t>(s.model.coef.size()), m["coef"].size()) << at;
    const Eigen::VectorXd se = s.model.se();
    for (size_t j = 0; j < m["coef"].size(); ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      expect_rel(s.model.coef[jj], m["coef"][j], at + " coef " + s.model.terms[j]);
      expect_rel(se[jj], m["se"][j], at + " se " + s.model.terms[j]);
      expect_rel(s.se_white[jj], m["se_white"][j], at + " White se " + s.model.terms[j]);
    }
  }
  EXPECT_EQ(r.steps[1].refined, ref["double"]["refined"].get<double>());
  EXPECT_EQ(r.steps[1].refined_ci_low, ref["double"]["refined_ci"][0].get<double>());
  EXPECT_EQ(r.steps[1].refined_ci_high, ref["double"]["refined_ci"][1].get<double>());
}

// A balanced panel whose slope of c is 1 below q = 0.5 and `high` above.
Frame threshold_panel(double high, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::uniform_real_distribution<double> U(0, 1);
  std::vector<double> id, year, y, x, c, q;
  for (int i = 0; i < 120; ++i) {
    const double a = N(rng);
    for (int t = 1; t <= 8; ++t) {
      const double qv = U(rng), cv = N(rng) + 0.2 * a, xv = N(rng);
      id.push_back(i);
      year.push_back(t);
      q.push_back(qv);
      c.push_back(cv);
      x.push_back(xv);
      y.push_back(a + 0.5 * xv + (qv < 0.5 ? 1.0 : high) * cv + 0.5 * N(rng));
    }
  }
  Frame f;
  for (auto [name, v] : {std::pair{"id", &id}, {"year", &year}, {"y", &y}, {"x", &x}, {"c", &c}, {"q", &q}}) f.set(Column::numeric(name, *v));
  return f;
}

ThresholdSpec simple_spec() {
  ThresholdSpec s;
  s.y = "y";
  s.unit = "id";
  s.time = "year";
  s.threshold = "q";
  s.regime_dependent = {"c"};
  s.regressors = {"x"};
  s.draws = {99};
  return s;
}

}  // namespace

TEST(Threshold, HansenInvestmentAllPeriodsMatchesR) {
  const auto ref = reference_fixture("panel_threshold.json");
  const ThresholdResult r = panel_threshold(hansen_data(), hansen_spec());
  EXPECT_EQ(r.n_units, 565u);
  EXPECT_EQ(r.n_periods, 14u);
  EXPECT_EQ(r.grid_size, ref["grid"].get<size_t>());
  size_t dropped = 0;
  for (const auto& [why, n] : r.dropped) dropped += n;
  EXPECT_EQ(dropped, 565u);  // the first year of every firm has no lag
  check_against(r, ref["all_periods"]);
}

TEST(Threshold, HansensSampleReproducesHisPublishedThresholds) {
  const auto ref = reference_fixture("panel_threshold.json");
  ThresholdSpec s = hansen_spec();
  s.delete_last_period = true;
  const ThresholdResult r = panel_threshold(hansen_data(), s);
  check_against(r, ref["delete_last"]);
  // Hansen (1999, Table 3): 0.0157 and 0.5362.
  EXPECT_NEAR(r.steps[0].estimate, 0.0157, 5e-5);
  EXPECT_NEAR(r.steps[1].estimate, 0.5362, 5e-5);
}

TEST(Threshold, RecoversAKnownThresholdAndRejectsLinearity) {
  const ThresholdResult r = panel_threshold(threshold_panel(3.0, 7), simple_spec());
  const auto& s = r.steps[0];
  EXPECT_LE(s.ci_low, 0.51);  // thresholds are data points: the first q above 0.5 splits the regimes
  EXPECT_GE(s.ci_high, 0.5);
  EXPECT_NEAR(s.estimate, 0.5, 0.02);
  EXPECT_EQ(s.p_value, 0.0);
  EXPECT_NEAR(s.model.coef[1], 1.0, 0.1);
  EXPECT_NEAR(s.model.coef[2], 3.0, 0.1);
  EXPECT_GT(s.F, s.crit99);
}

TEST(Threshold, LinearDataDoesNotRejectAndDrawsAreReproducible) {
  ThresholdSpec spec = simple_spec();
  const ThresholdResult r = panel_threshold(threshold_panel(1.0, 11), spec);
  EXPECT_GT(r.steps[0].p_value, 0.05);
  EXPECT_LT(r.steps[0].F, r.steps[0].crit95);
  spec.threads = 1;
  const ThresholdResult again = panel_threshold(threshold_panel(1.0, 11), spec);
  EXPECT_EQ(again.steps[0].p_value, r.steps[0].p_value);
  EXPECT_EQ(again.steps[0].crit95, r.steps[0].crit95);
}

// S_1(g) from the profile's running sums (threshold_profile.hpp) equals the least squares of the
// within-transformed regression with c 1(q < g) added, fitted directly, at every grid point: with two
// regime-dependent variables (the cross terms of D'D) and in Hansen's sample (each unit's sums over
// its kept rows differ from its means over all periods).
TEST(Threshold, ProfileEqualsDirectLeastSquaresAtEveryGridPoint) {
  Frame f = threshold_panel(2.0, 5);
  std::mt19937_64 rng(9);
  std::normal_distribution<double> N(0, 1);
  const std::vector<double> c = f.numeric("c"), q = f.numeric("q"), x = f.numeric("x"), y = f.numeric("y"), year = f.numeric("year");
  std::vector<double> c2(c.size());
  for (size_t i = 0; i < c.size(); ++i) c2[i] = N(rng) + 0.5 * c[i];
  f.set(Column::numeric("c2", c2));
  const size_t units = 120, T = 8;   // threshold_panel's rows: unit by unit, periods in order
  for (const bool hansen : {false, true}) {
    ThresholdSpec spec = simple_spec();
    spec.regime_dependent = {"c", "c2"};
    spec.draws = {0};
    spec.delete_last_period = hansen;
    const ThresholdResult result = panel_threshold(f, spec);
    const ThresholdStep& step = result.steps[0];
    for (size_t k = 0; k < step.grid.size(); ++k) {
      const double g = step.grid[k];
      Eigen::MatrixXd Z(static_cast<Eigen::Index>(c.size()), 6);   // y, x, c, c2, c 1(q < g), c2 1(q < g)
      for (size_t i = 0; i < c.size(); ++i)
        Z.row(static_cast<Eigen::Index>(i)) << y[i], x[i], c[i], c2[i], q[i] < g ? c[i] : 0, q[i] < g ? c2[i] : 0;
      Eigen::MatrixXd W(static_cast<Eigen::Index>(units * (hansen ? T - 1 : T)), 6);   // within over all periods, kept rows
      Eigen::Index at = 0;
      for (size_t u = 0; u < units; ++u) {
        const auto block = Z.middleRows(static_cast<Eigen::Index>(u * T), static_cast<Eigen::Index>(T));
        const Eigen::RowVectorXd mean = block.colwise().mean();
        for (size_t t = 0; t < T; ++t)
          if (!hansen || year[u * T + t] != 8) W.row(at++) = block.row(static_cast<Eigen::Index>(t)) - mean;
      }
      const Eigen::MatrixXd R = W.rightCols(5);
      const double direct = (W.col(0) - R * R.colPivHouseholderQr().solve(W.col(0))).squaredNorm();
      const double profile = (step.lr[k] / static_cast<double>(units * (T - 1)) + 1) * step.sse;
      EXPECT_NEAR(profile, direct, 1e-9 * direct) << "g = " << g << (hansen ? " (Hansen's sample)" : "");
    }
  }
}

// A grid point with one row below it and two regime-dependent regressors: D(g) has rank 1, and
// S_1(g) is the least-squares fit without the aliased column (lm), not the linear model's SSE.
TEST(Threshold, ProfileOfARankDeficientRegimeIsLeastSquaresWithoutTheAliasedColumn) {
  const size_t units = 10, T = 4, n = units * T;
  std::mt19937_64 rng(1);
  std::normal_distribution<double> N(0, 1);
  std::vector<double> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<double>(i + 1) / static_cast<double>(n);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> id, year, q, c1, c2, y;
  for (size_t i = 0; i < n; ++i) {
    id.push_back(static_cast<double>(i / T));
    year.push_back(static_cast<double>(i % T + 1));
    q.push_back(order[i]);
    c1.push_back(N(rng));
    c2.push_back(N(rng));
    y.push_back(c1.back() + c2.back() + N(rng));
  }
  Frame f;
  for (auto [name, v] : {std::pair{"id", &id}, {"year", &year}, {"y", &y}, {"c1", &c1}, {"c2", &c2}, {"q", &q}}) f.set(Column::numeric(name, *v));
  ThresholdSpec spec = simple_spec();
  spec.regime_dependent = {"c1", "c2"};
  spec.regressors = {};
  spec.draws = {0};
  spec.quantiles = 20;
  spec.trim = {0.05};
  const ThresholdResult result = panel_threshold(f, spec);
  const ThresholdStep& step = result.steps[0];
  size_t deficient = 0;
  for (size_t k = 0; k < step.grid.size(); ++k) {
    const double g = step.grid[k];
    Eigen::MatrixXd W(static_cast<Eigen::Index>(n), 5);   // y, c1, c2, c1 1(q < g), c2 1(q < g), within
    for (size_t i = 0; i < n; ++i) W.row(static_cast<Eigen::Index>(i)) << y[i], c1[i], c2[i], q[i] < g ? c1[i] : 0, q[i] < g ? c2[i] : 0;
    size_t below = 0;
    for (double v : q) below += v < g;
    deficient += below == 1;
    for (size_t u = 0; u < units; ++u) {
      auto block = W.middleRows(static_cast<Eigen::Index>(u * T), static_cast<Eigen::Index>(T));
      block.rowwise() -= block.colwise().mean().eval();
    }
    const Eigen::MatrixXd R = W.rightCols(4);
    const double direct = (W.col(0) - R * R.colPivHouseholderQr().solve(W.col(0))).squaredNorm();
    const double profile = (step.lr[k] / static_cast<double>(units * (T - 1)) + 1) * step.sse;
    EXPECT_NEAR(profile, direct, 1e-9 * direct) << "g = " << g << ", " << below << " rows below";
  }
  EXPECT_EQ(deficient, 1u);
}

// A grid position that is a whole number (trim + k/qn times the distinct values) is floored as
// Hansen's program floors seq(trim, ..., by = 1/qn): the point itself, not the one before it
// (tests/reference/panel/threshold_grid_positions.R; 1,440 distinct values of q).
TEST(Threshold, GridPositionsFlooredAsHansensProgram) {
  const auto ref = reference_fixture("panel_threshold_grid_positions.json");
  ThresholdSpec s;
  s.y = "y";
  s.unit = "id";
  s.time = "t";
  s.threshold = "q";
  s.regime_dependent = {"x1"};
  s.draws = {0};
  const ThresholdResult r = panel_threshold(read_csv(std::string(CBEC_TEST_DATA) + "/threshold_sim2.csv"), s);
  ASSERT_EQ(r.steps.size(), 1u);
  const auto& grid = r.steps[0].grid;
  EXPECT_NEAR(grid[41], ref["grid_42"].get<double>(), 1e-13);   // the point before it lies ~1e-3 below
  EXPECT_NEAR(grid[201], ref["grid_202"].get<double>(), 1e-13);
  EXPECT_NEAR(r.steps[0].estimate, ref["gamma"].get<double>(), 1e-12);
  EXPECT_NEAR(r.steps[0].F, ref["F"].get<double>(), 1e-9 * ref["F"].get<double>());
  EXPECT_NEAR(r.steps[0].sse, ref["sse"].get<double>(), 1e-9 * ref["sse"].get<double>());
  EXPECT_NEAR(r.steps[0].ci_low, ref["ci_low"].get<double>(), 1e-12);
  EXPECT_NEAR(r.steps[0].ci_high, ref["ci_high"].get<double>(), 1e-12);
}

// A threshold variable with fewer distinct values than 1 / trim: a grid position of 0 selects no
// point, as dd[floor(sq n)] in Hansen's code (the minimum was repeated there instead).
TEST(Threshold, GridPositionZeroSelectsNothing) {
  Frame f = threshold_panel(3.0, 5);
  std::vector<double> q = f.numeric("q");
  for (double& v : q) v = std::floor(v * 61) / 61;   // 61 distinct values
  f.set(Column::numeric("q", q));
  ThresholdSpec s = simple_spec();
  s.draws = {0};
  const ThresholdResult r = panel_threshold(f, s);
  size_t expected = 0;   // points with floor((trim + k / qn) 61) >= 1, k = 0..392
  for (int k = 0; k <= 392; ++k) expected += std::floor((0.01 + k * (1.0 / 400)) * 61) >= 1;
  EXPECT_EQ(expected, 390u);
  EXPECT_EQ(r.grid_size, expected);
}

// Trimming that can leave a later threshold no grid point (its neighbourhoods around the earlier
// ones covering the grid, as a bootstrap draw's thresholds may place them) is refused up front: it
// crashed (an empty search) on the data or only inside the bootstrap.
TEST(Threshold, TrimmingThatCanEmptyTheGridIsRefused) {
  ThresholdSpec s = simple_spec();
  s.max_thresholds = 3;
  s.trim = {0.2, 0.2, 0.2};
  s.draws = {0, 0, 0};
  try {
    panel_threshold(threshold_panel(1.0, 3), s);
    FAIL() << "expected an error";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("leaving it no candidate"), std::string::npos) << e.what();
  }
  s.trim = {0.16, 0.16, 0.16};
  EXPECT_NO_THROW(panel_threshold(threshold_panel(1.0, 3), s));
}

// q = 0 or 1: every grid point is 0, no row lies below any: refused (it gave F = 0 and p = 0). A q
// that is 0 in 97 of 100 rows leaves a regime of 3 rows, fewer than half of a 10% trimming: said.
TEST(Threshold, ABinaryThresholdVariableIsRefusedAndTinyRegimesAreSaid) {
  Frame f = threshold_panel(2.0, 4);
  std::vector<double> q = f.numeric("q");
  for (double& v : q) v = v < 0.5 ? 0 : 1;
  f.set(Column::numeric("q", q));
  ThresholdSpec s = simple_spec();
  s.draws = {0};
  try {
    panel_threshold(f, s);
    FAIL() << "expected an error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("every point of the grid is the smallest value"), std::string::npos) << e.what();
  }
  for (size_t i = 0; i < q.size(); ++i) q[i] = i % 100 == 7 ? static_cast<double>(i) : 0.0;   // 10 rows of 960 above 0
  f.set(Column::numeric("q", q));
  s.trim = {0.1};
  const ThresholdResult r = panel_threshold(f, s);
  ASSERT_EQ(r.steps[0].regime_sizes.size(), 2u);
  EXPECT_LT(std::min(r.steps[0].regime_sizes[0], r.steps[0].regime_sizes[1]), 48u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("fewer than 48 (half the trimming share 0.1"), std::string::npos) << r.warnings[0];
  EXPECT_TRUE(panel_threshold(threshold_panel(2.0, 4), s).warnings.empty());   // no ties: regimes of about the share
}

TEST(Threshold, UnbalancedPanelAndBadSpecsAreClearErrors) {
  Frame f = threshold_panel(1.0, 3);
  std::vector<double> y = f.numeric("y");
  y[5] = NAN;
  f.set(Column::numeric("y", y));
  try {
    panel_threshold(f, simple_spec());
    FAIL() << "expected an error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("balanced"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("id '0'"), std::string::npos) << e.what();
  }
  ThresholdSpec s = simple_spec();
  s.regressors = {"x", "c"};
  EXPECT_THROW(panel_threshold(threshold_panel(1.0, 3), s), SpecError);
  s = simple_spec();
  s.max_thresholds = 4;
  EXPECT_THROW(panel_threshold(threshold_panel(1.0, 3), s), SpecError);
}

// The bootstrap gives the same draws whatever the thread count, and the numbers it gave before its
// data were laid out in threshold order (recorded from that version with `cbec threshold` on
// Hansen's data, seed 2024, 40 draws per test: equal to rounding).
TEST(Threshold, BootstrapIsTheSameForAGivenSeedWhateverTheThreads) {
  ThresholdSpec s = hansen_spec();
  s.max_thresholds = 2;
  s.draws = {40, 40};
  s.seed = 2024;
  s.threads = 1;
  const ThresholdResult one = panel_threshold(hansen_data(), s);
  s.threads = 2;
  const ThresholdResult two = panel_threshold(hansen_data(), s);
  const double before[2][4] = {{32.80102778496103, 11.211228031586916, 13.564400580856303, 17.528733808789756},
                               {23.284652447280585, 10.874141028570431, 13.453458218071267, 15.34451082624257}};
  for (size_t k = 0; k < 2; ++k) {
    const ThresholdStep &a = one.steps[k], &b = two.steps[k];
    EXPECT_EQ(a.F, b.F);
    EXPECT_EQ(a.p_value, b.p_value);
    EXPECT_EQ(a.crit90, b.crit90);
    EXPECT_EQ(a.crit95, b.crit95);
    EXPECT_EQ(a.crit99, b.crit99);
    EXPECT_EQ(a.p_value, 0.0);
    expect_rel(a.F, before[k][0], "F");
    expect_rel(a.crit90, before[k][1], "crit90");
    expect_rel(a.crit95, before[k][2], "crit95");
    expect_rel(a.crit99, before[k][3], "crit99");
  }
}

// The third test's draws search three times, the later searches from the tables and the one pass's
// sums (threshold_nested.hpp); Eigen would split a large product's sums by its own thread count.
// 1 and 2 threads give the same bits.
TEST(Threshold, ThirdTestIsBitIdenticalForOneAndTwoThreads) {
  ThresholdSpec s = hansen_spec();
  s.draws = {0, 0, 40};
  s.seed = 2024;
  s.threads = 1;
  const ThresholdStep one = panel_threshold(hansen_data(), s).steps[2];
  s.threads = 2;
  const ThresholdStep two = panel_threshold(hansen_data(), s).steps[2];
  EXPECT_EQ(one.F, two.F);
  EXPECT_EQ(one.p_value, two.p_value);
  EXPECT_EQ(one.crit90, two.crit90);
  EXPECT_EQ(one.crit95, two.crit95);
  EXPECT_EQ(one.crit99, two.crit99);
}

// Beyond its memory budget the later tests' grid-pair table stores every stride-th row
// (threshold_pair_memory.hpp) and computes the others again when a draw needs them: the second and
// third tests give the same bits as with the whole table. Two regime-dependent variables on Hansen's
// 393-point grid: rows of 12,576 bytes, the whole table 4.9 MB; 400 KB with two threads stores every
// 15th row. With room for four rows (two threads need four working rows and one stored) the model is
// refused, naming the option to change.
TEST(Threshold, LaterTestsAreBitIdenticalBeyondThePairTableBudget) {
  ThresholdSpec s = hansen_spec();
  s.regime_dependent = {"l(c, 1)", "qd"};
  s.regressors = {"q1", "q2", "q3", "d1"};
  s.draws = {0, 30, 30};
  s.seed = 7;
  s.threads = 2;
  const ThresholdResult whole = panel_threshold(hansen_data(), s);
  s.pair_memory = 400000;
  const ThresholdResult sparse = panel_threshold(hansen_data(), s);
  for (size_t k = 1; k < 3; ++k) {
    const ThresholdStep &a = whole.steps[k], &b = sparse.steps[k];
    EXPECT_EQ(a.draws, 30u);
    EXPECT_EQ(a.F, b.F);
    EXPECT_EQ(a.p_value, b.p_value) << "test " << k + 1;
    EXPECT_EQ(a.crit90, b.crit90) << "test " << k + 1;
    EXPECT_EQ(a.crit95, b.crit95) << "test " << k + 1;
    EXPECT_EQ(a.crit99, b.crit99) << "test " << k + 1;
  }
  s.pair_memory = 4 * 12576;
  try {
    panel_threshold(hansen_data(), s);
    FAIL() << "expected a refusal";
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("--quantiles, now 400"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("393 grid points"), std::string::npos) << e.what();
  }
}

TEST(Threshold, RepeatedOrCollinearTermsAreRefusedByName) {
  // l(d,1) and l(d, 1) are one term; a term constant within firms, or a multiple of another, has no
  // slope after the unit effects are removed (the fit printed SEs of 0 or 1e13 and F = 0 before).
  Frame f = hansen_data();
  std::vector<double> twice = f.numeric("c");
  for (double& v : twice) v *= 2;
  const size_t n = twice.size();
  f.set(Column::numeric("c2", std::move(twice)));
  f.set(Column::numeric("one", std::vector<double>(n, 1.0)));
  auto message = [&](ThresholdSpec s) {
    s.max_thresholds = 1;
    try {
      panel_threshold(f, s);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  ThresholdSpec s = hansen_spec();
  s.regressors.push_back("l(c,1)");
  EXPECT_NE(message(s).find("'l(c, 1)' is listed twice"), std::string::npos) << message(s);
  s = hansen_spec();
  s.regime_dependent.push_back("l(c2, 1)");
  EXPECT_NE(message(s).find("'l(c2, 1)' is constant within the units or collinear"), std::string::npos) << message(s);
  s = hansen_spec();
  s.regressors.push_back("one");
  EXPECT_NE(message(s).find("'one' is constant within the units"), std::string::npos) << message(s);
}
