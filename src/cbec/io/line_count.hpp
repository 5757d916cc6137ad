#pragma once

// The CSV reader's first pass over a block of whole lines: how many lines it holds, whether a '"'
// or a byte outside ASCII occurs, and whether a blank line may (a '\n' followed by '\n' or '\r'),
// sixteen bytes a step: the newlines counted in byte lanes (each compare's -1 subtracted) and added
// across the lanes every 255 steps by _mm_sad_epu8 (Mula, Kurz and Lemire 2018, "Faster population
// counts using AVX2 instructions", The Computer Journal 61(1), section 2's byte-wise counters).
// Inline: it runs over the whole file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cbec {

struct LineCount {
  size_t lines = 0;           // line starts in the block (the block starts a line)
  bool quote = false;         // a '"' occurs
  bool non_ascii = false;     // a byte >= 0x80 occurs
  bool maybe_blank = false;   // the block's first line or a line after a '\n' may be blank
};

// Lines of text[from, to): from starts a line; to is the text's end or just after a '\n'.
inline LineCount count_lines(std::string_view text, size_t from, size_t to) {
  LineCount c;
  if (from >= to) return c;
  const char* d = text.data();
  size_t newlines = 0, p = from;
  auto byte = [&](size_t i) {
    const char ch = d[i];
    newlines += ch == '\n';
    c.quote |= ch == '"';
    c.non_ascii |= static_cast<unsigned char>(ch) >= 0x80;
    if (ch == '\n' && i + 1 < to && (d[i + 1] == '\n' || d[i + 1] == '\r')) c.maybe_blank = true;
  };
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), qu = _mm_set1_epi8('"');
  __m128i quotes = _mm_setzero_si128(), high = _mm_setzero_si128(), pairs = _mm_setzero_si128();
  while (p + 17 <= to) {  // the step also reads the byte after its sixteen
    __m128i lanes = _mm_setzero_si128();
    for (int step = 0; step < 255 && p + 17 <= to; ++step, p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p + 1));
      const __m128i is_nl = _mm_cmpeq_epi8(v, nl);
      lanes = _mm_sub_epi8(lanes, is_nl);
      quotes = _mm_or_si128(quotes, _mm_cmpeq_epi8(v, qu));
      high = _mm_or_si128(high, v);
      pairs = _mm_or_si128(pairs, _mm_and_si128(is_nl, _mm_or_si128(_mm_cmpeq_epi8(next, nl), _mm_cmpeq_epi8(next, cr))));
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    newlines += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
  c.quote = _mm_movemask_epi8(quotes) != 0;
  c.non_ascii = _mm_movemask_epi8(high) != 0;
  c.maybe_blank = _mm_movemask_epi8(pairs) != 0;
#endif
  for (; p < to; ++p) byte(p);
  c.lines = newlines + (d[to - 1] != '\n');
  c.maybe_blank |= d[from] == '\n' || d[from] == '\r';
  return c;
}

}  // namespace cbec
