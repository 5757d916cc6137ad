// The subset expression (frame/row_filter.hpp): comparisons on numeric and text columns, &, |, !,
// parentheses, in (...), R's handling of missing values, and errors that name the column or point
// at the position.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/frame/row_filter.hpp"

using namespace cbec;

namespace {

Frame data() {
  const double na = std::numeric_limits<double>::quiet_NaN();
  Frame f("test.csv");
  f.set(Column::numeric("year", {2014, 2015, 2016, 2017, na}));
  f.set(Column::numeric("x", {1, -2.5, 3, na, 5}));
  f.set(Column::strings("region3", {"East", "West", "Central", "East", ""}));
  f.set(Column::strings("地区", {"华东", "华西", "华中", "华东", "华东"}));
  f.set(Column::numeric("pilot", {1, 0, 1, na, 0}));  // a logical column (a CSV's TRUE/FALSE, a DataFrame's bool)
  return f;
}

std::vector<size_t> rows(const std::string& e) { return RowFilter(e).rows(data()); }
using Rows = std::vector<size_t>;

}  // namespace

TEST(RowFilter, ComparesNumbersAndTexts) {
  EXPECT_EQ(rows("region3 == 'East'"), (Rows{0, 3}));
  EXPECT_EQ(rows("region3 != \"East\""), (Rows{1, 2}));     // the missing region is unknown, not "not East"
  EXPECT_EQ(rows("year >= 2015"), (Rows{1, 2, 3}));
  EXPECT_EQ(rows("2015 < year"), (Rows{2, 3}));             // the literal on the left
  EXPECT_EQ(rows("x < -1"), (Rows{1}));
  EXPECT_EQ(rows("x <= 1e0"), (Rows{0, 1}));
  EXPECT_EQ(rows("year > x"), (Rows{0, 1, 2}));             // two columns
  EXPECT_EQ(rows("地区 == '华东'"), (Rows{0, 3, 4}));
  EXPECT_EQ(rows("`地区` == '华东' & year == 2017"), (Rows{3}));
}

TEST(RowFilter, TrueAndFalseAreOneAndZeroUnlessAColumnHasThatName) {
  EXPECT_EQ(rows("pilot == True"), (Rows{0, 2}));
  EXPECT_EQ(rows("pilot == TRUE & year > 2014"), (Rows{2}));
  EXPECT_EQ(rows("false == pilot"), (Rows{1, 4}));
  EXPECT_EQ(rows("pilot != False"), (Rows{0, 2}));
  Frame f = data();
  f.set(Column::numeric("True", {0, 0, 0, 1, 1}));  // a column of that name is the column
  EXPECT_EQ(RowFilter("pilot == True").rows(f), (Rows{1}));  // row 1: pilot 0, True 0
  EXPECT_EQ(RowFilter("x > True").rows(f), (Rows{0, 2, 4}));
  try {
    rows("True == False");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("the comparison names no column"), std::string::npos) << e.what();
  }
  EXPECT_THROW(rows("region3 == True"), DataError);  // a text column: compare it with a quoted text
}

TEST(RowFilter, CombinesWithAndOrNotAndParentheses) {
  EXPECT_EQ(rows("region3 == 'East' | year == 2015"), (Rows{0, 1, 3}));
  EXPECT_EQ(rows("region3 == 'East' && year > 2014"), (Rows{3}));
  EXPECT_EQ(rows("!(region3 == 'East') & year < 2017"), (Rows{1, 2}));
  EXPECT_EQ(rows("(year == 2014 | year == 2016) & !(x > 2)"), (Rows{0}));
  EXPECT_EQ(rows("x > 0 | x < 0"), (Rows{0, 1, 2, 4}));
  // Unknown or true is true; unknown and false is false; not unknown stays unknown (R's subset()).
  EXPECT_EQ(rows("x > 4 | year == 2017"), (Rows{3, 4}));
  EXPECT_EQ(rows("!(x > 0)"), (Rows{1}));
}

TEST(RowFilter, InLists) {
  EXPECT_EQ(rows("region3 in ('East', 'Central')"), (Rows{0, 2, 3}));
  // As R's %in%, a missing value is in no list (never unknown): !in and !(... in ...) keep its row
  // (they dropped it; subset(d, !(r %in% "East")) keeps it).
  EXPECT_EQ(rows("region3 !in ('East')"), (Rows{1, 2, 4}));
  EXPECT_EQ(rows("!(region3 in ('East'))"), (Rows{1, 2, 4}));
  EXPECT_EQ(rows("year in (2014, 2017)"), (Rows{0, 3}));
  EXPECT_EQ(rows("!(x in (1, 3))"), (Rows{1, 3, 4}));
}

TEST(RowFilter, NamesItsColumns) {
  EXPECT_EQ(RowFilter("region3 == 'East' & (year > x | year in (1, 2))").columns(), (std::vector<std::string>{"region3", "year", "x"}));
}

TEST(RowFilter, ErrorsNameTheColumnOrThePosition) {
  auto message = [](const std::string& e) {
    try {
      RowFilter(e).rows(data());
    } catch (const Error& err) {
      return std::string(err.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("regoin3 == 'East'").find("no column 'regoin3' in test.csv. Did you mean region3?"), std::string::npos);
  EXPECT_NE(message("region3 == 1").find("column 'region3' holds text; compare it with a quoted text"), std::string::npos);
  EXPECT_NE(message("year == '2015'").find("column 'year' is numeric; compare it with a number"), std::string::npos);
  EXPECT_NE(message("region3 == year").find("cannot be compared"), std::string::npos);
  EXPECT_NE(message("year = 2015").find("write == to compare"), std::string::npos);
  EXPECT_NE(message("year == 2015 &").find("position 15"), std::string::npos);
  EXPECT_NE(message("(year == 2015").find("')' is missing"), std::string::npos);
  EXPECT_NE(message("region3 == 'East").find("not closed"), std::string::npos);
  EXPECT_NE(message("1 == 2").find("must name a column"), std::string::npos);
  EXPECT_NE(message("year 2015").find("expected a comparison"), std::string::npos);
  EXPECT_NE(message("  ").find("empty"), std::string::npos);
  EXPECT_NE(message("year in (x)").find("not columns"), std::string::npos);
  EXPECT_THROW(RowFilter("year == 2015").rows(Frame()), DataError);
  EXPECT_THROW(RowFilter("year == 1 2"), SpecError);
}

// Positions count characters and the caret counts display columns (a Chinese character takes two):
// "地区 == '东部' &" is 12 characters (24 bytes), so the missing operand is at position 13 and the
// caret stands after 16 columns.
TEST(RowFilter, ErrorPositionsCountCharactersNotBytes) {
  std::string m;
  try {
    RowFilter("地区 == '东部' &");
  } catch (const SpecError& e) {
    m = e.what();
  }
  EXPECT_NE(m.find("position 13:"), std::string::npos) << m;
  EXPECT_NE(m.find("\n  " + std::string(16, ' ') + "^"), std::string::npos) << m;
  EXPECT_EQ(m.find("\n  " + std::string(17, ' ') + "^"), std::string::npos) << m;
}

TEST(RowFilter, RefusesDeepNestingAndLongTexts) {
  EXPECT_THROW(RowFilter(std::string(500, '(') + "year == 1" + std::string(500, ')')), SpecError);
  EXPECT_THROW(RowFilter(std::string(1000, '!') + "(year == 1)"), SpecError);
  EXPECT_NO_THROW(RowFilter(std::string(50, '(') + "year == 1" + std::string(50, ')')));
  std::string chain = "year == 1";
  for (int i = 0; i < 800; ++i) chain += " | year == 1";
  EXPECT_EQ(RowFilter(chain).rows(data()), (Rows{}));
  EXPECT_THROW(RowFilter(chain + chain), SpecError);   // longer than 10,000 characters
}
