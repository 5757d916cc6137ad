#pragma once

// The CSV reader's fast path for its commonest cell, a plain decimal such as -0.042940580935889.
// Inline: it runs once per cell of a numeric column.

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cbec {

namespace plain_decimal_detail {

static_assert(std::endian::native == std::endian::little, "the eight-digit step reads bytes little-endian");

// The value of eight ASCII digits read as a little-endian word; Lemire (2021), "Number parsing at a
// gigabyte per second", Software: Practice and Experience 51(8), section 7 (the SWAR step).
inline uint64_t eight_digits_value(uint64_t word) {
  constexpr uint64_t mask = 0x000000FF000000FFULL;
  constexpr uint64_t mul1 = 0x000F424000000064ULL;  // 100 + (1000000 << 32)
  constexpr uint64_t mul2 = 0x0000271000000001ULL;  // 1 + (10000 << 32)
  word -= 0x3030303030303030ULL;
  word = (word * 10) + (word >> 8);
  return (((word & mask) * mul1) + (((word >> 16) & mask) * mul2)) >> 32;
}

// The high bit of each byte that is not an ASCII digit: a byte is flagged when its low seven bits
// are below '0' or above '9' or its high bit is set; no carry crosses bytes.
inline uint64_t non_digit_bytes(uint64_t word) {
  const uint64_t below = ~((word | 0x8080808080808080ULL) - 0x3030303030303030ULL);
  const uint64_t above = (word & 0x7F7F7F7F7F7F7F7FULL) + 0x4646464646464646ULL;
  return (below | above | word) & 0x8080808080808080ULL;
}

// How many of the eight bytes, from the first, are ASCII digits (0 to 8).
inline unsigned leading_digits(uint64_t word) {
  const uint64_t flagged = non_digit_bytes(word);
  return flagged ? static_cast<unsigned>(std::countr_zero(flagged)) >> 3 : 8;
}

// How many of the eight bytes, from the last, are ASCII digits (0 to 8).
inline unsigned trailing_digits(uint64_t word) {
  const uint64_t flagged = non_digit_bytes(word);
  return flagged ? static_cast<unsigned>(std::countl_zero(flagged)) >> 3 : 8;
}

// The last `keep` bytes (0 to 8) of a word, the bytes before them replaced by '0': the value of
// the word's last `keep` digits by one eight-digit conversion. A table, since a shift by 64 is undefined.
inline uint64_t last_bytes_as_digits(uint64_t word, unsigned keep) {
  static constexpr uint64_t kKeep[9] = {0,
                                        0xFF00000000000000ULL,
                                        0xFFFF000000000000ULL,
                                        0xFFFFFF0000000000ULL,
                                        0xFFFFFFFF00000000ULL,
                                        0xFFFFFFFFFF000000ULL,
                                        0xFFFFFFFFFFFF0000ULL,
                                        0xFFFFFFFFFFFFFF00ULL,
                                        0xFFFFFFFFFFFFFFFFULL};
  return (word & kKeep[keep]) | (0x3030303030303030ULL & ~kKeep[keep]);
}

// v negated when `negative`, by its sign bit rather than a branch: the sign of data is a coin flip
// to the branch predictor.
inline double with_sign(double v, bool negative) {
  return std::bit_cast<double>(std::bit_cast<uint64_t>(v) ^ (static_cast<uint64_t>(negative) << 63));
}

inline uint64_t load_word(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// The value of the `n` digits (0 to 19, all ASCII digits) ending just before p, read as two words,
// or three when there are more than 16. Always inlined: it runs for every cell (as does the reader below).
[[gnu::always_inline]] inline uint64_t digits_ending_at(const char* p, unsigned n) {
  const unsigned low = n < 8 ? n : 8, middle = n < 16 ? n - low : 8;
  uint64_t v = eight_digits_value(last_bytes_as_digits(load_word(p - 16), middle)) * 100000000ULL +
               eight_digits_value(last_bytes_as_digits(load_word(p - 8), low));
  if (n > 16) v += eight_digits_value(last_bytes_as_digits(load_word(p - 24), n - 16)) * 10000000000000000ULL;
  return v;
}

// Appends the digit run at p to the significand w and its length to n, eight bytes a step: the d
// digits of a step are shifted to the top of the word and the bytes below filled with '0', so one
// eight-digit conversion reads them. At most three steps (a run of more than 19 digits is rejected
// by the caller anyway); needs 24 readable bytes at p.
#if defined(__SSE2__)
// The sixteen bytes before p as digits (byte - '0') and how many of them, from the last, are ASCII
// digits (0 to 16): one compare over the sixteen (a byte is a digit when byte - '0', unsigned, is
// at most 9) instead of two words' bit tests.
struct LastSixteen {
  __m128i digits;
  unsigned trailing;
};

[[gnu::always_inline]] inline LastSixteen last_sixteen(const char* p) {
  const __m128i d = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 16)), _mm_set1_epi8('0'));
  const __m128i is_digit = _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8(9)), _mm_setzero_si128());
  const auto mask = static_cast<uint16_t>(_mm_movemask_epi8(is_digit));  // bit i: byte i a digit
  return {d, static_cast<unsigned>(std::countl_zero(static_cast<uint16_t>(~mask)))};
}

// The value of the last n (0 to 16) of those digits: the others zeroed, then pairs, fours and
// eights of digits joined by multiply-adds of 16-bit lanes (the SSE2 form of Lemire 2021's step).
[[gnu::always_inline]] inline uint64_t last_digits_value(const LastSixteen& s, unsigned n) {
  const __m128i lane = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i kept = _mm_and_si128(s.digits, _mm_cmpgt_epi8(lane, _mm_set1_epi8(static_cast<char>(15 - static_cast<int>(n)))));
  const __m128i zero = _mm_setzero_si128(), ten_one = _mm_setr_epi16(10, 1, 10, 1, 10, 1, 10, 1);
  const __m128i twos = _mm_packs_epi32(_mm_madd_epi16(_mm_unpacklo_epi8(kept, zero), ten_one),
                                       _mm_madd_epi16(_mm_unpackhi_epi8(kept, zero), ten_one));
  const __m128i fours = _mm_madd_epi16(twos, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
  const __m128i eights = _mm_madd_epi16(_mm_packs_epi32(fours, fours), _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
  const uint64_t high = static_cast<uint32_t>(_mm_cvtsi128_si32(eights));
  const uint64_t low = static_cast<uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(eights, 4)));
  return high * 100000000ULL + low;
}
#endif

inline const char* digits_by_word(const char* p, uint64_t& w, unsigned& n) {
  static constexpr uint64_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  for (int step = 0; step < 3; ++step) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    const unsigned d = leading_digits(word);
    if (d == 0) return p;
    if (d < 8) word = (word << (8 * (8 - d))) | (0x3030303030303030ULL >> (8 * d));
    w = w * kPow10[d] + eight_digits_value(word);
    n += d;
    p += d;
    if (d < 8) return p;
  }
  return p;
}

// The same a byte at a time, for the last bytes of the text; stops early (n > 19) once the
// significand may have overflowed, which the caller rejects.
inline const char* digits_by_byte(const char* p, const char* end, uint64_t& w, unsigned& n) {
  while (p != end && static_cast<unsigned char>(*p - '0') < 10 && n <= 19) {
    w = w * 10 + static_cast<unsigned>(*p - '0');
    ++n;
    ++p;
  }
  return p;
}

inline const char* digits(const char* p, const char* end, uint64_t& w, unsigned& n) {
  return end - p >= 24 ? digits_by_word(p, w, n) : digits_by_byte(p, end, w, n);
}

}  // namespace plain_decimal_detail

// Reads "-?[0-9]+(.[0-9]+)?" at [p, end) into `out` and returns the position after it, or nullptr
// (leaving `out`) when the text is not of that form, has more than 19 digits or a significand of 2^53
// or more; the general parser (fast_float) then reads the cell. Exact by Clinger's fast path
// (Clinger 1990, "How to read floating point numbers accurately", PLDI, section 4): the significand w
// < 2^53 and 10^f (f <= 19 fraction digits <= 22) are exact doubles, so w / 10^f is one correctly
// rounded IEEE division, the double nearest the decimal: the value fast_float returns.
inline const char* parse_plain_decimal(const char* p, const char* end, double& out) {
  static constexpr double kPow10[20] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                        1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};
  const bool negative = p != end && *p == '-';
  p += negative;
  uint64_t w = 0;
  unsigned n = 0;
  const char* q = plain_decimal_detail::digits(p, end, w, n);
  if (q == p) return nullptr;
  unsigned fraction = 0;
  if (q != end && *q == '.') {
    const unsigned before = n;
    const char* f = plain_decimal_detail::digits(q + 1, end, w, n);
    if (f == q + 1) return nullptr;
    fraction = n - before;
    q = f;
  }
  if (n > 19 || w >= (uint64_t{1} << 53)) return nullptr;
  out = plain_decimal_detail::with_sign(static_cast<double>(w) / kPow10[fraction], negative);
  return q;
}

// The same cell form as parse_plain_decimal, for a field whose bounds [p, end) are already known
// (the separator scan): the digits are read backwards from the field's end and the point, sixteen
// bytes (SSE2) or eight (a word) at a time, the bytes outside the field zeroed, so no step waits on
// the length of the one before (at most 8 whole digits before a point; the caller passes anything
// else to parse_plain_decimal).
// Reads from 32 bytes before `end`, which the caller guarantees readable. True when the whole field
// was read, into `out` by the same single division, so the same double.
[[gnu::always_inline]] inline bool parse_bounded_decimal(const char* p, const char* end, double& out) {
  static constexpr double kPow10[19] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
  static constexpr uint64_t kPow10Int[19] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
                                             100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
                                             10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
                                             100000000000000000ULL, 1000000000000000000ULL};
  using namespace plain_decimal_detail;
  const bool negative = p != end && *p == '-';
  p += negative;
  const size_t length = static_cast<size_t>(end - p);
  if (length == 0) return false;
  // The digits just before the end, up to 24 (the third word read only when the sixteen are digits).
#if defined(__SSE2__)
  const LastSixteen last = last_sixteen(end);
  unsigned tail = last.trailing;
  auto value_before_end = [&](unsigned n) __attribute__((always_inline)) { return n <= 16 ? last_digits_value(last, n) : digits_ending_at(end, n); };
#else
  const unsigned last = trailing_digits(load_word(end - 8));
  unsigned tail = last < 8 ? last : 8 + trailing_digits(load_word(end - 16));
  auto value_before_end = [&](unsigned n) __attribute__((always_inline)) { return digits_ending_at(end, n); };
#endif
  if (tail == 16) tail += trailing_digits(load_word(end - 24));
  uint64_t w;
  unsigned fraction;
  if (tail >= length) {  // a whole number of at most 19 digits
    if (length > 19) return false;
    w = value_before_end(static_cast<unsigned>(length));
    fraction = 0;
  } else {
    const char* point = end - tail - 1;
    const size_t whole = static_cast<size_t>(point - p);
    if (*point != '.' || tail == 0 || whole == 0 || whole > 8 || whole + tail > 19) return false;
    const uint64_t whole_digits = last_bytes_as_digits(load_word(point - 8), static_cast<unsigned>(whole));
    if (non_digit_bytes(whole_digits)) return false;
    w = eight_digits_value(whole_digits) * kPow10Int[tail] + value_before_end(tail);
    fraction = tail;
  }
  if (w >= (uint64_t{1} << 53)) return false;
  out = with_sign(static_cast<double>(w) / kPow10[fraction], negative);
  return true;
}

}  // namespace cbec
