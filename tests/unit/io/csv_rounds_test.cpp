// The CSV reader reads its body in rounds (count a round's shares, then parse them): the frame, its
// notes and its errors are the same whatever the round size, including rounds of a few hundred
// bytes on a body above a megabyte (two threads' shares), a first round whose lines are longer
// than the rest (the columns' estimated size grown), a '"' first met in a late round (the whole body
// parsed again as quoted), an error or a byte that is not UTF-8 in a late round. Each text is read
// both from memory (parse_csv) and from a file (read_csv, whose rounds are copied from the file
// into a reused buffer rather than read through its mapping): the same frame, notes and errors.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <unistd.h>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/text_encoding.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

namespace {

// Round sizes from smaller than a line to larger than the text (the largest a size_t holds).
const std::vector<size_t> kRoundBytes = {100, 1000, 4096, 65536, 1u << 20, 64u << 20, std::numeric_limits<size_t>::max()};

CsvOptions with_rounds(size_t bytes, CsvOptions o = {}) {
  o.round_bytes_per_thread = bytes;
  return o;
}

void expect_same_frame(const Frame& got, const Frame& want) {
  ASSERT_EQ(got.nrows(), want.nrows());
  ASSERT_EQ(got.ncols(), want.ncols());
  EXPECT_EQ(got.notes(), want.notes());
  for (size_t c = 0; c < want.ncols(); ++c) {
    const Column& a = got.columns()[c];
    const Column& b = want.columns()[c];
    SCOPED_TRACE(b.name);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.levels, b.levels);
    EXPECT_EQ(a.codes, b.codes);
    ASSERT_EQ(a.values.size(), b.values.size());
    for (size_t i = 0; i < a.values.size(); ++i)
      ASSERT_EQ(std::bit_cast<uint64_t>(a.values[i]), std::bit_cast<uint64_t>(b.values[i])) << "row " << i;
  }
}

// The frame of `text` read from memory, checked to be the frame read from a file of that text
// (the file's path as the source of both).
Frame read_both(const std::string& text, const std::string& name, const CsvOptions& o = {}) {
  const cbec::testing::ScratchFolder scratch;
  const std::string path = scratch.write(name, text);
  Frame in_memory = parse_csv(text, path, o);
  expect_same_frame(read_csv(path, o), in_memory);
  return in_memory;
}

// Reading `text` with each of the round sizes, from memory and from a file, fails with a DataError
// whose message holds `part`.
void expect_refused(const std::string& text, const std::string& source, const std::vector<size_t>& round_bytes, const std::string& part) {
  const cbec::testing::ScratchFolder scratch;
  const std::string path = scratch.write(source, text);
  for (size_t bytes : round_bytes)
    for (bool from_file : {false, true}) {
      SCOPED_TRACE(::testing::Message() << bytes << (from_file ? " from the file" : " from memory"));
      try {
        if (from_file) read_csv(path, with_rounds(bytes));
        else parse_csv(text, source, with_rounds(bytes));
        FAIL() << source << " was read";
      } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
      }
    }
}

// A body of about `rows` records mixing what the reader treats apart: plain decimals, exponents,
// missing markers, stray text (listed in a note), a text column, blank lines and "\r\n" line ends.
std::string mixed_csv(size_t rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string s = "id,x,y,name,z\n";
  for (size_t i = 0; i < rows; ++i) {
    s += std::to_string(i) + ",";
    const uint64_t r = rng() % 1000;
    s += r == 0 ? "NA" : r == 1 ? "oops" : r == 2 ? "1.5e3" : std::to_string(static_cast<double>(rng() % 2000000) / 1000.0 - 1000.0);
    s += "," + std::to_string(rng() % 100000) + ",city" + std::to_string(rng() % 50) + ",";
    s += std::to_string(static_cast<double>(rng() % 1000000007) * 1e-7);
    s += r == 3 ? "\r\n" : "\n";
    if (r == 4) s += "\n";
  }
  return s;
}

}  // namespace

TEST(CsvRounds, TheFrameIsTheSameForAnyRoundSize) {
  const std::string text = mixed_csv(30000, 1);  // about 1.3 MB: two threads' shares
  ASSERT_GT(text.size(), size_t{1} << 20);
  const Frame whole = read_both(text, "m.csv");
  ASSERT_EQ(whole.nrows(), 30000u);
  ASSERT_FALSE(whole.notes().empty());  // the stray "oops" cells are listed
  for (size_t bytes : kRoundBytes) {
    SCOPED_TRACE(bytes);
    expect_same_frame(read_both(text, "m.csv", with_rounds(bytes)), whole);
  }
}

TEST(CsvRounds, AFirstRoundOfLongLinesLeavesTheColumnsToGrow) {
  // The first thousand lines carry a long text cell, the rest are short: the estimate of the
  // records from the first round's bytes falls far short and the columns grow round by round.
  std::string text = "a,b,note\n";
  for (int i = 0; i < 1000; ++i) text += std::to_string(i) + ",1.25," + std::string(500, 'w') + "\n";
  for (int i = 0; i < 200000; ++i) text += std::to_string(i % 977) + "," + std::to_string(i) + ",\n";
  CsvOptions o;
  o.string_columns = {"note"};
  const Frame whole = read_both(text, "g.csv", o);
  ASSERT_EQ(whole.nrows(), 201000u);
  for (size_t bytes : {size_t{600}, size_t{50000}, size_t{300000}}) {
    SCOPED_TRACE(bytes);
    expect_same_frame(read_both(text, "g.csv", with_rounds(bytes, o)), whole);
  }
}

TEST(CsvRounds, AQuoteFirstMetInALateRoundIsParsedAsQuoted) {
  std::string text = mixed_csv(25000, 2);
  text += "25000,1.5,7,\"a city,\nwith a newline\",2.5\n25001,2,8,plain,3\n";
  const Frame whole = read_both(text, "q.csv");
  ASSERT_EQ(whole.nrows(), 25002u);
  const Column& name = whole.get("name");
  EXPECT_EQ(name.levels[static_cast<size_t>(name.codes[25000])], "a city,\nwith a newline");
  for (size_t bytes : {size_t{1000}, size_t{100000}}) {
    SCOPED_TRACE(bytes);
    expect_same_frame(read_both(text, "q.csv", with_rounds(bytes)), whole);
  }
}

TEST(CsvRounds, AnErrorInALateRoundNamesItsLine) {
  std::string text = mixed_csv(30000, 3);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  text += "1,2,3\n";  // three fields of five, on the line after the last
  expect_refused(text, "e.csv", {1000, 100000, size_t{64} << 20},
                 "e.csv line " + std::to_string(lines + 1) + ": expected 5 fields as in the header, found 3");
}

TEST(CsvRounds, GbkTextFoundLateIsDecodedAndABadLineBeforeItStillNamed) {
  // GBK bytes only in the last lines, a line with too few fields in the first round: the text is
  // decoded (the encoding check comes before any error) and the error names the line, whatever
  // the round size.
  std::string text = mixed_csv(30000, 4);
  const size_t header_end = text.find('\n') + 1;
  text.insert(text.find('\n', header_end) + 1, "9,9\n");  // line 3
  text += "30000,1,2,\xB9\xE3\xD6\xDD,3\n";                 // "广州" in GBK
  expect_refused(text, "gbk.csv", {1000, size_t{64} << 20}, "gbk.csv line 3: expected 5 fields as in the header, found 2");
  text.erase(text.find("9,9\n"), 4);
  const Frame whole = read_both(text, "gbk.csv");
  const Column& name = whole.get("name");
  EXPECT_EQ(name.levels[static_cast<size_t>(name.codes.back())], "\xE5\xB9\xBF\xE5\xB7\x9E");  // 广州 in UTF-8
  expect_same_frame(read_both(text, "gbk.csv", with_rounds(1000)), whole);
}

TEST(CsvRounds, BytesOfNoEncodingInALateRoundAreReportedBeforeAnEarlierBadLine) {
  // As when the whole text is checked before it is parsed: the encoding's error comes first.
  std::string text = mixed_csv(30000, 5);
  const size_t header_end = text.find('\n') + 1;
  text.insert(text.find('\n', header_end) + 1, "9,9\n");
  text += "30000,1,2,\xFF\xFF\xFE\x81,3\n";
  expect_refused(text, "bytes.csv", {1000, size_t{64} << 20}, "neither UTF-8 nor GBK");
  // And when a '"' in an early round sends the body to be parsed again as quoted.
  text.insert(text.find('\n', header_end) + 1, "9,9,9,\"a, b\",9\n");
  expect_refused(text, "bytes.csv", {1000, size_t{64} << 20}, "neither UTF-8 nor GBK");
}
