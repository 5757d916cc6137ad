#include "cbec/io/cell_column.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {

// The same cells through column_from_cells and, as a one-column CSV, through the reader.
struct BothWays {
  Column from_cells;
  std::vector<std::string> cell_notes;
  Frame from_csv;
};

BothWays both_ways(const std::vector<std::optional<std::string>>& cells) {
  BothWays b{{}, {}, Frame("")};
  b.from_cells = column_from_cells("x", cells, CsvOptions{}, "the DataFrame", b.cell_notes);
  std::string text = "x\n";  // (a nullopt cell would be a blank line, no record: the cells compared are texts)
  for (const auto& c : cells) text += (c ? *c : std::string()) + "\n";
  b.from_csv = parse_csv(text, "t.csv");
  return b;
}

}  // namespace

TEST(CellColumn, NumbersWithMarkersAndOneTextCellAsTheReaderReadsThem) {
  const BothWays b = both_ways({"1.5", " NA ", "2", ".", "abc", "NULL", "-3e2"});
  ASSERT_TRUE(b.from_cells.is_numeric());
  const std::vector<double>& v = b.from_cells.values;
  EXPECT_EQ(v[0], 1.5);
  EXPECT_EQ(v[2], 2);
  EXPECT_EQ(v[6], -300);
  for (size_t i : {1u, 3u, 4u, 5u}) EXPECT_TRUE(std::isnan(v[i])) << i;
  ASSERT_EQ(b.cell_notes.size(), 1u);
  EXPECT_EQ(b.cell_notes[0], "the DataFrame column 'x': 1 cell is not a number and read as missing: iloc 4 'abc'");
  ASSERT_EQ(b.from_csv.notes().size(), 1u);
  EXPECT_EQ(b.from_csv.notes()[0], "t.csv column 'x': 1 cell is not a number and read as missing: line 6 'abc'");
  for (size_t i = 0; i < v.size(); ++i) EXPECT_TRUE(v[i] == b.from_csv.get("x").values[i] || (std::isnan(v[i]) && b.from_csv.get("x").is_missing(i)));
}

TEST(CellColumn, MostlyTextIsTextAndTrueFalseIsADummy) {
  const BothWays text = both_ways({"a", "1", "b "});
  ASSERT_FALSE(text.from_cells.is_numeric());
  EXPECT_EQ(text.from_cells.levels, (std::vector<std::string>{"a", "1", "b"}));
  EXPECT_EQ(text.from_cells.levels, text.from_csv.get("x").levels);
  EXPECT_TRUE(text.cell_notes.empty());

  const BothWays flags = both_ways({"True", std::nullopt, "false", "TRUE"});
  ASSERT_TRUE(flags.from_cells.is_numeric());
  EXPECT_EQ(flags.from_cells.values[0], 1);
  EXPECT_TRUE(std::isnan(flags.from_cells.values[1]));
  EXPECT_EQ(flags.from_cells.values[2], 0);
  ASSERT_EQ(flags.cell_notes.size(), 1u);
  EXPECT_NE(flags.cell_notes[0].find("TRUE/FALSE read as 1/0"), std::string::npos);
}

TEST(CellColumn, WholeNumbersBeyondDoublePrecisionStayText) {
  const BothWays b = both_ways({"1152921504606846977", "1152921504606846978", "12"});
  ASSERT_FALSE(b.from_cells.is_numeric());
  EXPECT_EQ(b.from_cells.levels.size(), 3u);   // not merged into one double
  ASSERT_EQ(b.cell_notes.size(), 1u);
  EXPECT_NE(b.cell_notes[0].find("whole numbers longer than 15 digits"), std::string::npos);
  EXPECT_FALSE(b.from_csv.get("x").is_numeric());
}
