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

}  // namespace

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
      expect_agrees(cell);
      expect_agrees("-" + cell);
      expect_agrees("0.000" + run.substr(0, static_cast<size_t>(std::min(digits, 16))));
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
  }
}
