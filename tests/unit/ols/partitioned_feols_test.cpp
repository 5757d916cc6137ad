// A fixed-effects regression with its rows split across processes (row_partition.hpp) without MPI:
// P threads play the P processes (thread_exchange.hpp), and every one of them must get the numbers
// of the one-process fit (to 1e-10 relative: the sums are added in another order). Also: the
// partitioned demeaning against the serial one, row by row.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <random>

#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/ols/row_partition.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/stats/reduce_exchange.hpp"
#include "../thread_exchange.hpp"

using namespace cbec;
using cbec::testing::on_processes;
using cbec::testing::ThreadExchange;

namespace {

// Workers moving between firms over years, with a few workers seen once (singletons once x is
// observed) and missing values in x2 and y.
Frame panel(size_t workers, size_t firms, size_t years, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::uniform_int_distribution<size_t> pick(0, firms - 1);
  std::vector<double> a(workers), f(firms), g(years);
  for (auto& v : a) v = N(rng);
  for (auto& v : f) v = N(rng);
  for (auto& v : g) v = N(rng);
  std::vector<double> wk, fm, yr, x1, x2, y, w, region;
  for (size_t i = 0; i < workers; ++i) {
    size_t firm = pick(rng);
    const size_t seen = i % 37 == 5 ? 1 : years;  // some workers are singletons
    for (size_t t = 0; t < seen; ++t) {
      if (t > 0 && (rng() % 5) == 0) firm = pick(rng);
      const double u1 = N(rng) + 0.8 * a[i] + 0.5 * f[firm], u2 = N(rng) + 0.5 * g[t];
      wk.push_back(static_cast<double>(i));
      fm.push_back(static_cast<double>(firm));
      yr.push_back(static_cast<double>(2000 + t));
      x1.push_back(u1);
      x2.push_back(rng() % 53 == 0 ? std::nan("") : u2);
      y.push_back(rng() % 71 == 0 ? std::nan("") : 1.5 * u1 - 0.7 * u2 + a[i] + f[firm] + g[t] + N(rng));
      w.push_back(0.5 + static_cast<double>(i % 3));
      region.push_back(static_cast<double>(i % 7));
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
  fr.set(Column::numeric("region", region));
  return fr;
}

void expect_close(double a, double b, const std::string& what) {
  EXPECT_LE(std::fabs(a - b), 1e-10 * std::max(1.0, std::fabs(b))) << what << ": " << a << " vs " << b;
}

void expect_same_fit(const RegressionResult& got, const RegressionResult& want, const std::string& label) {
  ASSERT_EQ(got.terms, want.terms) << label;
  EXPECT_EQ(got.nobs, want.nobs) << label;
  EXPECT_EQ(got.dropped, want.dropped) << label;
  EXPECT_EQ(got.fixed_effects, want.fixed_effects) << label;
  EXPECT_EQ(got.info.at("absorbed_parameters"), want.info.at("absorbed_parameters")) << label;
  EXPECT_EQ(got.vcov_info.n_clusters, want.vcov_info.n_clusters) << label;
  expect_close(got.df_resid, want.df_resid, label + " df");
  expect_close(got.vcov_info.df, want.vcov_info.df, label + " vcov df");
  for (long j = 0; j < want.coef.size(); ++j) expect_close(got.coef[j], want.coef[j], label + " coef " + want.terms[static_cast<size_t>(j)]);
  for (long j = 0; j < want.vcov.size(); ++j) expect_close(got.vcov.data()[j], want.vcov.data()[j], label + " vcov");
  for (const auto& [k, v] : want.fit) expect_close(got.fit.at(k), v, label + " " + k);
}

struct Case {
  std::string formula, vcov, weights;
};

}  // namespace

TEST(PartitionedFeols, EveryProcessGetsTheOneProcessFit) {
  const Frame f = panel(240, 30, 8, 3);
  const std::vector<Case> cases = {
      {"y ~ x1 + x2 | worker + year", "iid", ""},
      {"y ~ x1 + x2 | worker + year", "cluster:worker", ""},  // clusters within processes
      {"y ~ x1 + x2 | worker + firm + year", "iid", ""},
      {"y ~ x1 + x2 | worker + firm + year", "cluster:firm", ""},  // clusters spread over processes
      {"y ~ x1 + x2 | worker + firm + year", "cluster:worker+firm", ""},
      {"y ~ x1 + x2 | worker + firm + year", "cluster:firm+region", "w"},  // neither within processes
      {"y ~ x1 + x2 | worker + firm", "hc1", "w"},
      {"y ~ x1 + x2 | worker", "cluster:region", ""},
      {"y ~ x1 + x2 | year + worker", "dk", ""},  // the split effect second in the formula
  };
  for (const auto& c : cases) {
    DesignOptions d;
    d.weights = c.weights;
    d.panel_unit = "worker";
    d.panel_time = "year";
    FeolsOptions o;
    o.vcov = VcovSpec::parse(c.vcov, "year");
    const RegressionResult one = feols(f, c.formula, o, d);
    for (int P : {2, 3, 5}) {
      const auto fits = on_processes<RegressionResult>(P, [&](ReduceExchange& ex) {
        RegressionResult r = feols_across_processes(f, c.formula, o, d, &ex);
        EXPECT_EQ(static_cast<ThreadExchange&>(ex).fits, 1);
        return r;
      });
      for (int r = 0; r < P; ++r)
        expect_same_fit(fits[static_cast<size_t>(r)], one, fmt::format("{} ({}) rank {} of {}", c.formula, c.vcov, r, P));
    }
  }
}

TEST(PartitionedFeols, OneProcessOrCr2IsNotSplit) {
  const Frame f = panel(60, 10, 5, 4);
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cr2:worker");
  const RegressionResult cr2 = feols(f, "y ~ x1 + x2 | worker + year", o);
  const auto fits = on_processes<RegressionResult>(2, [&](ReduceExchange& ex) {
    RegressionResult r = feols_across_processes(f, "y ~ x1 + x2 | worker + year", o, {}, &ex);
    EXPECT_EQ(static_cast<ThreadExchange&>(ex).fits, 0);
    EXPECT_EQ(static_cast<ThreadExchange&>(ex).calls, 0u);
    return r;
  });
  for (const auto& r : fits) expect_same_fit(r, cr2, "CR2, each process whole");
  SingleProcessReduce single;
  o.vcov = VcovSpec::parse("iid");
  const RegressionResult one = feols(f, "y ~ x1 + x2 | worker + year", o);
  const RegressionResult r = feols_across_processes(f, "y ~ x1 + x2 | worker + year", o, {}, &single);
  expect_same_fit(r, one, "one process");
  EXPECT_EQ(r.coef, one.coef);  // not split: the same bits
}

// The demeaned columns of each process's rows equal the serial ones, row by row.
TEST(PartitionedDemean, EqualsTheSerialDemeaningRowByRow) {
  const Frame f = panel(200, 25, 8, 5);
  for (const std::string& fes : std::vector<std::string>{"worker + year", "firm + worker + year", "worker"}) {
    DesignOptions opt;
    opt.stacked = true;
    const Design full = build_design(f, parse_formula("y ~ x1 + x2 | " + fes), opt);
    Eigen::MatrixXd serial = full.stacked;
    Demeaner(full.fixed_effects, full.weights).demean(serial);
    const size_t n = full.rows.size();
    for (int P : {2, 3}) {
      struct Share {
        std::vector<size_t> rows;
        Eigen::MatrixXd data;
      };
      const auto shares = on_processes<Share>(P, [&](ReduceExchange& ex) {
        Design copy = full;
        RowPartition part;
        Design local = partition_rows(std::move(copy), ex, VcovSpec{}, part);
        EXPECT_EQ(part.n_total, n);
        Eigen::MatrixXd m = local.stacked;
        Demeaner(local.fixed_effects, local.weights, 1e-10, 10000, &part.demean).demean(m);
        return Share{local.rows, m};
      });
      size_t covered = 0;
      std::vector<size_t> position(f.nrows(), n);
      for (size_t i = 0; i < n; ++i) position[full.rows[i]] = i;
      for (const auto& s : shares) {
        covered += s.rows.size();
        for (size_t a = 0; a < s.rows.size(); ++a)
          for (long j = 0; j < serial.cols(); ++j) {
            const double want = serial(static_cast<long>(position[s.rows[a]]), j);
            EXPECT_NEAR(s.data(static_cast<long>(a), j), want, 1e-9 * std::max(1.0, std::fabs(want))) << fes << ", P = " << P;
          }
      }
      EXPECT_EQ(covered, n) << fes;
    }
  }
}
