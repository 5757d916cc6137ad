// Interacted factors ("a^b^c") against a row-by-row reference (a std::map of the components'
// codes): the same levels in lexicographic order, labels and codes, missing rows -1; both ways of
// finding the combinations present (a table of all pairs, or sorting when the pairs far outnumber
// the rows).
#include "cbec/frame/factor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>

#include "cbec/frame/levels.hpp"

using namespace cbec;

namespace {

// The reference: each row's tuple of component codes, numbered in lexicographic order.
Factor reference_factor(const Frame& frame, const std::vector<std::string>& variables) {
  std::vector<Levels> parts;
  for (const auto& v : variables) parts.push_back(code_levels(frame.get(v)));
  std::map<std::vector<int32_t>, int32_t> combos;
  const size_t n = frame.nrows();
  auto key_of = [&](size_t i, std::vector<int32_t>& key) {
    key.clear();
    bool ok = true;
    for (const auto& p : parts) {
      ok = ok && p.codes[i] >= 0;
      key.push_back(p.codes[i]);
    }
    return ok;
  };
  std::vector<int32_t> key;
  for (size_t i = 0; i < n; ++i)
    if (key_of(i, key)) combos.emplace(key, 0);
  Factor out;
  int32_t next = 0;
  for (auto& [k, code] : combos) {
    code = next++;
    std::string label;
    for (size_t c = 0; c < k.size(); ++c) label += (c ? "^" : "") + parts[c].labels[static_cast<size_t>(k[c])];
    out.labels.push_back(label);
  }
  out.n_levels = out.labels.size();
  out.codes.assign(n, -1);
  for (size_t i = 0; i < n; ++i)
    if (key_of(i, key)) out.codes[i] = combos.at(key);
  return out;
}

void expect_same(const Factor& got, const Factor& want) {
  EXPECT_EQ(got.n_levels, want.n_levels);
  EXPECT_EQ(got.labels, want.labels);
  EXPECT_EQ(got.codes, want.codes);
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST(MakeFactor, InteractionsMatchARowByRowReference) {
  std::mt19937_64 rng(17);
  const size_t n = 200000;  // above one thread's share, so the passes run in parallel
  std::vector<double> province(n), year(n), industry(n);
  std::vector<std::string> sector(n);
  const std::vector<std::string> sectors = {"trade", "", "manufacturing", "agriculture", "services"};
  for (size_t i = 0; i < n; ++i) {
    province[i] = static_cast<double>(rng() % 31) * 3 - 10;  // negative levels too
    year[i] = 2000 + static_cast<double>(rng() % 20);
    industry[i] = static_cast<double>(rng() % 900);
    sector[i] = sectors[rng() % sectors.size()];  // "" is missing
    if (i % 97 == 3) province[i] = kNaN;
    if (i % 89 == 5) year[i] = kNaN;
  }
  Frame f;
  f.set(Column::numeric("province", province));
  f.set(Column::numeric("year", year));
  f.set(Column::numeric("industry", industry));
  f.set(Column::strings("sector", sector));
  for (const std::vector<std::string>& vars : std::vector<std::vector<std::string>>{
           {"province", "year"}, {"year", "province"}, {"province", "year", "industry"}, {"sector", "year"}, {"industry", "sector", "province"}}) {
    SCOPED_TRACE(vars.size());
    const Factor got = make_factor(f, vars);
    expect_same(got, reference_factor(f, vars));
    EXPECT_EQ(got.codes.size(), n);
  }
}

TEST(MakeFactor, ManyMoreCombinationsThanRowsAreSortedNotTabled) {
  // 3,000 rows of two nearly unique codes: 9 million possible pairs, found by sorting.
  std::mt19937_64 rng(4);
  const size_t n = 3000;
  std::vector<double> a(n), b(n);
  for (size_t i = 0; i < n; ++i) {
    a[i] = static_cast<double>(rng() % 100000);
    b[i] = static_cast<double>(rng() % 100000);
    if (i % 50 == 0) b[i] = kNaN;
  }
  for (size_t i = 1; i < n; i += 7) a[i] = a[i - 1], b[i] = b[i - 1];  // repeated pairs
  Frame f;
  f.set(Column::numeric("a", a));
  f.set(Column::numeric("b", b));
  const Factor got = make_factor(f, {"a", "b"});
  expect_same(got, reference_factor(f, {"a", "b"}));
  EXPECT_LT(got.n_levels, n);
  EXPECT_EQ(got.name, "a^b");
}

TEST(MakeFactor, NoVariableIsRefused) {
  Frame f;
  f.set(Column::numeric("a", {1, 2}));
  EXPECT_THROW(make_factor(f, {}), std::invalid_argument);
}

TEST(DropSingletons, IteratedDropsMatchARowByRowReference) {
  // 200,000 rows (the counts and the check shared by the threads) of two dimensions with many
  // levels met once, so that dropping them leaves new singletons in the other dimension.
  std::mt19937_64 rng(21);
  const size_t n = 200000;
  Factor a, b;
  a.n_levels = 60000;
  b.n_levels = 90000;
  for (size_t i = 0; i < n; ++i) {
    a.codes.push_back(static_cast<int32_t>(rng() % a.n_levels));
    b.codes.push_back(static_cast<int32_t>(rng() % b.n_levels));
  }
  const std::vector<Factor> fes = {a, b};
  std::vector<size_t> rows;
  for (size_t i = 0; i < n; i += 1 + (i % 3 == 0)) rows.push_back(i);
  // The reference: drop every row alone in a level of either dimension, until none is.
  std::vector<size_t> want = rows;
  int rounds = 0;
  for (bool again = true; again; ++rounds) {
    std::map<int32_t, size_t> ca, cb;
    for (size_t r : want) ++ca[a.codes[r]], ++cb[b.codes[r]];
    std::vector<size_t> kept;
    for (size_t r : want)
      if (ca[a.codes[r]] > 1 && cb[b.codes[r]] > 1) kept.push_back(r);
    again = kept.size() != want.size();
    want = kept;
  }
  ASSERT_GE(rounds, 4);  // drops left new singletons, several times
  ASSERT_GT(want.size(), 0u);
  const size_t before = rows.size();
  EXPECT_EQ(drop_singletons(fes, rows), before - want.size());
  EXPECT_EQ(rows, want);
}
