// Rows regrouped by level across processes (frame/rows_by_level.hpp) without MPI: P threads play the
// processes (thread_exchange.hpp). Each process starts with a consecutive share of one frame, as
// reading in shares leaves it (text levels numbered within the share), with numbers, whole numbers
// and text, missing values in each (the split variable too), a text column all missing, labels and
// notes. Each must end with every row of its levels and only those, in file order, every value as
// it was (the bits of numbers), text levels numbered by first appearance (as Column::strings over
// its rows), names, types, labels and notes kept: with every column in one exchange and with an
// exchange per column or two.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "cbec/frame/rows_by_level.hpp"
#include "../thread_exchange.hpp"

using namespace cbec;
using cbec::testing::on_processes;

namespace {

// n rows: "row" (the row's place in the file), a text unit (3% missing) and a whole-number firm
// (5% missing) to split by, a double x (7% missing, a -0 and a huge value among them) and a text
// name (10% missing, with commas, quotes and non-ASCII text), a text column all missing.
Frame file_frame(size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> N(0, 1);
  std::vector<double> row, firm, x;
  std::vector<std::string> unit, name, none(n);
  for (size_t i = 0; i < n; ++i) {
    row.push_back(static_cast<double>(i));
    unit.push_back(rng() % 33 == 0 ? "" : fmt::format("{}{}", i % 4 ? "u" : "单位", rng() % 97));
    firm.push_back(rng() % 20 == 0 ? std::nan("") : static_cast<double>(rng() % 61));
    x.push_back(i == 5 ? -0.0 : i == 6 ? 1e300 : rng() % 14 == 0 ? std::nan("") : N(rng));
    name.push_back(rng() % 10 == 0 ? "" : fmt::format("Firm {}, \"Ltd\" {}", rng() % 150, i % 3 ? "" : "东"));
  }
  Frame f("file.csv");
  Column c = Column::numeric("row", row);
  c.type = ColumnType::Integer;
  f.set(c);
  f.set(Column::strings("unit", unit));
  c = Column::numeric("firm", firm);
  c.type = ColumnType::Integer;
  c.label = "the firm";
  f.set(c);
  c = Column::numeric("x", x);
  c.label = "a regressor";
  f.set(c);
  c = Column::strings("name", name);
  c.label = "the firm's name";
  f.set(c);
  f.set(Column::strings("none", none));
  return f;
}

// Rows [from, to) of `whole` as one share of the file: text levels numbered within the share.
Frame share_of(const Frame& whole, size_t from, size_t to) {
  Frame s(whole.source());
  for (const auto& c : whole.columns()) {
    Column part;
    if (c.is_numeric()) {
      part = Column::numeric(c.name, std::vector<double>(c.values.begin() + static_cast<long>(from), c.values.begin() + static_cast<long>(to)));
      part.type = c.type;
    } else {
      std::vector<std::string> texts;
      for (size_t i = from; i < to; ++i) texts.push_back(c.text(i));
      part = Column::strings(c.name, texts);
    }
    part.label = c.label;
    s.set(part);
  }
  s.set_notes({"file.csv line 3, column 'x': 'n/a' read as missing", "file.csv: a note"});
  return s;
}

// The share (of P, cut as in share_of's callers) holding row w of n.
size_t share_holding(size_t w, size_t n, size_t P) {
  size_t r = 0;
  while ((r + 1) * n / P <= w) ++r;
  return r;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Checks the processes' frames after gather_levels(by) against the file's rows.
void expect_regrouped(const Frame& whole, const std::vector<Frame>& got, const std::string& by, const std::string& tag) {
  const size_t P = got.size(), n = whole.nrows();
  const Column& split = whole.get(by);
  std::vector<int> seen(n, 0);
  std::map<std::string, size_t> level_owner;
  for (size_t r = 0; r < P; ++r) {
    const Frame& f = got[r];
    SCOPED_TRACE(fmt::format("{}, process {} of {}", tag, r, P));
    ASSERT_EQ(f.ncols(), whole.ncols());
    EXPECT_EQ(f.source(), whole.source());
    EXPECT_EQ(f.notes(), std::vector<std::string>({"file.csv line 3, column 'x': 'n/a' read as missing", "file.csv: a note"}));
    const std::vector<double>& rows = f.get("row").values;
    ASSERT_EQ(rows.size(), f.nrows());
    std::vector<size_t> taken;
    for (size_t i = 0; i < rows.size(); ++i) {
      const size_t w = static_cast<size_t>(rows[i]);
      ASSERT_LT(w, n);
      if (i) EXPECT_LT(rows[i - 1], rows[i]) << "rows out of file order";
      ++seen[w];
      taken.push_back(w);
      if (split.is_missing(w)) {
        EXPECT_EQ(share_holding(w, n, P), r) << "row " << w << " lacks " << by << " and left its share";
        continue;
      }
      const auto [it, added] = level_owner.emplace(split.text(w), r);
      EXPECT_EQ(it->second, r) << by << " = " << split.text(w) << " on two processes";
    }
    for (size_t j = 0; j < whole.ncols(); ++j) {
      const Column& want = whole.columns()[j];
      const Column& c = f.columns()[j];
      EXPECT_EQ(c.name, want.name);
      EXPECT_EQ(c.type, want.type) << c.name;
      EXPECT_EQ(c.label, want.label) << c.name;
      ASSERT_EQ(c.size(), taken.size()) << c.name;
      if (want.is_numeric()) {
        for (size_t i = 0; i < taken.size(); ++i)
          EXPECT_TRUE(same_bits(c.values[i], want.values[taken[i]])) << c.name << " row " << taken[i];
        continue;
      }
      std::vector<std::string> texts;
      for (size_t w : taken) texts.push_back(want.text(w));
      const Column expected = Column::strings(want.name, texts);
      EXPECT_EQ(c.levels, expected.levels) << c.name;
      EXPECT_EQ(c.codes, expected.codes) << c.name;
    }
  }
  for (size_t w = 0; w < n; ++w) EXPECT_EQ(seen[w], 1) << tag << ": row " << w << " held by " << seen[w] << " processes";
}

}  // namespace

TEST(GatherLevels, EveryRowOfALevelOnOneProcessAsItWas) {
  for (size_t n : {size_t{2}, size_t{3000}}) {
    const Frame whole = file_frame(n, 19);
    for (const std::string by : {"unit", "firm"})
      for (int P : {1, 2, 3, 4})
        for (size_t batch : {kGatherBatchBytes, size_t{1}, size_t{20000}}) {
          const auto got = on_processes<Frame>(P, [&](ReduceExchange& ex) {
            const size_t r = static_cast<size_t>(ex.rank()), p = static_cast<size_t>(P);
            return gather_levels(share_of(whole, r * n / p, (r + 1) * n / p), by, ex, batch);
          });
          expect_regrouped(whole, got, by, fmt::format("{} rows by {}, exchanges of {} bytes", n, by, batch));
        }
  }
}

TEST(GatherLevels, NotAColumnLeavesTheShare) {
  const Frame whole = file_frame(50, 3);
  const auto got = on_processes<Frame>(2, [&](ReduceExchange& ex) {
    return gather_levels(share_of(whole, ex.rank() ? 25 : 0, ex.rank() ? 50 : 25), "region", ex);
  });
  EXPECT_EQ(got[0].get("row").values.front(), 0);
  EXPECT_EQ(got[1].get("row").values.front(), 25);
  EXPECT_EQ(got[1].nrows(), 25u);
}
