// What statistical-yearbook and Excel exports put in CSV files (issue 14): markers of missing
// values, stray text in numeric columns, number formats, encodings, delimiters, long codes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/text_encoding.hpp"

using namespace cbec;

namespace {
bool has_note(const Frame& f, const std::string& part) {
  for (const auto& n : f.notes())
    if (n.find(part) != std::string::npos) return true;
  return false;
}

// Reading `text` as `source` fails with a DataError whose message holds every one of `parts`.
void expect_refused(const std::string& text, const std::string& source, const CsvOptions& o, const std::vector<std::string>& parts) {
  try {
    parse_csv(text, source, o);
    FAIL() << source << " was read";
  } catch (const DataError& e) {
    for (const auto& part : parts) EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}
}  // namespace

TEST(CsvMessyInput, YearbookMarkersAreMissingSilently) {
  Frame f = parse_csv("id,x\n1,5\n2,\xE2\x80\x94\n3,..\n4,-\n5,#N/A\n6,...\n7,\xE2\x80\x93\n8,2.5\n", "y.csv");
  EXPECT_EQ(f.get("x").type, ColumnType::Double);
  EXPECT_EQ(f.get("x").count_missing(), 6u);
  EXPECT_TRUE(f.notes().empty());
}

TEST(CsvMessyInput, StrayTextInANumericColumnIsMissingAndListed) {
  // The 0/1 treatment column with one bad cell stays numeric: never dummies did::1 and did::x.
  Frame f = parse_csv("id,did\n1,0\n2,1\n3,oops\n4,1\n5,inf\n", "d.csv");
  const Column& c = f.get("did");
  ASSERT_TRUE(c.is_numeric());
  EXPECT_TRUE(c.is_missing(2));
  EXPECT_TRUE(c.is_missing(4));
  EXPECT_EQ(c.values[3], 1.0);
  ASSERT_EQ(f.notes().size(), 1u);
  EXPECT_TRUE(has_note(f, "d.csv column 'did': 2 cells are not a number and read as missing: line 4 'oops', line 6 'inf'")) << f.notes()[0];
}

TEST(CsvMessyInput, ThousandsAndPercentOnlyWhenDeclared) {
  const std::string text = "id,gdp,share\n1,\"1,234.5\",12.5%\n2,\"12,000\",3%\n3,7,50%\n4,8,1%\n5,9,2%\n";
  Frame plain = parse_csv(text, "n.csv");
  EXPECT_TRUE(plain.get("gdp").is_missing(0));
  EXPECT_TRUE(has_note(plain, "--thousands ','"));
  EXPECT_TRUE(plain.get("share").is_numeric() == false || plain.get("share").count_missing() == 3);
  CsvOptions o;
  o.thousands = ',';
  o.percent = true;
  Frame f = parse_csv(text, "n.csv", o);
  EXPECT_DOUBLE_EQ(f.get("gdp").values[0], 1234.5);
  EXPECT_DOUBLE_EQ(f.get("gdp").values[1], 12000.0);
  EXPECT_DOUBLE_EQ(f.get("share").values[0], 0.125);
  EXPECT_DOUBLE_EQ(f.get("share").values[2], 0.5);
  EXPECT_TRUE(f.notes().empty());
  // Separators in the wrong places are not thousands separators.
  Frame bad = parse_csv("x\n\"1,23\"\n5\n6\n", "b.csv", o);
  EXPECT_TRUE(bad.get("x").is_missing(0));
}

TEST(CsvMessyInput, LongCodesKeepTheirText) {
  // Two 18-digit codes that are equal as doubles must stay two units.
  Frame f = parse_csv("code,y\n110101199001011234,1\n110101199001011235,2\n", "c.csv");
  const Column& c = f.get("code");
  ASSERT_EQ(c.type, ColumnType::String);
  EXPECT_EQ(c.text(0), "110101199001011234");
  EXPECT_EQ(c.text(1), "110101199001011235");
  EXPECT_TRUE(has_note(f, "kept as text"));
}

TEST(CsvMessyInput, DelimiterDetectedAndNoted) {
  Frame f = parse_csv("id;x\n1;2.5\n2;3\n", "s.csv");
  EXPECT_EQ(f.ncols(), 2u);
  EXPECT_DOUBLE_EQ(f.get("x").values[0], 2.5);
  EXPECT_TRUE(has_note(f, "';'-separated"));
  Frame t = parse_csv("id\tx\n1\t2\n", "t.csv");
  EXPECT_EQ(t.ncols(), 2u);
  EXPECT_EQ(detect_delimiter("a,b;c"), ',');
  EXPECT_EQ(detect_delimiter("\"a;b\"|c|d"), '|');
}

TEST(CsvMessyInput, GbkIsDetectedAndConverted) {
  // "城市,x\n杭州,1\n" in GBK.
  const std::string gbk = "\xB3\xC7\xCA\xD0,x\n\xBA\xBC\xD6\xDD,1\n";
  Frame f = parse_csv(gbk, "g.csv");
  ASSERT_TRUE(f.has("城市"));
  EXPECT_EQ(f.get("城市").text(0), "杭州");
  EXPECT_TRUE(has_note(f, "GB18030"));
  CsvOptions o;
  o.encoding = "gbk";
  Frame declared = parse_csv(gbk, "g.csv", o);
  EXPECT_EQ(declared.get("城市").text(0), "杭州");
  EXPECT_TRUE(declared.notes().empty());
  o.encoding = "utf-8";
  expect_refused(gbk, "g.csv", o, {"g.csv line 1", "--encoding gbk"});
}

TEST(CsvMessyInput, GbkFoundLateInALargeFileIsStillConverted) {
  // UTF-8 is checked block by block while the records are counted, each thread on its own part of
  // the text: a GBK name ("杭州") on line 150,001 of 200,000, past the first blocks and parts, sends
  // the whole file through the GB18030 conversion, and a declared UTF-8 names that line.
  std::string text = "city,x\n";
  for (int i = 0; i < 200000; ++i) text += i == 150000 ? "\xBA\xBC\xD6\xDD,0.25\n" : "ab,0.5\n";
  Frame f = parse_csv(text, "late.csv");
  ASSERT_EQ(f.nrows(), 200000u);
  EXPECT_EQ(f.get("city").text(150000), "杭州");
  EXPECT_EQ(f.get("x").values[150000], 0.25);
  EXPECT_EQ(f.get("x").values[199999], 0.5);
  EXPECT_TRUE(has_note(f, "GB18030"));
  CsvOptions o;
  o.encoding = "utf-8";
  expect_refused(text, "late.csv", o, {"late.csv line 150002"});
  // Valid UTF-8 throughout (a UTF-8 name late in the file) is read as it is, with no note.
  text.replace(text.find("\xBA\xBC\xD6\xDD"), 4, "杭州");
  Frame utf8 = parse_csv(text, "late.csv");
  EXPECT_EQ(utf8.get("city").text(150000), "杭州");
  EXPECT_TRUE(utf8.notes().empty());
}

// UTF-8 rows with Chinese names and then a GBK row: decoding the whole file as GB18030 turned 北京
// into 鍖椾含 with only the "read as GB18030" note; the mix is refused naming the line, and a file
// declared GBK is read as declared.
TEST(CsvMessyInput, Utf8RowsFollowedByGbkAreRefusedAsMixed) {
  const std::string mixed = "city,x\n北京,1\n上海,2\n\xBA\xBC\xD6\xDD,3\n";
  expect_refused(mixed, "m.csv", CsvOptions{}, {"m.csv: lines 1 to 3 are UTF-8", "line 4 is not", "mixes encodings"});
  // ASCII before the GBK row is no evidence of UTF-8: the file is GBK.
  Frame gbk = parse_csv("city,x\nab,1\n\xBA\xBC\xD6\xDD,3\n", "g.csv");
  EXPECT_EQ(gbk.get("city").text(1), "杭州");
}

TEST(CsvMessyInput, Utf16WithAndWithoutByteOrderMark) {
  const std::string ascii = "id,x\n1,2\n";
  std::string le = "\xFF\xFE", be = "\xFE\xFF", bare;
  for (char c : ascii) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
    bare += c;
    bare += '\0';
  }
  for (const std::string* t : {&le, &be, &bare}) {
    Frame f = parse_csv(*t, "u.csv");
    ASSERT_EQ(f.ncols(), 2u);
    EXPECT_EQ(f.get("x").values[0], 2.0);
    EXPECT_TRUE(has_note(f, "UTF-16"));
  }
}

TEST(CsvMessyInput, Utf8ValidationFollowsRfc3629) {
  EXPECT_EQ(first_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("杭州 \xF0\x9F\x98\x80"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("ab\xC0\xAF"), 2u);       // overlong '/'
  EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1u);    // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("a\xE6\x9D"), 1u);        // truncated
  std::string big(5u << 20, 'a');
  big[(5u << 20) - 3] = '\xFF';
  EXPECT_EQ(first_invalid_utf8(big), (5u << 20) - 3);
  EXPECT_EQ(printable(std::string("a\0b\xFF", 4)), "a\\x00b\\xFF");
  // A long cell is quoted by its first 60 bytes, cut at a character's start, and its length.
  EXPECT_EQ(printable(std::string(100, 'x')), std::string(60, 'x') + "... (100 bytes)");
  std::string accents = "a";
  for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";  // é
  EXPECT_EQ(printable(accents), accents.substr(0, 59) + "... (81 bytes)");
  EXPECT_EQ(printable(std::string(60, 'y')), std::string(60, 'y'));
}

TEST(CsvMessyInput, NulAndControlBytesAreShownNotEmitted) {
  Frame f = parse_csv(std::string("x\n1\n2\n3\n\0\n", 10), "z.csv");
  EXPECT_TRUE(f.get("x").is_numeric());
  EXPECT_TRUE(has_note(f, "'\\x00'"));
}

TEST(CsvMessyInput, SeparatorsNamedByUsers) {
  EXPECT_EQ(parse_separator("tab", "--delimiter"), '\t');
  EXPECT_EQ(parse_separator(";", "--delimiter"), ';');
  EXPECT_EQ(parse_separator("space", "--thousands"), ' ');
  EXPECT_THROW(parse_separator(";;", "--delimiter"), SpecError);
}
