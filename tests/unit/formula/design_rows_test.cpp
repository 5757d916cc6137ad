// The design's usable rows over several blocks of rows (design.cpp checks a block at a time, by the
// threads): which rows are kept, in order, and every dropped row counted under its reason.
#include "cbec/formula/design.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/formula/ast.hpp"

using namespace cbec;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 200,003 rows (three full blocks of 65,536 and a partial one); unit id = row / 4, so every unit
// has four rows and no singleton appears unless rows are dropped around it.
struct RowsFixture {
  Frame frame;
  std::vector<size_t> expected;  // the rows that must be kept
  size_t missing = 0, nonpositive = 0;

  RowsFixture() {
    const size_t n = 200003;
    std::vector<double> id(n), y(n), x(n), w(n);
    for (size_t i = 0; i < n; ++i) {
      id[i] = static_cast<double>(i / 4);
      y[i] = std::sin(static_cast<double>(i));
      x[i] = std::cos(static_cast<double>(i) * 0.5);
      w[i] = 1 + static_cast<double>(i % 7);
    }
    // Block 0 keeps every row; the drops fall in blocks 1 to 3 (a missing y, a missing x, a missing
    // weight, a zero and a negative weight), each in a different unit, and unit 49,999 whole.
    const size_t missing_rows[] = {70001, 131073, 199000};
    y[70001] = kNaN;
    x[131073] = kNaN;
    w[199000] = kNaN;
    const size_t nonpositive_rows[] = {140002, 150003};
    w[140002] = 0;
    w[150003] = -2;
    for (size_t i = 199996; i < 200000; ++i) y[i] = kNaN;
    missing = 3 + 4;
    nonpositive = 2;
    for (size_t i = 0; i < n; ++i) {
      bool keep = !(i >= 199996 && i < 200000);
      for (size_t r : missing_rows) keep = keep && i != r;
      for (size_t r : nonpositive_rows) keep = keep && i != r;
      if (keep) expected.push_back(i);
    }
    frame.set(Column::numeric("id", id));
    frame.set(Column::numeric("y", y));
    frame.set(Column::numeric("x", x));
    frame.set(Column::numeric("w", w));
  }
};

}  // namespace

TEST(DesignRows, KeptRowsAndDropsAcrossBlocksAreThoseOfARowByRowCheck) {
  RowsFixture fx;
  DesignOptions o;
  o.weights = "w";
  o.drop_singletons = false;
  const Design d = build_design(fx.frame, parse_formula("y ~ x | id"), o);
  EXPECT_EQ(d.rows, fx.expected);
  EXPECT_EQ(d.dropped.at("missing"), fx.missing);
  EXPECT_EQ(d.dropped.at("nonpositive_weight"), fx.nonpositive);
  EXPECT_EQ(d.nobs() + fx.missing + fx.nonpositive, fx.frame.nrows());
  ASSERT_EQ(d.X.rows(), static_cast<long>(fx.expected.size()));
  for (size_t k = 0; k < fx.expected.size(); k += 997) {
    EXPECT_EQ(d.X(static_cast<long>(k), 0), fx.frame.get("x").values[fx.expected[k]]);
    EXPECT_EQ(d.weights[static_cast<long>(k)], fx.frame.get("w").values[fx.expected[k]]);
  }
  // The unit fixed effect is re-coded to the units present: unit 49,999 lost all its rows.
  EXPECT_EQ(d.fixed_effects[0].n_levels, 200003 / 4 + 1 - 1);
}

TEST(DesignRows, EveryRowUsableKeepsTheFactorAsIs) {
  RowsFixture fx;
  Frame f;
  std::vector<double> y(fx.frame.nrows()), x(fx.frame.nrows());
  for (size_t i = 0; i < y.size(); ++i) {
    y[i] = static_cast<double>(i % 13);
    x[i] = static_cast<double>(i % 5);
  }
  f.set(Column::numeric("id", fx.frame.get("id").values));
  f.set(Column::numeric("x", x));
  f.set(Column::numeric("y", y));
  const Design d = build_design(f, parse_formula("y ~ x | id"), {});
  for (const auto& [why, count] : d.dropped) ADD_FAILURE() << why << " " << count;
  ASSERT_EQ(d.nobs(), f.nrows());
  for (size_t i = 0; i < d.rows.size(); ++i) ASSERT_EQ(d.rows[i], i);
  const Factor& unit = d.fixed_effects[0];
  EXPECT_EQ(unit.n_levels, (f.nrows() + 3) / 4);
  for (size_t i = 0; i < f.nrows(); i += 1009) EXPECT_EQ(unit.codes[i], static_cast<int32_t>(i / 4));
}

// A text regressor with one level (its reference) has no indicator to carry its missing values:
// the rows missing in it still leave the sample, as R's model.frame drops them; with two levels the
// indicator carries them.
TEST(DesignRows, RowsMissingInATextTermWithoutIndicatorsLeave) {
  Frame f;
  f.set(Column::numeric("y", {1, 2, 3, 4, 5, 7}));
  f.set(Column::numeric("z", {1, 0, 2, 1, 3, 3}));
  f.set(Column::strings("one", {"a", "", "a", "a", "", "a"}));
  f.set(Column::strings("two", {"a", "", "b", "a", "", "b"}));
  f.set(Column::strings("none", {"", "", "", "", "", ""}));
  for (const char* term : {"one", "two"}) {
    const Design d = build_design(f, parse_formula(std::string("y ~ z + ") + term));
    EXPECT_EQ(d.rows, (std::vector<size_t>{0, 2, 3, 5})) << term;
    EXPECT_EQ(d.dropped.at("missing"), 2u) << term;
  }
  EXPECT_EQ(build_design(f, parse_formula("y ~ z + one")).x_names, (std::vector<std::string>{"(Intercept)", "z"}));
  EXPECT_THROW(build_design(f, parse_formula("y ~ z + none")), DataError);
}
