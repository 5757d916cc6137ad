// MappedFile (io/mapped_file.hpp): the file's bytes through the mapping and copied out by read
// calls are the same, at any offset and length within the file; a range beyond its end is refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cbec/core/error.hpp"
#include "cbec/io/mapped_file.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

TEST(MappedFile, CopiesTheBytesTheMappingHolds) {
  const cbec::testing::ScratchFolder scratch;
  const std::string path = scratch.path("mapped.bin");
  std::string bytes(3 << 20, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 23);
  std::ofstream(path, std::ios::binary) << bytes;
  {
    const MappedFile file(path);
    ASSERT_EQ(file.text(), bytes);
    for (const auto& [offset, n] : std::vector<std::pair<size_t, size_t>>{{0, 0}, {0, bytes.size()}, {100, 5000}, {4095, 2}, {bytes.size() - 1, 1}}) {
      std::string out(n, '\0');
      ASSERT_TRUE(file.copy(offset, n, out.data())) << offset;
      EXPECT_EQ(out, bytes.substr(offset, n)) << offset;
    }
    std::string out(10, '\0');
    EXPECT_FALSE(file.copy(bytes.size() - 5, 10, out.data()));
    EXPECT_FALSE(file.copy(bytes.size() + 1, 0, out.data()));
  }
}

TEST(MappedFile, AMissingFileIsADataErrorNamingIt) {
  try {
    MappedFile file("/nonexistent/cbec_no_such.csv");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/cbec_no_such.csv"), std::string::npos);
  }
}
