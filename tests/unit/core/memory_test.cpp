// resize_resident (core/memory.hpp) sizes a vector as resize does, whether or not the pages are
// made resident first: new values zero (or the value given), old ones kept, below and above the
// megabyte from which it asks the kernel; make_resident, in shares on the threads, leaves what a
// block holds unchanged, and asks for huge pages for the block's whole 2 MiB extents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
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

#if defined(__linux__)
// The VmFlags line of the mapping holding `address` in /proc/self/smaps ("" when not found).
static std::string vm_flags_at(uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream range(line);
    if (line.find(':') > line.find('-') && (range >> std::hex >> lo >> dash >> hi) && dash == '-') inside = address >= lo && address < hi;
    else if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

TEST(MakeResident, AsksForHugePagesForWholeExtents) {
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) GTEST_SKIP() << "the kernel has no transparent huge pages";
  std::vector<char> block(size_t{12} << 20);
  const auto begin = reinterpret_cast<uintptr_t>(block.data());
  const uintptr_t extent = (begin + (uintptr_t{2} << 20) - 1) / (uintptr_t{2} << 20) * (uintptr_t{2} << 20);
  make_resident(block.data(), block.size());
  const std::string flags = vm_flags_at(extent);
  if (flags.empty()) GTEST_SKIP() << "/proc/self/smaps names no VmFlags for the block (not a Linux kernel's)";
  const bool huge = flags.find(" hg") != std::string::npos;
  EXPECT_EQ(huge, std::getenv("CBEC_NO_HUGE_PAGES") == nullptr) << flags;
}
#endif
