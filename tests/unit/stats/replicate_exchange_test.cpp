// replicate() split across processes (stats/draw_exchange.hpp) without MPI: a fake exchange plays
// rank r of 3 and supplies the other ranks' bytes from a one-process run, so each rank must compute
// exactly its share and end with every draw equal to the one-process results.
#include <gtest/gtest.h>

#include <Eigen/Dense>

#include <atomic>
#include <vector>

#include "cbec/stats/replicate.hpp"

namespace cbec {
namespace {

// Rank `rank` of `size`; the others' shares are encoded from `reference`, the one-process results.
template <class R>
class FakeExchange final : public DrawExchange {
 public:
  FakeExchange(int rank, int size, const std::vector<R>& reference) : rank_(rank), size_(size), reference_(reference) {}
  int rank() const override { return rank_; }
  int size() const override { return size_; }
  std::string all_gather(std::string_view mine, std::vector<size_t>& lengths) override {
    sent = std::string(mine);
    std::string all;
    lengths.clear();
    for (int r = 0; r < size_; ++r) {
      std::string part;
      if (r == rank_) {
        part = sent;
      } else {
        const DrawRange d = draw_share(reference_.size(), r, size_);
        for (size_t b = d.first; b < d.last; ++b) draw_codec::encode(reference_[b], part);
      }
      lengths.push_back(part.size());
      all += part;
    }
    return all;
  }
  std::string sent;

 private:
  int rank_, size_;
  const std::vector<R>& reference_;
};

// Installs an exchange for one scope.
struct Installed {
  explicit Installed(DrawExchange* e) { install_draw_exchange(e); }
  ~Installed() { install_draw_exchange(nullptr); }
};

// Runs `make` (a replicate call counting its draws in `calls`) as one process and as each rank of 3;
// each rank must run only its share and hold all one-process results.
template <class R, class Make>
void expect_split(size_t n, Make make) {
  std::atomic<size_t> calls{0};
  const std::vector<R> reference = make(calls);
  ASSERT_EQ(calls.load(), n);
  for (int rank = 0; rank < 3; ++rank) {
    FakeExchange<R> ex(rank, 3, reference);
    Installed scope(&ex);
    calls = 0;
    const std::vector<R> got = make(calls);
    const DrawRange mine = draw_share(n, rank, 3);
    EXPECT_EQ(calls.load(), mine.last - mine.first) << "rank " << rank << " ran draws outside its share";
    std::string expected_sent;
    for (size_t b = mine.first; b < mine.last; ++b) draw_codec::encode(reference[b], expected_sent);
    EXPECT_EQ(ex.sent, expected_sent) << "rank " << rank << " computed draws that differ from one process";
    ASSERT_EQ(got.size(), reference.size());
    for (size_t b = 0; b < n; ++b) EXPECT_TRUE(got[b] == reference[b]) << "rank " << rank << ", draw " << b;
  }
}

TEST(ReplicateExchange, SharesAreConsecutiveAndCoverEveryDraw) {
  for (size_t n : {0, 1, 2, 7, 200, 201}) {
    size_t next = 0;
    for (int r = 0; r < 3; ++r) {
      const DrawRange d = draw_share(n, r, 3);
      EXPECT_EQ(d.first, next);
      EXPECT_LE(d.last - d.first, n / 3 + 1);
      next = d.last;
    }
    EXPECT_EQ(next, n);
  }
}

TEST(ReplicateExchange, ScalarDrawsSplitAcrossRanks) {
  expect_split<double>(203, [](std::atomic<size_t>& calls) {
    return replicate(203, 42, [&](size_t, Rng& rng) { ++calls; return uniform01(rng); });
  });
}

TEST(ReplicateExchange, VectorDrawsSplitAcrossRanks) {
  expect_split<std::vector<double>>(50, [](std::atomic<size_t>& calls) {
    return replicate(50, 7, [&](size_t b, Rng& rng) {
      ++calls;
      std::vector<double> v(b % 4);  // lengths differ by draw, including empty
      for (double& x : v) x = uniform01(rng);
      return v;
    });
  });
}

TEST(ReplicateExchange, EigenVectorDrawsSplitAcrossRanks) {
  expect_split<Eigen::VectorXd>(31, [](std::atomic<size_t>& calls) {
    return replicate(31, 9, [&](size_t, Rng& rng) {
      ++calls;
      Eigen::VectorXd v(5);
      for (Eigen::Index i = 0; i < 5; ++i) v[i] = uniform01(rng);
      return v;
    });
  });
}

TEST(ReplicateExchange, BlocksReturningMatricesSplitAcrossRanks) {
  // 100 draws in blocks of 32: 4 blocks, the last of 4 draws.
  expect_split<Eigen::MatrixXd>(4, [](std::atomic<size_t>& calls) {
    return replicate_blocks(100, 32, [&](size_t first, size_t count) {
      ++calls;
      Eigen::MatrixXd m(static_cast<Eigen::Index>(count), 3);
      for (size_t b = 0; b < count; ++b) {
        Rng rng = draw_stream(3, first + b);
        for (Eigen::Index j = 0; j < 3; ++j) m(static_cast<Eigen::Index>(b), j) = uniform01(rng);
      }
      return m;
    });
  });
}

// A result the codec cannot ship is computed in full by every process: slower, same numbers.
TEST(ReplicateExchange, UnshippableDrawsRunEverywhere) {
  struct Draw {
    std::vector<double> a, b;
    bool operator==(const Draw&) const = default;
  };
  static_assert(!draw_codec::shippable<Draw>);
  const std::vector<double> unused;  // never asked for: nothing is exchanged
  FakeExchange<double> ex(1, 3, unused);
  Installed scope(&ex);
  std::atomic<size_t> calls{0};
  const auto got = replicate(20, 1, [&](size_t, Rng& rng) { ++calls; return Draw{{uniform01(rng)}, {}}; });
  EXPECT_EQ(calls.load(), 20u);
  EXPECT_TRUE(ex.sent.empty());
  install_draw_exchange(nullptr);
  const auto alone = replicate(20, 1, [&](size_t, Rng& rng) { return Draw{{uniform01(rng)}, {}}; });
  EXPECT_TRUE(got == alone);
}

// A replication nested inside a parallel region (a draw that replicates) never exchanges: the
// processes would reach the exchange a different number of times. One-thread teams count too.
TEST(ReplicateExchange, NestedReplicationsRunWhereTheirDrawRuns) {
  const std::vector<double> unused;
  FakeExchange<double> ex(2, 3, unused);
  Installed scope(&ex);
  std::atomic<size_t> calls{0};
  std::vector<double> got;
#pragma omp parallel num_threads(1)
  got = replicate(30, 5, [&](size_t, Rng& rng) { ++calls; return uniform01(rng); });
  EXPECT_EQ(calls.load(), 30u);
  EXPECT_TRUE(ex.sent.empty());
}

}  // namespace
}  // namespace cbec
