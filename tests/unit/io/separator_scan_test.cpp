// The reader's separator list (separator_scan.hpp) against a byte-by-byte search on random texts:
// dense and sparse separators (more than eight in a 64-byte block, none in a whole span), every
// text length around the 64-byte blocks and the span, restarts at any position, the tab delimiter.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "cbec/io/separator_scan.hpp"

using namespace cbec;

namespace {

// The positions of delim and '\n' in t from `from` on, then t's size.
std::vector<size_t> reference(const std::string& t, size_t from, char delim) {
  std::vector<size_t> at;
  for (size_t i = from; i < t.size(); ++i)
    if (t[i] == delim || t[i] == '\n') at.push_back(i);
  at.push_back(t.size());
  return at;
}

std::string random_text(std::mt19937_64& rng, size_t length, int separators_in_100, char delim) {
  std::string t(length, 'x');
  std::uniform_int_distribution<int> percent(0, 99), kind(0, 3);
  for (auto& c : t)
    if (percent(rng) < separators_in_100) c = kind(rng) == 0 ? '\n' : delim;
    else c = "0123456789.-\r\""[percent(rng) % 14];
  return t;
}

}  // namespace

TEST(SeparatorScan, ListsEveryDelimiterAndNewlineInOrder) {
  std::mt19937_64 rng(7);
  for (const char delim : {',', '\t'})
    for (const int density : {0, 1, 7, 30, 100})
      for (const size_t length : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, size_t{1023}, size_t{1024}, size_t{1025},
                                  size_t{3000}, size_t{5000}}) {
        const std::string t = random_text(rng, length, density, delim);
        for (const size_t from : {size_t{0}, length / 3, length}) {
          SeparatorScan scan(t, from, delim);
          const std::vector<size_t> expected = reference(t, from, delim);
          for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(scan.next(), expected[i]) << "length " << length << " density " << density << " from " << from << " separator " << i;
          EXPECT_EQ(scan.next(), t.size());  // and again once none is left
        }
      }
}

TEST(SeparatorScan, RestartContinuesFromTheGivenPosition) {
  std::mt19937_64 rng(11);
  const std::string t = random_text(rng, 20000, 12, ',');
  std::uniform_int_distribution<size_t> jump(1, 2500);
  SeparatorScan scan(t, 0, ',');
  size_t p = 0;
  for (int step = 0; step < 200 && p < t.size(); ++step) {
    const std::vector<size_t> expected = reference(t, p, ',');
    for (size_t i = 0; i < std::min<size_t>(5, expected.size()); ++i) ASSERT_EQ(scan.next(), expected[i]) << "after a restart at " << p;
    p = std::min(t.size(), p + jump(rng));
    scan.restart(p);
  }
}

TEST(SeparatorScan, RestartAfterEveryFieldWalksTheSameSeparators) {
  // As the reader does after a cell read by the general rules: restart just past the field's end.
  std::mt19937_64 rng(5);
  const std::string t = random_text(rng, 9000, 15, ',');
  const std::vector<size_t> expected = reference(t, 0, ',');
  SeparatorScan scan(t, 0, ',');
  for (size_t i = 0; i < expected.size(); ++i) {
    const size_t at = scan.next();
    ASSERT_EQ(at, expected[i]) << "separator " << i;
    if (i % 3 != 2) scan.restart(std::min(t.size(), at + 1));
  }
}
