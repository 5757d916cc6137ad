#include "cbec/io/plain_decimal.hpp"

#include <fast_float/fast_float.h>
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

using namespace cbec;

namespace {

// The fast path's verdict on `cell` followed by `tail`, read with the given bytes after it: a short
// tail takes the byte-by-byte digits, a long one the eight-byte steps.
struct Read {
  bool taken;
  double value;
  size_t length;
};

Read read_plain(const std::string& cell, const std::string& tail) {
  const std::string text = cell + tail;
  double v = -12345;
  const char* end = parse_plain_decimal(text.data(), text.data() + text.size(), v);
  return {end != nullptr, v, end ? static_cast<size_t>(end - text.data()) : 0};
}

// Whether the fast path agrees with fast_float on the cell, with a short and a long tail: when it
// takes the cell it reads exactly the whole cell to the same double (bit for bit, so -0 too).
void expect_agrees(const std::string& cell) {
  double expected = 0;
  const auto res = fast_float::from_chars(cell.data(), cell.data() + cell.size(), expected);
  for (const std::string tail : {std::string(","), std::string(",") + std::string(40, '7') + "\n"}) {
    const Read r = read_plain(cell, tail);
    if (!r.taken) continue;
    ASSERT_EQ(res.ec, std::errc()) << cell;
    ASSERT_EQ(res.ptr, cell.data() + cell.size()) << cell;
    ASSERT_EQ(r.length, cell.size()) << cell << " tail " << tail.size();
    uint64_t a, b;
    std::memcpy(&a, &r.value, 8);
    std::memcpy(&b, &expected, 8);
    ASSERT_EQ(a, b) << cell << " read " << r.value << " fast_float " << expected;
  }
}

// The bounded reader (the field's end known) on `cell` preceded directly by `before` (its bytes
// must not leak into the value): when it takes the cell, the same double as fast_float's, bit for bit.
// Returns whether it took the cell.
bool bounded_agrees(const std::string& cell, const std::string& before) {
  const std::string text = before + cell;
  double v = -12345;
  if (!parse_bounded_decimal(text.data() + before.size(), text.data() + text.size(), v)) return false;
  double expected = 0;
  const auto res = fast_float::from_chars(cell.data(), cell.data() + cell.size(), expected);
  EXPECT_EQ(res.ec, std::errc()) << cell;
  EXPECT_EQ(res.ptr, cell.data() + cell.size()) << cell;
  uint64_t a, b;
  std::memcpy(&a, &v, 8);
  std::memcpy(&b, &expected, 8);
  EXPECT_EQ(a, b) << cell << " after '" << before << "' read " << v << " fast_float " << expected;
  return true;
}

// Whether the bounded reader must take the cell: every plain decimal parse_plain_decimal takes (at
// most 19 digits, a significand below 2^53) but those with more than 8 whole digits before a point.
bool bounded_must_take(const std::string& cell) {
  const std::string digits = cell[0] == '-' ? cell.substr(1) : cell;
  const size_t point = digits.find('.');
  double v;
  const char* end = parse_plain_decimal(cell.data(), cell.data() + cell.size(), v);
  return end == cell.data() + cell.size() && (point == std::string::npos || point <= 8);
}

void expect_bounded_agrees(const std::string& cell) {
  for (const std::string before : {std::string(32, '9'), std::string(32, '.'), std::string(31, '5') + ","}) {
    const bool taken = bounded_agrees(cell, before);
    if (bounded_must_take(cell)) EXPECT_TRUE(taken) << cell << " after '" << before << "'";
  }
}

}  // namespace

TEST(PlainDecimal, BoundedReaderTakesTheCommonFormsAndLeavesTheRest) {
  const std::string before(32, '7');
  for (const char* cell : {"-0.042940580935889", "2001", "98", "1", "0", "-0.0", "12345678.1234567", "0.000000000000001", "0.0956755701684344",
                           "0.000000000000000012", "9007199254740991", "1234567890123456"})
    EXPECT_TRUE(bounded_agrees(cell, before)) << cell;
  for (const char* cell : {"+1", ".5", "5.", "-", "", "abc", "1.5e3", "1,5", " 5", "5 ", "1..5", "1.2.3", "--5", "-.5", "1-5",
                           "123456789.5", "1.123456789012345678", "12345678901234567", "0.0000000000000000000", "9007199254740992", "900719925474.0992",
                           "1.5\r", "\xC2\xB9"})
    EXPECT_FALSE(bounded_agrees(cell, before)) << cell;
  double v = 0;
  const std::string negative_zero = before + "-0.000";
  ASSERT_TRUE(parse_bounded_decimal(negative_zero.data() + before.size(), negative_zero.data() + negative_zero.size(), v));
  EXPECT_TRUE(std::signbit(v));
}

TEST(PlainDecimal, ReadsThePlainFormsAndLeavesTheRest) {
  for (const std::string tail : {std::string(","), std::string(",") + std::string(40, '1')}) {
    EXPECT_TRUE(read_plain("-0.042940580935889", tail).taken);
    EXPECT_DOUBLE_EQ(read_plain("-0.042940580935889", tail).value, -0.042940580935889);
    EXPECT_EQ(read_plain("2001", tail).value, 2001.0);
    EXPECT_EQ(read_plain("2001.5", tail).length, 6u);
    // Not plain: left to fast_float.
    for (const char* other : {"+1", ".5", "5.", "-", "", "abc"}) EXPECT_FALSE(read_plain(other, tail).taken) << other;
    // An exponent stops the plain digits; the caller sees the 'e' and gives the cell to fast_float.
    EXPECT_EQ(read_plain("1.5e3", tail).length, 3u);
    // More than 19 digits, or a significand of 2^53 or more: not exact by one division.
    EXPECT_FALSE(read_plain("12345678901234567890", tail).taken);
    EXPECT_FALSE(read_plain("0.00000000000000000001", tail).taken);
    EXPECT_FALSE(read_plain("9007199254740992", tail).taken);
    EXPECT_TRUE(read_plain("9007199254740991", tail).taken);
    EXPECT_FALSE(read_plain("900719925474.0992", tail).taken);
    EXPECT_FALSE(read_plain("1234567890123456789012345", tail).taken);
  }
  EXPECT_TRUE(std::signbit(read_plain("-0.0", ",").value));
}

TEST(PlainDecimal, EqualsFastFloatBitForBit) {
  // Edge cells: every length of a digit run across the eight-byte steps, leading zeros, 2^53 - 1.
  for (int digits = 1; digits <= 24; ++digits)
    for (int point = 0; point <= digits; ++point) {
      std::string run;
      for (int d = 0; d < digits; ++d) run += static_cast<char>('1' + (d * 7) % 9);
      std::string cell = point == 0 ? run : run.substr(0, static_cast<size_t>(point)) + (point < digits ? "." + run.substr(static_cast<size_t>(point)) : "");
      for (const std::string& c : {cell, "-" + cell, "0.000" + run.substr(0, static_cast<size_t>(std::min(digits, 16)))}) {
        expect_agrees(c);
        expect_bounded_agrees(c);
      }
    }
  // Random plain decimals: 1 to 20 digits, the point anywhere, leading zeros and signs.
  std::mt19937_64 rng(20261202);
  for (int i = 0; i < 300000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 20);
    std::string run;
    for (int d = 0; d < digits; ++d) run += static_cast<char>('0' + rng() % 10);
    const int point = static_cast<int>(rng() % static_cast<uint64_t>(digits + 1));
    std::string cell = run.substr(0, static_cast<size_t>(std::max(point, 1)));
    if (point > 0 && point < digits) cell += "." + run.substr(static_cast<size_t>(point));
    if (rng() % 2) cell = "-" + cell;
    expect_agrees(cell);
    expect_bounded_agrees(cell);
  }
}
