#include "cbec/io/csv_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

TEST(CsvReader, TypesQuotesMissingAndChinese) {
  Frame f = parse_csv("\xEF\xBB\xBFid,city,x,y\n1,\"杭州市\",1.5,NA\n2,\"Ning, \"\"bo\"\"\",.,3\n3,温州,2e3,\n", "t.csv");
  ASSERT_EQ(f.nrows(), 3u);
  EXPECT_EQ(f.get("id").type, ColumnType::Integer);
  EXPECT_EQ(f.get("city").type, ColumnType::String);
  EXPECT_EQ(f.get("city").text(0), "杭州市");
  EXPECT_EQ(f.get("city").text(1), "Ning, \"bo\"");
  EXPECT_EQ(f.get("x").type, ColumnType::Double);
  EXPECT_TRUE(f.get("x").is_missing(1));
  EXPECT_DOUBLE_EQ(f.get("x").values[2], 2000.0);
  EXPECT_EQ(f.get("y").count_missing(), 2u);
  EXPECT_EQ(f.get("y").type, ColumnType::Integer);
}

TEST(CsvReader, ColumnOfMostlyTextIsText) {
  Frame f = parse_csv("a,b\n1,2\n2,x7\n3,y8\n", "t.csv");
  EXPECT_EQ(f.get("b").type, ColumnType::String);
  EXPECT_EQ(f.get("b").text(0), "2");
  EXPECT_EQ(f.get("b").text(1), "x7");
  EXPECT_TRUE(f.notes().empty());
}

TEST(CsvReader, LogicalColumnsAreOneAndZeroAsRAndPandasRead) {
  // TRUE/FALSE in R's and pandas' spellings (fread's logical, a DataFrame's bool) are a 0/1 dummy,
  // said in a note; a column with any other text, or declared text, keeps its levels.
  Frame f = parse_csv("id,b,c,d\n1,TRUE,True,yes\n2,FALSE,,no\n3,,false,yes\n4,true,NA,no\n", "t.csv");
  ASSERT_TRUE(f.get("b").is_numeric());
  EXPECT_EQ(f.get("b").values[0], 1.0);
  EXPECT_EQ(f.get("b").values[1], 0.0);
  EXPECT_TRUE(f.get("b").is_missing(2));
  EXPECT_EQ(f.get("b").values[3], 1.0);
  ASSERT_TRUE(f.get("c").is_numeric());
  EXPECT_EQ(f.get("c").count_missing(), 2u);
  EXPECT_EQ(f.get("d").type, ColumnType::String);
  ASSERT_EQ(f.notes().size(), 2u);
  EXPECT_NE(f.notes()[0].find("column 'b': TRUE/FALSE read as 1/0"), std::string::npos) << f.notes()[0];
  EXPECT_NE(f.notes()[0].find("i(b)"), std::string::npos) << f.notes()[0];
  EXPECT_EQ(parse_csv("id,b\n1,TRUE\n2,maybe\n3,FALSE\n", "t.csv").get("b").type, ColumnType::String);
  EXPECT_EQ(parse_csv("id,b\n1,TRUE\n2,FALSE\n", "t.csv", plain_csv({""}, {"b"})).get("b").type, ColumnType::String);
}

TEST(CsvReader, ErrorsNameFileLineAndColumn) {
  try {
    parse_csv("a,b\n1,2\n3\n", "bad.csv");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv line 3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_csv("a,a\n1,2\n", "dup.csv"), DataError);
  EXPECT_THROW(parse_csv("a\n\"open\n", "q.csv"), DataError);
  try {
    parse_csv("alpha,beta\n1,2\n", "s.csv").get("alpah");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("Did you mean alpha"), std::string::npos) << e.what();
  }
}

TEST(CsvReader, OnlyTheListedColumnsAreReadTheOthersOfferedAsNames) {
  // Column 'junk' has text cells and 'wide' a long code: skipped, they give no note; every line is
  // still checked for its fields.
  const std::string text = "id,junk,x,wide\n1,a,1.5,123456789012345678\n2,b,2.5,1\n3,c,,2\n";
  CsvOptions o;
  o.only_columns = {"x", "id", "absent"};
  Frame f = parse_csv(text, "t.csv", o);
  ASSERT_EQ(f.ncols(), 2u);
  EXPECT_EQ(f.columns()[0].name, "id");
  EXPECT_EQ(f.columns()[1].name, "x");
  EXPECT_EQ(f.nrows(), 3u);
  EXPECT_EQ(f.get("x").values[1], 2.5);
  EXPECT_TRUE(f.get("x").is_missing(2));
  EXPECT_TRUE(f.notes().empty());
  EXPECT_EQ(f.suggest("junc"), std::vector<std::string>{"junk"});
  EXPECT_EQ(f.take({0, 2}).suggest("wida").front(), "wide");
  EXPECT_THROW(parse_csv("id,junk,x\n1,a,1\n2,b\n", "t.csv", o), DataError);
  // None of the listed names in the header: every column is read.
  o.only_columns = {"absent"};
  EXPECT_EQ(parse_csv(text, "t.csv", o).ncols(), 4u);
}

// A saved column reads back as the same doubles (15 significant digits lost up to 1.6e-13 relative,
// so `index --save` then `reg` differed from the study's numbers); whole numbers stay whole.
TEST(CsvReader, WrittenNumbersReadBackExactly) {
  const cbec::testing::ScratchFolder scratch;
  Frame f;
  f.set(Column::numeric("x", {0.2135261722338871, 1.0 / 3.0, -2.5e-300, 123456789.12345679, NAN}));
  f.set(Column::numeric("n", {1, 2, 3, 4, 5}));
  f.get_mutable("n").infer_integer();
  const std::string path = scratch.path("round_trip.csv");
  write_csv(f, path);
  const Frame back = read_csv(path);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(back.numeric("x")[i], f.numeric("x")[i]) << i;
  EXPECT_TRUE(std::isnan(back.numeric("x")[4]));
  EXPECT_EQ(back.get("n").text(2), "3");
}
