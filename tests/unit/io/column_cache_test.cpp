#include "cbec/io/column_cache.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "cbec/io/read_table.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;
namespace fs = std::filesystem;
using cbec::testing::ScratchFolder;

namespace {

// Messy on purpose: a bad cell in a numeric column (a note), a text column, missing markers, an
// integer column and a quoted field.
const char* kCsv =
    "id,city,x,y\n"
    "1,\"Hangzhou, ZJ\",1.5,NA\n"
    "2,Ningbo,oops,3\n"
    "3,\xE6\xB8\xA9\xE5\xB7\x9E,2e3,\n"
    "4,,..,7\n";

// The same columns bit for bit (NaN included), and the same notes unless `notes` is false.
void expect_same(const Frame& a, const Frame& b, bool notes = true) {
  ASSERT_EQ(a.ncols(), b.ncols());
  ASSERT_EQ(a.nrows(), b.nrows());
  EXPECT_EQ(a.source(), b.source());
  if (notes) EXPECT_EQ(a.notes(), b.notes());
  for (size_t j = 0; j < a.ncols(); ++j) {
    const Column& x = a.columns()[j];
    const Column& y = b.columns()[j];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.type, y.type) << x.name;
    EXPECT_EQ(x.levels, y.levels) << x.name;
    EXPECT_EQ(x.codes, y.codes) << x.name;
    ASSERT_EQ(x.values.size(), y.values.size());
    // Bit for bit (NaN included); text columns have no values, and memcmp takes no null pointers.
    if (!x.values.empty()) EXPECT_EQ(0, std::memcmp(x.values.data(), y.values.data(), x.values.size() * sizeof(double))) << x.name;
  }
}

ino_t inode(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

bool has_note(const Frame& f, const std::string& text) {
  for (const auto& n : f.notes())
    if (n.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ColumnCache, SameFrameAndNotesAsParsing) {
  const ScratchFolder scratch;
  const std::string path = scratch.write("cache_same.csv", kCsv);
  const Frame parsed = read_csv(path);
  ASSERT_TRUE(has_note(parsed, "column 'x': 1 cell is not a number"));   // the bad cell is noted
  const Frame first = read_csv_cached(path, {});                            // parses, writes the cache
  ASSERT_TRUE(fs::exists(column_cache_path(path)));
  const ino_t written = inode(column_cache_path(path));
  const Frame second = read_csv_cached(path, {});                           // reads the cache
  EXPECT_EQ(inode(column_cache_path(path)), written);                       // a hit does not rewrite it
  expect_same(parsed, first);
  expect_same(parsed, second);
  CsvOptions o;
  o.cache = true;
  expect_same(parsed, read_table(path, o));
}

TEST(ColumnCache, ChangedFileOrOptionsAreParsedAgain) {
  const ScratchFolder scratch;
  const std::string path = scratch.write("cache_change.csv", kCsv);
  read_csv_cached(path, {});
  std::string changed = kCsv;
  changed.replace(changed.find("1.5"), 3, "4.5");   // same size
  std::ofstream(path, std::ios::binary) << changed;
  Frame f = read_csv_cached(path, {});
  EXPECT_DOUBLE_EQ(f.get("x").values[0], 4.5);
  std::ofstream(path, std::ios::binary | std::ios::app) << "5,Wenzhou,9,9\n";
  f = read_csv_cached(path, {});
  EXPECT_EQ(f.nrows(), 5u);
  CsvOptions o;
  o.string_columns = {"id"};
  f = read_csv_cached(path, o);
  EXPECT_EQ(f.get("id").type, ColumnType::String);
  expect_same(read_csv(path, o), f);
  expect_same(read_csv(path), read_csv_cached(path, {}));
}

TEST(ColumnCache, DamagedCacheIsParsedAroundWithANote) {
  const ScratchFolder scratch;
  const std::string path = scratch.write("cache_damage.csv", kCsv);
  const Frame parsed = read_csv(path);
  const std::string cache = column_cache_path(path);
  read_csv_cached(path, {});
  const auto size = fs::file_size(cache);
  auto damage = [&](size_t at, char byte) {
    std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(at));
    f.put(byte);
  };
  damage(size - 3, '\x7f');   // inside the last column's data
  Frame f = read_csv_cached(path, {});
  EXPECT_TRUE(has_note(f, "fails its checksum")) << ::testing::PrintToString(f.notes());
  expect_same(parsed, f, false);
  expect_same(parsed, read_csv_cached(path, {}));   // rewritten, then read cleanly
  fs::resize_file(cache, size / 2);
  EXPECT_TRUE(has_note(read_csv_cached(path, {}), "shorter than its contents say"));
  std::ofstream(cache, std::ios::binary) << "not a cache at all";
  EXPECT_TRUE(has_note(read_csv_cached(path, {}), "not a cbec column cache"));
  std::ofstream(cache, std::ios::binary).close();
  EXPECT_TRUE(has_note(read_csv_cached(path, {}), "it is empty"));
  expect_same(parsed, read_csv_cached(path, {}));
}

TEST(ColumnCache, UnwritableCacheIsNotedAndTheDataStillRead) {
  const ScratchFolder scratch;
  const std::string path = scratch.write("cache_unwritable.csv", kCsv);
  fs::create_directory(column_cache_path(path));   // the cache's place is taken by a folder
  const Frame f = read_csv_cached(path, {});
  EXPECT_TRUE(has_note(f, "could not be written")) << ::testing::PrintToString(f.notes());
  EXPECT_EQ(f.nrows(), 4u);
}
