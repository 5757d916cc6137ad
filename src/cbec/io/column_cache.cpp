#include "cbec/io/column_cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "cbec/core/error.hpp"
#include "cbec/core/memory.hpp"
#include "cbec/io/checksum.hpp"
#include "cbec/io/mapped_file.hpp"

namespace cbec {

namespace {

// Layout (native byte order; the magic would not match on a machine of the other order):
//   "CBECCOL1" | u64 key length, key | u64 meta length, u64 meta hash, meta | column data
//   meta: u64 rows, u64 columns, u64 notes, each note (u64 length, bytes);
//         per column: name, u8 type, label, u64 levels, each level, u64 data offset (from the
//         start of the column data), u64 data length, u64 data hash
//   column data: each numeric column's doubles, each text column's int32 codes.
constexpr char kMagic[8] = {'C', 'B', 'E', 'C', 'C', 'O', 'L', '1'};
constexpr size_t kKeyBytes = size_t{64} << 10;   // hashed from each end of the CSV

// xxHash64 (Y. Collet, https://github.com/Cyan4973/xxHash, XXH64 specification), one shot.
constexpr uint64_t P1 = 0x9E3779B185EBCA87ULL, P2 = 0xC2B2AE3D27D4EB4FULL, P3 = 0x165667B19E3779F9ULL,
                   P4 = 0x85EBCA77C2B2AE63ULL, P5 = 0x27D4EB2F165667C5ULL;
uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
uint64_t read64(const unsigned char* p) { uint64_t v; std::memcpy(&v, p, 8); return v; }
uint32_t read32(const unsigned char* p) { uint32_t v; std::memcpy(&v, p, 4); return v; }
uint64_t round64(uint64_t acc, uint64_t input) { return rotl(acc + input * P2, 31) * P1; }
uint64_t merge64(uint64_t acc, uint64_t v) { return (acc ^ round64(0, v)) * P1 + P4; }

uint64_t xxh64(const void* data, size_t len) {
  const auto* p = static_cast<const unsigned char*>(data);
  const unsigned char* const end = p + len;
  uint64_t h;
  if (len >= 32) {
    uint64_t v1 = P1 + P2, v2 = P2, v3 = 0, v4 = 0 - P1;
    for (; p + 32 <= end; p += 32) {
      v1 = round64(v1, read64(p));
      v2 = round64(v2, read64(p + 8));
      v3 = round64(v3, read64(p + 16));
      v4 = round64(v4, read64(p + 24));
    }
    h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
    h = merge64(merge64(merge64(merge64(h, v1), v2), v3), v4);
  } else {
    h = P5;
  }
  h += len;
  for (; p + 8 <= end; p += 8) h = rotl(h ^ round64(0, read64(p)), 27) * P1 + P4;
  if (p + 4 <= end) { h = rotl(h ^ (uint64_t{read32(p)} * P1), 23) * P2 + P3; p += 4; }
  for (; p < end; ++p) h = rotl(h ^ (*p * P5), 11) * P1;
  h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32;
  return h;
}

// Why a cache file cannot be trusted (read_cache), said in the frame's note.
struct Damaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What identifies the parse a cache holds: the file (path as given, size, mtime, its ends) and
// every reading option. nullopt when the file cannot be examined (read_csv then reports why).
std::optional<std::string> cache_key(const std::string& path, const CsvOptions& o) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { ::close(fd); return std::nullopt; }
  const size_t size = static_cast<size_t>(st.st_size);
  std::string ends(std::min(size, kKeyBytes), '\0');
  std::string tail(size > kKeyBytes ? std::min(size - kKeyBytes, kKeyBytes) : 0, '\0');
  const bool read = ::pread(fd, ends.data(), ends.size(), 0) == static_cast<ssize_t>(ends.size()) &&
                    ::pread(fd, tail.data(), tail.size(), static_cast<off_t>(size - tail.size())) == static_cast<ssize_t>(tail.size());
  ::close(fd);
  if (!read) return std::nullopt;
  std::string key = fmt::format("cbec column cache 2\npath {}\nsize {}\nmtime {}.{:09d}\nends {}\n", path, size,
                                static_cast<long long>(st.st_mtim.tv_sec), static_cast<long>(st.st_mtim.tv_nsec), sha256_text(ends + tail));
  key += fmt::format("delimiter {}\nencoding {}\nthousands {}\npercent {}\n", static_cast<int>(o.delimiter), o.encoding,
                     static_cast<int>(o.thousands), o.percent);
  for (const auto& m : o.missing) key += fmt::format("missing {}:{}\n", m.size(), m);
  for (const auto& s : o.string_columns) key += fmt::format("text {}:{}\n", s.size(), s);
  return key;
}

// Bounds-checked reads of the mapped cache.
struct Reader {
  const char* p;
  const char* end;
  const char* take(size_t n) {
    if (n > static_cast<size_t>(end - p)) throw Damaged("it is shorter than its contents say");
    const char* at = p;
    p += n;
    return at;
  }
  uint64_t u64() { uint64_t v; std::memcpy(&v, take(8), 8); return v; }
  uint8_t u8() { return static_cast<uint8_t>(*take(1)); }
  std::string text() { const uint64_t n = u64(); return std::string(take(n), n); }
};

// The n bytes of `file` from `offset` copied to `into` through `buffer` (kCopyBuffer bytes) by read
// calls (MappedFile::copy), not through the mapping: on a paravirtualized host a page costs a fault
// on its first touch from each side (a mapped page read; a page the kernel's copy writes for the
// first time), so the buffer's pages are touched once and the column's once (bench/RESULTS.md,
// session 28). False when the file does not hold them.
constexpr size_t kCopyBuffer = size_t{4} << 20;
bool copy_through(const MappedFile& file, size_t offset, size_t n, char* into, std::vector<char>& buffer) {
  for (size_t at = 0; at < n; at += kCopyBuffer) {
    const size_t part = std::min(kCopyBuffer, n - at);
    if (!file.copy(offset + at, part, buffer.data())) return false;
    std::memcpy(into + at, buffer.data(), part);
  }
  return true;
}

// The frame in the cache, or nullopt when the cache is of another file state or other options.
std::optional<Frame> read_cache(const std::string& cache, const std::string& key, const std::string& source) {
  if (::access(cache.c_str(), F_OK) != 0) return std::nullopt;
  std::optional<MappedFile> mapped;
  try {
    mapped.emplace(cache);
  } catch (const DataError&) {
    throw Damaged("it cannot be read");
  }
  const std::string_view bytes = mapped->text();
  if (bytes.empty()) throw Damaged("it is empty");
  const char* base = bytes.data();
  Reader r{base, base + bytes.size()};
  if (std::memcmp(r.take(sizeof kMagic), kMagic, sizeof kMagic) != 0) throw Damaged("it is not a cbec column cache");
  if (r.text() != key) return std::nullopt;
  const uint64_t meta_len = r.u64(), meta_hash = r.u64();
  const char* meta = r.take(meta_len);
  if (xxh64(meta, meta_len) != meta_hash) throw Damaged("its column list fails its checksum");
  const char* data = r.p;
  const size_t data_len = static_cast<size_t>(r.end - data);
  Reader mr{meta, meta + meta_len};
  const uint64_t rows = mr.u64(), ncols = mr.u64(), nnotes = mr.u64();
  // Counts no file of this size can hold are refused before anything is allocated for them.
  if (ncols > meta_len / 8 || (ncols > 0 && rows > data_len / sizeof(int32_t))) throw Damaged("its counts exceed its size");
  std::vector<std::string> notes;
  for (uint64_t i = 0; i < nnotes; ++i) notes.push_back(mr.text());
  struct Slice { uint64_t offset, len, hash; };
  std::vector<Column> columns(ncols);
  std::vector<Slice> slices(ncols);
  for (uint64_t j = 0; j < ncols; ++j) {
    Column& c = columns[j];
    c.name = mr.text();
    const uint8_t type = mr.u8();
    if (type > static_cast<uint8_t>(ColumnType::String)) throw Damaged("a column has an unknown type");
    c.type = static_cast<ColumnType>(type);
    c.label = mr.text();
    const uint64_t nlevels = mr.u64();
    for (uint64_t l = 0; l < nlevels; ++l) c.levels.push_back(mr.text());
    Slice& s = slices[j];
    s = {mr.u64(), mr.u64(), mr.u64()};
    const uint64_t width = c.type == ColumnType::String ? sizeof(int32_t) : sizeof(double);
    if (s.len != rows * width || s.offset > data_len || s.len > data_len - s.offset) throw Damaged("a column's data lies outside the file");
  }
  // Each column read into its storage and checked against its checksum there, the columns in parallel.
  std::vector<char> bad(ncols, 0);
  for (Column& c : columns)  // every block allocated before any is populated (make_resident)
    if (c.type != ColumnType::String) c.values.reserve(rows);
  const auto data_offset = static_cast<size_t>(data - base);
#pragma omp parallel
  {
    std::vector<char> buffer(kCopyBuffer);
#pragma omp for schedule(dynamic, 1)
    for (long jj = 0; jj < static_cast<long>(ncols); ++jj) {
      const size_t j = static_cast<size_t>(jj);
      Column& c = columns[j];
      if (c.type == ColumnType::String) c.codes.resize(rows);
      else resize_resident(c.values, rows);
      char* into = c.type == ColumnType::String ? reinterpret_cast<char*>(c.codes.data()) : reinterpret_cast<char*>(c.values.data());
      if (!copy_through(*mapped, data_offset + slices[j].offset, slices[j].len, into, buffer) ||
          (rows > 0 && xxh64(into, slices[j].len) != slices[j].hash)) {
        bad[j] = 1;
        continue;
      }
      const auto nlev = static_cast<int32_t>(c.levels.size());
      if (c.type == ColumnType::String)
        for (int32_t code : c.codes)
          if (code < -1 || code >= nlev) bad[j] = 1;
    }
  }
  for (uint64_t j = 0; j < ncols; ++j)
    if (bad[j]) throw Damaged(fmt::format("the data of column '{}' fails its checksum", columns[j].name));
  Frame frame(source);
  for (auto& c : columns) frame.set(std::move(c));
  for (auto& n : notes) frame.add_note(std::move(n));
  return frame;
}

void put_u64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
void put_text(std::string& out, const std::string& s) { put_u64(out, s.size()); out += s; }

// Writes the cache beside the CSV through a temporary file renamed into place; "" on success, else
// why it could not be written.
std::string write_cache(const std::string& cache, const std::string& key, const Frame& frame) {
  std::string meta;
  put_u64(meta, frame.nrows());
  put_u64(meta, frame.ncols());
  put_u64(meta, frame.notes().size());
  for (const auto& n : frame.notes()) put_text(meta, n);
  uint64_t offset = 0;
  for (const Column& c : frame.columns()) {
    put_text(meta, c.name);
    meta += static_cast<char>(static_cast<uint8_t>(c.type));
    put_text(meta, c.label);
    put_u64(meta, c.levels.size());
    for (const auto& l : c.levels) put_text(meta, l);
    const void* data = c.is_numeric() ? static_cast<const void*>(c.values.data()) : static_cast<const void*>(c.codes.data());
    const uint64_t len = c.is_numeric() ? c.values.size() * sizeof(double) : c.codes.size() * sizeof(int32_t);
    put_u64(meta, offset);
    put_u64(meta, len);
    put_u64(meta, xxh64(data, len));
    offset += len;
  }
  std::string head(kMagic, sizeof kMagic);
  put_text(head, key);
  put_u64(head, meta.size());
  put_u64(head, xxh64(meta.data(), meta.size()));
  const std::string tmp = fmt::format("{}.tmp{}", cache, static_cast<long>(::getpid()));
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return std::strerror(errno);
  bool ok = std::fwrite(head.data(), 1, head.size(), f) == head.size() && std::fwrite(meta.data(), 1, meta.size(), f) == meta.size();
  for (const Column& c : frame.columns()) {
    if (!ok) break;
    if (c.is_numeric()) ok = std::fwrite(c.values.data(), sizeof(double), c.values.size(), f) == c.values.size();
    else ok = std::fwrite(c.codes.data(), sizeof(int32_t), c.codes.size(), f) == c.codes.size();
  }
  const int saved = errno;
  ok = (std::fclose(f) == 0) && ok;
  if (ok && std::rename(tmp.c_str(), cache.c_str()) == 0) return "";
  const std::string why = std::strerror(ok ? errno : saved);
  std::remove(tmp.c_str());
  return why;
}

}  // namespace

std::string column_cache_path(const std::string& csv_path) { return csv_path + ".cbec-cache"; }

Frame read_csv_cached(const std::string& path, const CsvOptions& options) {
  const std::optional<std::string> key = cache_key(path, options);
  if (!key) return read_csv(path, options);
  const std::string cache = column_cache_path(path);
  std::string damage;
  try {
    if (std::optional<Frame> cached = read_cache(cache, *key, path)) return std::move(*cached);
  } catch (const Damaged& e) {
    damage = e.what();
  }
  Frame frame = read_csv(path, options);
  const std::string unwritten = write_cache(cache, *key, frame);
  if (!damage.empty())
    frame.add_note(fmt::format("{}: the column cache '{}' was not used because {}; the file was parsed again",
                               path, cache, damage));
  if (!unwritten.empty())
    frame.add_note(fmt::format("{}: the column cache '{}' could not be written ({}); the file will be parsed again next time",
                               path, cache, unwritten));
  return frame;
}

}  // namespace cbec
