// The reader's first-pass line count (line_count.hpp) against a byte-by-byte reference on random
// texts: every length around the sixteen-byte steps and the 255-step lane flush, blank lines,
// carriage returns, quotes and bytes outside ASCII anywhere.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "cbec/io/line_count.hpp"

using namespace cbec;

namespace {

// Line starts in text[from, to); whether a quote or a non-ASCII byte occurs there; whether a line
// after a '\n' in the block, or its first line, is blank ("" or "\r" before '\n').
struct Reference {
  size_t lines = 0;
  bool quote = false, non_ascii = false, blank = false;
};

Reference reference(const std::string& t, size_t from, size_t to) {
  Reference r;
  for (size_t p = from; p < to;) {
    size_t e = t.find('\n', p);
    if (e == std::string::npos || e >= to) e = to;
    ++r.lines;
    if (t[p] == '\n' || (t[p] == '\r' && p + 1 < t.size() && t[p + 1] == '\n')) r.blank = true;
    p = e + 1;
  }
  for (size_t i = from; i < to; ++i) {
    r.quote = r.quote || t[i] == '"';
    r.non_ascii = r.non_ascii || static_cast<unsigned char>(t[i]) >= 0x80;
  }
  return r;
}

void expect_counts(const std::string& t, size_t from, size_t to) {
  const Reference r = reference(t, from, to);
  const LineCount c = count_lines(t, from, to);
  ASSERT_EQ(c.lines, r.lines) << "length " << to - from;
  EXPECT_EQ(c.quote, r.quote);
  EXPECT_EQ(c.non_ascii, r.non_ascii);
  if (r.blank) EXPECT_TRUE(c.maybe_blank) << "a blank line must be flagged";
}

}  // namespace

TEST(LineCount, EqualsTheLineByLineCount) {
  std::mt19937_64 rng(42);
  const std::string alphabet = "0123456789.,-abc";
  for (int trial = 0; trial < 3000; ++trial) {
    const size_t length = trial < 600 ? static_cast<size_t>(trial % 80 + 1) : 1 + rng() % 9000;
    std::string t;
    for (size_t i = 0; i < length; ++i) {
      const uint64_t u = rng() % 100;
      if (u < 6) t += '\n';
      else if (u == 6 && trial % 3 == 0) t += '\r';
      else if (u == 7 && trial % 5 == 0) t += '"';
      else if (u == 8 && trial % 7 == 0) t += static_cast<char>(0xC3);
      else t += alphabet[rng() % alphabet.size()];
    }
    // Blocks as the reader cuts them: from a line start to just after a '\n' (or the end).
    for (size_t from = 0; from < t.size();) {
      size_t to = t.find('\n', from + rng() % 3000);
      to = to == std::string::npos ? t.size() : to + 1;
      expect_counts(t, from, to);
      from = to;
    }
  }
}

TEST(LineCount, FlagsBlankLinesAndCountsLongRuns) {
  const std::string rows = std::string(5000 * 16, 'x');
  std::string t;
  for (int i = 0; i < 3; ++i) t += rows + "\n";
  expect_counts(t, 0, t.size());
  EXPECT_FALSE(count_lines(t, 0, t.size()).maybe_blank);
  for (const std::string blank : {std::string("\n"), std::string("\r\n")}) {
    const std::string with_blank = std::string(40, 'a') + "\n" + blank + std::string(40, 'b') + "\n";
    EXPECT_TRUE(count_lines(with_blank, 0, with_blank.size()).maybe_blank);
    EXPECT_TRUE(count_lines(blank + "a\n", 0, blank.size() + 2).maybe_blank);  // the block's first line
  }
  EXPECT_EQ(count_lines("a,b\nc,d", 0, 7).lines, 2u);  // no final newline
  const std::string newlines(20000, '\n');  // a newline in every byte lane at every step
  expect_counts(newlines, 0, newlines.size());
}
