// Convergence of the accelerated demeaning (demean.hpp): iteration counts on fixed deterministic
// problems (load-independent) stay within stated bounds, and the absorbed estimates equal the
// dummy-variable regression's.
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/frame/factor.hpp"

using namespace cbec;

namespace {
// Workers moving between firms over years (a sparsely connected three-way design):
// y = 1.5 x1 - 0.7 x2 + a_worker + f_firm + g_year + e, x correlated with all three effects.
Frame three_way(size_t workers, size_t firms, size_t years, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::uniform_int_distribution<size_t> pick(0, firms - 1);
  std::vector<double> a(workers), f(firms), g(years);
  for (auto& v : a) v = N(rng);
  for (auto& v : f) v = N(rng);
  for (auto& v : g) v = N(rng);
  std::vector<double> wk, fm, yr, x1, x2, y, w;
  for (size_t i = 0; i < workers; ++i) {
    size_t firm = pick(rng);
    for (size_t t = 0; t < years; ++t) {
      if (t > 0 && (rng() % 5) == 0) firm = pick(rng);  // a move in one year out of five
      const double u1 = N(rng) + 0.8 * a[i] + 0.5 * f[firm], u2 = N(rng) + 0.5 * g[t];
      wk.push_back(static_cast<double>(i));
      fm.push_back(static_cast<double>(firm));
      yr.push_back(static_cast<double>(2000 + t));
      x1.push_back(u1);
      x2.push_back(u2);
      y.push_back(1.5 * u1 - 0.7 * u2 + a[i] + f[firm] + g[t] + N(rng));
      w.push_back(0.5 + static_cast<double>((i + t) % 3));  // varying within a worker
    }
  }
  Frame fr;
  fr.set(Column::numeric("worker", wk));
  fr.set(Column::numeric("firm", fm));
  fr.set(Column::numeric("year", yr));
  fr.set(Column::numeric("x1", x1));
  fr.set(Column::numeric("x2", x2));
  fr.set(Column::numeric("y", y));
  fr.set(Column::numeric("w", w));
  return fr;
}

void expect_equal_to_dummies(const Frame& f, const DesignOptions& d, bool with_firm = true) {
  const RegressionResult absorbed = feols(f, with_firm ? "y ~ x1 + x2 | worker + firm + year" : "y ~ x1 + x2 | worker + year", {}, d);
  const RegressionResult dummies =
      feols(f, with_firm ? "y ~ x1 + x2 + i(worker) + i(firm) + i(year)" : "y ~ x1 + x2 + i(worker) + i(year)", {}, d);
  for (size_t j = 0; j < 2; ++j) {
    const long k = dummies.find(absorbed.terms[j]);
    ASSERT_GE(k, 0);
    EXPECT_NEAR(absorbed.coef[static_cast<long>(j)], dummies.coef[k], 1e-8) << absorbed.terms[j];
  }
}
}  // namespace

// Bounds hold with a margin over the counts measured when the algorithm was written (three-way:
// 15 iterations, 32 sweeps; two-way on the unbalanced worker x firm graph: 14 iterations).
TEST(DemeanConvergence, ThreeWayIterationCountIsBounded) {
  const Frame f = three_way(300, 40, 10, 11);
  const RegressionResult r = feols(f, "y ~ x1 + x2 | worker + firm + year", FeolsOptions{});
  EXPECT_LE(std::stoul(r.info.at("demean_iterations")), 18u);
  EXPECT_LE(std::stoul(r.info.at("demean_sweeps")), 38u);
}

TEST(DemeanConvergence, TwoWayIterationCountIsBounded) {
  const Frame f = three_way(300, 40, 10, 11);
  const RegressionResult r = feols(f, "y ~ x1 + x2 | worker + firm", FeolsOptions{});  // unbalanced
  EXPECT_LE(std::stoul(r.info.at("demean_iterations")), 17u);
}

TEST(DemeanConvergence, ThreeWayMatchesTheDummyVariableSolution) {
  const Frame f = three_way(300, 40, 10, 11);
  expect_equal_to_dummies(f, DesignOptions{});
}

TEST(DemeanConvergence, WeightedThreeWayMatchesTheDummyVariableSolution) {
  const Frame f = three_way(300, 40, 10, 11);
  DesignOptions d;
  d.weights = "w";
  expect_equal_to_dummies(f, d);
}

// Two-way worker x year (as many cells as rows): the year sweep reads the workers' coefficients run
// by run (rows sorted by worker), weighted or not.
TEST(DemeanConvergence, TwoWayMatchesTheDummyVariableSolution) {
  const Frame f = three_way(300, 40, 10, 11);
  expect_equal_to_dummies(f, DesignOptions{}, false);
  DesignOptions d;
  d.weights = "w";
  expect_equal_to_dummies(f, d, false);
}

// Rows in no order (no dimension's levels in runs): the sweeps read the rows where they cannot
// read a pair's cells (worker x firm), and still reach the dummy-variable solution.
TEST(DemeanConvergence, ShuffledRowsMatchTheDummyVariableSolution) {
  const Frame sorted = three_way(300, 40, 10, 11);
  std::vector<size_t> order(sorted.nrows());
  std::iota(order.begin(), order.end(), size_t{0});
  std::shuffle(order.begin(), order.end(), std::mt19937_64(5));
  Frame f;
  for (const char* name : {"worker", "firm", "year", "x1", "x2", "y", "w"}) {
    std::vector<double> v;
    for (size_t i : order) v.push_back(sorted.numeric(name)[i]);
    f.set(Column::numeric(name, v));
  }
  expect_equal_to_dummies(f, DesignOptions{});
  DesignOptions d;
  d.weights = "w";
  expect_equal_to_dummies(f, d);
}

// A looser tolerance (reg's --demean-tol, fixest's fixef.tol) stops earlier, and the estimates
// then differ from the converged ones by about what the tolerance allows; the tolerance is echoed.
TEST(DemeanConvergence, LooserToleranceStopsEarlierNearTheSolution) {
  const Frame f = three_way(300, 40, 10, 11);
  FeolsOptions loose;
  loose.demean_tol = 1e-6;
  const RegressionResult tight = feols(f, "y ~ x1 + x2 | worker + firm + year", FeolsOptions{});
  const RegressionResult early = feols(f, "y ~ x1 + x2 | worker + firm + year", loose);
  EXPECT_LT(std::stoul(early.info.at("demean_iterations")), std::stoul(tight.info.at("demean_iterations")));
  EXPECT_EQ(early.info.at("demean_tol"), "1e-06");
  for (long j = 0; j < 2; ++j) {
    EXPECT_NEAR(early.coef[j], tight.coef[j], 1e-4);
    EXPECT_NE(early.coef[j], tight.coef[j]);
  }
}

// Columns demeaned together (one pass over the rows per sweep for a batch, irons_tuck.hpp's
// lockstep) get the very numbers each gets alone, whatever the threads, including columns that
// stop at different iterations and columns stopped by the iteration cap (the three stages).
TEST(DemeanConvergence, ColumnsTogetherEqualEachAloneBitForBit) {
  const Frame f = three_way(300, 40, 10, 11);
  const std::vector<Factor> fes = {make_factor(f, {"worker"}), make_factor(f, {"firm"}), make_factor(f, {"year"})};
  const long n = static_cast<long>(fes[0].codes.size());
  Eigen::MatrixXd m(n, 5);
  const char* names[] = {"y", "x1", "x2", "w", "year"};  // w and year converge at once, y and x slowly
  for (long j = 0; j < 5; ++j)
    for (long i = 0; i < n; ++i) m(i, j) = f.numeric(names[j])[static_cast<size_t>(i)];
  const Eigen::VectorXd no_weights;
  for (size_t max_iter : {size_t{10000}, size_t{40}, size_t{3}}) {
    const Demeaner d(fes, no_weights, 1e-10, max_iter);
    for (int threads : {1, 2}) {
      const int before = omp_get_max_threads();
      omp_set_num_threads(threads);
      Eigen::MatrixXd together = m;
      d.demean(together);
      omp_set_num_threads(before);
      for (long j = 0; j < 5; ++j) {
        Eigen::VectorXd alone = m.col(j);
        d.demean(alone);
        for (long i = 0; i < n; ++i)
          ASSERT_EQ(together(i, j), alone[i]) << names[j] << " row " << i << " max_iter " << max_iter << " threads " << threads;
      }
    }
  }
}
