#include "cbec/io/dta_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

TEST(DtaReader, ReadsNumbersTextLabelsAndMissing) {
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/small.dta");
  ASSERT_EQ(f.nrows(), 4u);
  EXPECT_EQ(f.get("id").type, ColumnType::Integer);
  EXPECT_EQ(f.get("city").type, ColumnType::String);
  EXPECT_EQ(f.get("city").text(0), "杭州");
  EXPECT_EQ(f.get("city").text(2), "NA");  // R wrote the text "NA": Stata has no missing strings
  EXPECT_DOUBLE_EQ(f.get("x").values[2], 3.25);
  EXPECT_TRUE(std::isnan(f.get("x").values[1]));
  EXPECT_TRUE(f.get("year").is_missing(2));
  EXPECT_EQ(f.get("x").label, "a number");
  EXPECT_THROW(read_table(std::string(CBEC_TEST_DATA) + "/no_such.dta"), DataError);
}

TEST(CsvReader, ThousandsOfColumnsRoundTrip) {
  const cbec::testing::ScratchFolder scratch;
  std::string text = "id,名称";
  for (int j = 0; j < 3000; ++j) text += ",v" + std::to_string(j);
  text += "\n";
  for (int i = 0; i < 50; ++i) {
    text += std::to_string(i) + (i % 2 ? ",\"上海, 市\"" : ",杭州");
    for (int j = 0; j < 3000; ++j) text += "," + std::to_string(i * 0.5 + j);
    text += "\n";
  }
  Frame f = parse_csv(text, "wide.csv");
  ASSERT_EQ(f.ncols(), 3002u);
  EXPECT_EQ(f.get("名称").text(1), "上海, 市");
  EXPECT_DOUBLE_EQ(f.get("v2999").values[49], 49 * 0.5 + 2999);
  const std::string path = scratch.path("wide.csv");
  write_csv(f, path);
  Frame g = read_csv(path);
  ASSERT_EQ(g.ncols(), f.ncols());
  EXPECT_EQ(g.get("名称").text(1), "上海, 市");
  EXPECT_DOUBLE_EQ(g.get("v17").values[33], f.get("v17").values[33]);
}

TEST(CsvReader, LargeUnquotedFileParsesInParallelChunks) {
  // Large enough (> 1 MB) for the chunked parser; blank lines and CRLF are skipped.
  std::string text = "a,b\r\n";
  for (int i = 0; i < 200000; ++i) {
    text += std::to_string(i) + "," + (i % 1000 == 7 ? "NA" : std::to_string(i * 2)) + "\r\n";
    if (i % 50000 == 3) text += "\r\n";
  }
  Frame f = parse_csv(text, "big.csv");
  ASSERT_EQ(f.nrows(), 200000u);
  EXPECT_DOUBLE_EQ(f.get("a").values[199999], 199999);
  EXPECT_DOUBLE_EQ(f.get("b").values[150001], 300002);
  EXPECT_EQ(f.get("b").count_missing(), 200u);
  try {
    parse_csv(text + "5\n", "big.csv");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("big.csv line 200006: expected 2 fields"), std::string::npos) << e.what();
  }
}
