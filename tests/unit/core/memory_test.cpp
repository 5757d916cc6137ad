// resize_resident (core/memory.hpp) sizes a vector as resize does, whether or not the pages are
// made resident first: new values zero, old ones kept, below and above the megabyte from which it
// asks the kernel.
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(ResizeResident, ShrinksAsResizeDoes) {
  std::vector<double> v(3000000, 1.0);
  resize_resident(v, 7);
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(v[6], 1.0);
}
