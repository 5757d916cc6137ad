#include "cbec/io/text_encoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <omp.h>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"

namespace cbec {

namespace {

unsigned char byte_at(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

bool starts_with_bytes(std::string_view s, std::initializer_list<unsigned char> bom) {
  if (s.size() < bom.size()) return false;
  size_t i = 0;
  for (unsigned char b : bom)
    if (byte_at(s, i++) != b) return false;
  return true;
}

// UTF-16 without a byte-order mark: text in it has a zero byte in every other position for the
// ASCII characters (header names, digits, delimiters). Returns "UTF-16LE", "UTF-16BE" or "".
std::string utf16_by_zero_bytes(std::string_view s) {
  const size_t n = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  if (n < 4) return "";
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_zero += byte_at(s, i) == 0;
    odd_zero += byte_at(s, i + 1) == 0;
  }
  const size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 6 && even_zero * 10 < pairs) return "UTF-16LE";
  if (even_zero * 10 >= pairs * 6 && odd_zero * 10 < pairs) return "UTF-16BE";
  return "";
}

// The first invalid sequence starting in [from, to) of s (sequences may run past `to`).
size_t scan_utf8(std::string_view s, size_t from, size_t to) {
  const size_t n = s.size();
  size_t i = from;
  while (i < to) {
    // Runs of ASCII, thirty-two bytes and then eight at a time.
    while (i + 32 <= to) {
      uint64_t w[4];
      std::memcpy(w, s.data() + i, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) break;
      i += 32;
    }
    while (i + 8 <= to) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= to) break;
    const unsigned char c = byte_at(s, i);
    if (c < 0x80) { ++i; continue; }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;   // allowed range of the second byte (RFC 3629, table 3-7)
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else return i;
    if (i + len > n) return i;
    const unsigned char c1 = byte_at(s, i + 1);
    if (c1 < lo || c1 > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((byte_at(s, i + k) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

size_t first_invalid_utf8(std::string_view s) {
  const size_t n = s.size();
  const int threads = n < (size_t{1} << 22) ? 1 : std::max(1, omp_get_max_threads());
  if (threads == 1) return scan_utf8(s, 0, n);
  // Pieces start at a byte that begins a character (not a continuation byte 10xxxxxx).
  std::vector<size_t> cut = {0};
  for (int t = 1; t < threads; ++t) {
    size_t p = n * static_cast<size_t>(t) / static_cast<size_t>(threads);
    for (int k = 0; k < 3 && p < n && (byte_at(s, p) & 0xC0) == 0x80; ++k) ++p;
    cut.push_back(std::max(p, cut.back()));
  }
  cut.push_back(n);
  std::vector<size_t> found(static_cast<size_t>(threads), std::string_view::npos);
#pragma omp parallel for num_threads(threads)
  for (int t = 0; t < threads; ++t) found[static_cast<size_t>(t)] = scan_utf8(s, cut[static_cast<size_t>(t)], cut[static_cast<size_t>(t) + 1]);
  for (size_t f : found)
    if (f != std::string_view::npos) return f;
  return std::string_view::npos;
}

size_t line_of_offset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string convert_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& source) {
  iconv_t cd = ::iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw SpecError(fmt::format("{}: unknown encoding '{}'; use utf-8, gbk, gb18030, utf-16 or latin1", source, encoding));
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t written = 0;
  while (in_left > 0) {
    char* dst = out.data() + written;
    size_t out_left = out.size() - written;
    const size_t r = ::iconv(cd, &in, &in_left, &dst, &out_left);
    written = out.size() - out_left;
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const size_t at = bytes.size() - in_left;
    ::iconv_close(cd);
    // The line counted in the converted text: in UTF-16 a newline is two bytes.
    const size_t line = line_of_offset(std::string_view(out.data(), written), written);
    throw DataError(fmt::format("{} line {}: the bytes at offset {} are not valid {}{}; declare the file's encoding "
                                "(--encoding, or encoding in the study's [data]) or save it as UTF-8",
                                source, line, at, encoding, errno == EINVAL ? " (the file ends inside a character)" : ""));
  }
  ::iconv_close(cd);
  out.resize(written);
  return out;
}

DecodedText decode_text(std::string_view bytes, const std::string& source, const std::string& declared, bool check_utf8) {
  DecodedText d;
  std::string lower = lower_ascii(declared);
  if (lower == "utf8") lower = "utf-8";
  if (!declared.empty() && lower != "utf-8") {
    d.encoding = declared;
    d.converted = convert_to_utf8(bytes, declared, source);
    if (d.converted->size() >= 3 && starts_with_bytes(*d.converted, {0xEF, 0xBB, 0xBF})) d.converted->erase(0, 3);
    return d;
  }
  if (starts_with_bytes(bytes, {0xEF, 0xBB, 0xBF})) d.skip = 3;
  if (declared.empty()) {
    std::string utf16;
    if (starts_with_bytes(bytes, {0xFF, 0xFE})) utf16 = "UTF-16LE";
    else if (starts_with_bytes(bytes, {0xFE, 0xFF})) utf16 = "UTF-16BE";
    if (!utf16.empty()) bytes.remove_prefix(2);
    else utf16 = utf16_by_zero_bytes(bytes);
    if (!utf16.empty()) {
      d.encoding = utf16;
      d.detected = true;
      d.converted = convert_to_utf8(bytes, utf16, source);
      return d;
    }
  }
  const std::string_view body = bytes.substr(d.skip);
  const size_t bad = check_utf8 ? first_invalid_utf8(body) : std::string_view::npos;
  if (bad == std::string_view::npos) {
    d.encoding = "UTF-8";
    d.detected = declared.empty();
    return d;
  }
  if (!declared.empty())
    throw DataError(fmt::format("{} line {}: the file is declared UTF-8 but has bytes that are not UTF-8 ({}); "
                                "Chinese Excel saves CSV as GBK: declare --encoding gbk, or save the file as UTF-8",
                                source, line_of_offset(body, bad), printable(body.substr(bad, 4))));
  // The text before the first byte that is not UTF-8 is UTF-8; when it holds Chinese characters
  // (two at least: a GBK text reads as valid UTF-8 that long only by rare chance), the file mixes
  // encodings, and decoding it all as GB18030 would garble those rows (北京 read as 鍖椾含).
  size_t wide = 0;
  for (size_t i = 0; i < bad && wide < 2; ++i) wide += static_cast<unsigned char>(body[i]) >= 0xE0;
  if (wide >= 2)
    throw DataError(fmt::format("{}: lines 1 to {} are UTF-8 with Chinese characters but line {} is not ({}): the file mixes encodings "
                                "(rows pasted from a GBK file?); save it in one encoding, or declare --encoding gb18030 if it is all GBK",
                                source, line_of_offset(body, bad) - 1, line_of_offset(body, bad), printable(body.substr(bad, 4))));
  d.encoding = "GB18030";
  d.detected = true;
  try {
    d.converted = convert_to_utf8(body, "GB18030", source);
  } catch (const DataError&) {
    throw DataError(fmt::format("{} line {}: the file is neither UTF-8 nor GBK/GB18030 (bytes {}); declare its encoding "
                                "with --encoding (e.g. utf-16, big5, latin1) or save it as UTF-8",
                                source, line_of_offset(body, bad), printable(body.substr(bad, 4))));
  }
  return d;
}

std::string printable(std::string_view s) {
  constexpr size_t kShown = 60;  // bytes of a long text quoted, cut at a character's start
  if (s.size() > kShown) {
    size_t cut = kShown;
    while (cut > 0 && (byte_at(s, cut) & 0xC0) == 0x80) --cut;
    return fmt::format("{}... ({} bytes)", printable(s.substr(0, cut)), s.size());
  }
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t bad = first_invalid_utf8(s.substr(i));
    const size_t stop = bad == std::string_view::npos ? s.size() : i + bad;
    for (; i < stop; ++i) {
      const unsigned char c = byte_at(s, i);
      if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
      else out += static_cast<char>(c);
    }
    if (i < s.size()) out += fmt::format("\\x{:02X}", byte_at(s, i++));
  }
  return out;
}

}  // namespace cbec
