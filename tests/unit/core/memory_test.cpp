// resize_resident (core/memory.hpp) sizes a vector as resize does, whether or not the pages are
// made resident first: new values zero (or the value given), old ones kept, below and above the
// megabyte from which it asks the kernel; make_resident, in shares on the threads, leaves what a
// block holds unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cbec/core/memory.hpp"

using namespace cbec;

TEST(ResizeResident, GrowsWithZerosAndKeepsTheValues) {
  for (const size_t n : {size_t{0}, size_t{10}, size_t{1} << 17, (size_t{1} << 17) + 3, size_t{3000000}}) {
    std::vector<double> v(5, 2.5);
    resize_resident(v, n);
    ASSERT_EQ(v.size(), n);
    for (size_t i = 0; i < std::min<size_t>(5, n); ++i) EXPECT_EQ(v[i], 2.5);
    EXPECT_TRUE(std::all_of(v.begin() + static_cast<long>(std::min<size_t>(5, n)), v.end(), [](double x) { return x == 0.0; })) << n;
  }
}

TEST(ResizeResident, FillsWithTheValueGiven) {
  for (const size_t n : {size_t{3}, size_t{3000001}}) {
    std::vector<int32_t> v(2, 7);
    resize_resident(v, n, int32_t{-1});
    ASSERT_EQ(v.size(), n);
    EXPECT_EQ(v[1], 7);
    EXPECT_TRUE(std::all_of(v.begin() + 2, v.end(), [](int32_t x) { return x == -1; })) << n;
  }
}

TEST(MakeResident, LeavesWhatABlockHoldsUnchanged) {
  // 24 MB (22.9 MiB): two 8 MiB shares of whole pages and a partial one, the range not page-aligned
  // at either end.
  std::vector<double> v(3000000);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i) + 0.5;
  make_resident(v.data() + 3, (v.size() - 7) * sizeof(double));
  make_resident(v.data(), 100);  // below a megabyte: nothing asked
  for (size_t i = 0; i < v.size(); ++i) ASSERT_EQ(v[i], static_cast<double>(i) + 0.5) << i;
}

TEST(ResizeResident, ShrinksAsResizeDoes) {
  std::vector<double> v(3000000, 1.0);
  resize_resident(v, 7);
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(v[6], 1.0);
}
