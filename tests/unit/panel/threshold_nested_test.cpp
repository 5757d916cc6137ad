// A bootstrap draw's later searches (threshold_nested.hpp): S_1(g) given the draw's fixed
// thresholds, from the sums of the draw's one pass over the rows and the tables computed once,
// equals the least squares of y* on the within-transformed [x, c, c 1(q < g_f) for each fixed g_f,
// c 1(q < g)] fitted directly, at several grid points, with one and two fixed thresholds, two
// regime-dependent variables (the cross terms) and in Hansen's sample (kept rows a subset).
#include <Eigen/QR>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <random>

#include "cbec/estimate/panel/threshold_grid_pairs.hpp"
#include "cbec/estimate/panel/threshold_nested.hpp"
#include "cbec/estimate/panel/threshold_profile.hpp"
#include "cbec/estimate/panel/threshold_resampled.hpp"
#include "cbec/estimate/panel/threshold_sample.hpp"
#include "cbec/stats/replicate.hpp"

using namespace cbec;
using namespace cbec::detail;

namespace {

constexpr size_t kUnits = 40, kT = 6, kX = 2, kC = 2;

// A sample laid out as threshold_sample.hpp describes (unit blocks, q ascending within a unit),
// with the raw y and x of each row for the direct fits.
struct Panel {
  ThresholdSample s;
  Eigen::VectorXd y_raw;
  RowMatrix X_raw;
};

Panel make_panel(bool hansen) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> N(0, 1);
  std::uniform_real_distribution<double> U(0, 1);
  Panel p;
  ThresholdSample& s = p.s;
  s.n_units = kUnits;
  s.periods = kT;
  const auto rows = static_cast<Eigen::Index>(kUnits * kT);
  s.C.resize(rows, kC);
  s.q.resize(rows);
  p.y_raw.resize(rows);
  p.X_raw.resize(rows, kX);
  s.kept_at.assign(kUnits * kT, -1);
  for (size_t u = 0; u < kUnits; ++u) {
    std::vector<double> q(kT);
    for (double& v : q) v = U(rng);
    std::vector<size_t> order(kT);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return q[a] < q[b]; });
    const double a = N(rng);
    for (size_t t = 0; t < kT; ++t) {
      const size_t r = u * kT + t;
      const auto rr = static_cast<Eigen::Index>(r);
      s.unit.push_back(static_cast<int32_t>(u));
      s.period.push_back(static_cast<int32_t>(order[t]));
      s.q[rr] = q[order[t]];
      for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(kC); ++j) s.C(rr, j) = N(rng) + 0.3 * a;
      for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(kX); ++j) p.X_raw(rr, j) = N(rng);
      const double slope = s.q[rr] < 0.3 ? 1.0 : s.q[rr] < 0.7 ? 2.0 : 0.5;
      p.y_raw[rr] = a + p.X_raw.row(rr).sum() + slope * s.C.row(rr).sum() + 0.5 * N(rng);
      if (!hansen || order[t] + 1 != kT) {
        s.kept_at[r] = static_cast<long>(s.kept.size());
        s.kept.push_back(r);
      }
    }
  }
  s.y = within(p.y_raw, s);
  s.X = within(p.X_raw, s);
  s.Cw = within(s.C, s);
  s.dfree = static_cast<double>(kUnits * (kT - 1));
  return p;
}

// c 1(q < g), within-transformed over the kept rows.
Eigen::MatrixXd regime(const ThresholdSample& s, double g) {
  RowMatrix M = s.C;
  for (Eigen::Index i = 0; i < M.rows(); ++i)
    if (!(s.q[i] < g)) M.row(i).setZero();
  return within(M, s);
}

double direct_sse(const Eigen::VectorXd& y, const Eigen::MatrixXd& Z) {
  return (y - Z * Z.colPivHouseholderQr().solve(y)).squaredNorm();
}

}  // namespace

namespace {
// A grid of every step-th sorted threshold value, 12 values trimmed at either end.
std::vector<double> every_nth_q(const ThresholdSample& s, size_t step) {
  std::vector<double> sorted(s.q.data(), s.q.data() + s.q.size()), grid;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 12; i + 12 < sorted.size(); i += step) grid.push_back(sorted[i]);
  return grid;
}
}  // namespace

TEST(Threshold, LaterSearchOfADrawEqualsDirectLeastSquares) {
  for (const bool hansen : {false, true}) {
    const Panel panel = make_panel(hansen);
    const ThresholdSample& s = panel.s;
    const std::vector<double> grid = every_nth_q(s, 6);
    const size_t G = grid.size();
    const ThresholdGridSums sums(s, grid);
    RowMatrix B(s.X.rows(), s.X.cols() + s.Cw.cols());
    B << s.X, s.Cw;
    const SsrProfile linear(s, sums, B);
    const GridPairSums pairs(s, sums);
    // The null model of the second test: one threshold, in the middle of the grid.
    Eigen::MatrixXd B0(B.rows(), B.cols() + s.Cw.cols());
    B0 << B, regime(s, grid[G / 2]);
    const Eigen::VectorXd fitted = B0 * B0.colPivHouseholderQr().solve(s.y), resid = s.y - fitted;
    const ResampledProfile resampled(s, linear, fitted, resid, false);
    Rng rng = draw_stream(2024, 5), again = rng;
    const CrossSums x = resampled(rng);
    // y* over the kept rows: unit slot v takes the residuals, period by period, of unit floor(U n).
    Eigen::VectorXd ystar(fitted.size());
    for (size_t v = 0; v < kUnits; ++v) {
      const size_t u = std::min(kUnits - 1, static_cast<size_t>(uniform01(again) * static_cast<double>(kUnits)));
      for (size_t t = 0; t < kT; ++t) {
        const long k = s.kept_at[v * kT + t];
        if (k < 0) continue;
        for (size_t w = u * kT; w < (u + 1) * kT; ++w)
          if (s.period[w] == s.period[v * kT + t]) ystar[k] = fitted[k] + resid[s.kept_at[w]];
      }
    }
    const std::vector<size_t> one = {G / 3}, two = {G / 3, (3 * G) / 4};
    for (const auto& fixed : {one, two}) {
      const SsrProfile::Fit fit = NestedProfile(linear, sums, pairs)(x, fixed);
      Eigen::MatrixXd Z(B.rows(), B.cols() + s.Cw.cols() * static_cast<Eigen::Index>(fixed.size() + 1));
      Z.leftCols(B.cols()) = B;
      for (size_t f = 0; f < fixed.size(); ++f)
        Z.middleCols(B.cols() + s.Cw.cols() * static_cast<Eigen::Index>(f), s.Cw.cols()) = regime(s, grid[fixed[f]]);
      const double null_sse = direct_sse(ystar, Z.leftCols(Z.cols() - s.Cw.cols()));
      EXPECT_NEAR(fit.linear, null_sse, 1e-9 * null_sse) << (hansen ? "Hansen's sample" : "all periods");
      for (const size_t g : {size_t{1}, G / 6, G / 2, (2 * G) / 3, G - 2}) {
        Z.rightCols(s.Cw.cols()) = regime(s, grid[g]);
        const double direct = direct_sse(ystar, Z);
        EXPECT_NEAR(fit.sse[g], direct, 1e-9 * direct) << "grid point " << g << " of " << G << ", " << fixed.size() << " fixed"
                                                        << (hansen ? ", Hansen's sample" : "");
      }
    }
  }
}

// A table that stores every stride-th row of grid points (threshold_pair_memory.hpp: beyond the
// memory budget) gives every row, stored or computed again from the stored row below it, with the
// same bits as the whole table: with two regime-dependent variables, in Hansen's sample, and with
// strides from 2 to the grid's size (only row 0 stored).
TEST(Threshold, GridPairRowsAreBitIdenticalWhateverTheStride) {
  for (const bool hansen : {false, true}) {
    const Panel panel = make_panel(hansen);
    const ThresholdSample& s = panel.s;
    const std::vector<double> grid = every_nth_q(s, 5);
    const auto G = static_cast<Eigen::Index>(grid.size()), m = s.C.cols();
    const ThresholdGridSums sums(s, grid);
    const GridPairSums whole(s, sums);
    for (const size_t stride : {size_t{2}, size_t{3}, size_t{7}, grid.size()}) {
      const GridPairSums sparse(s, sums, stride);
      EXPECT_EQ(sparse.stride(), stride);
      Eigen::MatrixXd want(m, G * m), got(m, G * m);
      for (size_t a = 0; a < grid.size(); ++a) {
        whole.with(a, want);
        sparse.with(a, got);
        EXPECT_EQ(std::memcmp(want.data(), got.data(), sizeof(double) * static_cast<size_t>(want.size())), 0)
            << "row " << a << ", stride " << stride << (hansen ? ", Hansen's sample" : "");
      }
    }
  }
}
