#include <gtest/gtest.h>

#include <string>

#include "cbec/core/error.hpp"
#include "cbec/frame/frame.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/frame/row_filter.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {

// Lines 2-7 of a file: units a, b, c in 2001-2002; c has 2002 twice (lines 6 and 7).
const char* kCsv =
    "id,year,g,x\n"
    "a,2001,East,1\n"
    "a,2002,West,2\n"
    "b,2001,East,3\n"
    "b,2002,West,4\n"
    "c,2002,West,5\n"
    "c,2002,West,6\n";

std::string message_of(const Frame& f) {
  try {
    declare_panel(f, "id", "year");
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// A frame read from a file numbers its rows as the file's lines (header = line 1).
TEST(FrameTake, RowsReadAreTheFilesLines) {
  const Frame f = parse_csv(kCsv, "t.csv");
  EXPECT_EQ(f.line(0), 2u);
  EXPECT_EQ(f.line(5), 7u);
}

// take() keeps each row's source line, in the order taken, and a take of a take composes.
TEST(FrameTake, KeepsTheSourceLineOfEveryRow) {
  const Frame f = parse_csv(kCsv, "t.csv");
  const Frame part = f.take({5, 1, 3});
  ASSERT_EQ(part.nrows(), 3u);
  EXPECT_EQ(part.line(0), 7u);
  EXPECT_EQ(part.line(1), 3u);
  EXPECT_EQ(part.line(2), 5u);
  EXPECT_EQ(part.get("x").values, (std::vector<double>{6, 2, 4}));
  const Frame again = part.take({2, 0});
  EXPECT_EQ(again.line(0), 5u);
  EXPECT_EQ(again.line(1), 7u);
  // Columns added to a subset do not change its lines.
  Frame grown = part;
  grown.set(Column::numeric("y", {1, 2, 3}));
  EXPECT_EQ(grown.line(0), 7u);
}

// A duplicate (unit, time) found in a subset (here the rows of region West: lines 3, 5, 6, 7) is
// named by the lines of the input file, not by the rows of the subset (which would be 3 and 4).
TEST(FrameTake, ErrorsInASubsetNameTheInputsLines) {
  const Frame f = parse_csv(kCsv, "t.csv");
  const Frame west = f.take(RowFilter("g == 'West'").rows(f));
  ASSERT_EQ(west.nrows(), 4u);
  const std::string m = message_of(west);
  EXPECT_NE(m.find("data lines 6 and 7"), std::string::npos) << m;
  EXPECT_EQ(m.find("data lines 4 and 5"), std::string::npos) << m;
}
