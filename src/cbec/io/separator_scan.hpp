#pragma once

// The CSV reader's field bounds for unquoted text: the positions of the delimiters and newlines,
// found 64 bytes at a time as a bit mask and written out as a list a span of text at a time, so a
// field's end is known before its cell is parsed, the parse of one cell does not wait on the
// previous one's, and taking the next position is a load rather than a bit scan whose end of block
// the branch predictor cannot foresee. The structural index of Langdale and Lemire (2019), "Parsing
// gigabytes of JSON per second", VLDB Journal 28(6), sections 3.1 (the masks) and 3.2 (the list,
// eight positions written per block whatever its count), reduced to two characters. Inline: it runs
// once per field.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cbec {

class SeparatorScan {
 public:
  // Scans text from position `from` for `delim` and '\n'.
  SeparatorScan(std::string_view text, size_t from, char delim) : data_(text.data()), size_(text.size()), delim_(delim) { restart(from); }

  // The position of the next separator (the first at or after `from` on the first call, then each
  // one after it), or the text's size when none is left.
  size_t next() {
    if (taken_ == listed_) list_next_span();
    return span_ + offsets_[taken_++];
  }

  // Continues the scan from position p (after a field was read some other way): within the listed
  // span the positions before p are passed over (a cell read by the general rules, one field on,
  // costs no new listing), elsewhere the listing starts again at p.
  void restart(size_t p) {
    if (p >= span_ && p <= scanned_) {
      if (taken_ > 0 && span_ + offsets_[taken_ - 1] >= p) taken_ = 0;  // back within the span
      while (taken_ < listed_ && span_ + offsets_[taken_] < p) ++taken_;
      return;
    }
    scanned_ = p;
    taken_ = listed_ = 0;
  }

 private:
  static constexpr size_t kSpan = 1024;  // bytes listed at a time: a multiple of 64

  // Lists the separators of the next span with any (the text's size when none is left).
  void list_next_span() {
    taken_ = listed_ = 0;
    while (listed_ == 0) {
      span_ = scanned_;
      if (span_ >= size_) {
        span_ = size_;
        offsets_[listed_++] = 0;
        return;
      }
      const size_t to = span_ + kSpan < size_ ? span_ + kSpan : size_;
      size_t block = span_;
      for (; block + 64 <= to; block += 64) list_block(block);
      for (; block < to; ++block)
        if (data_[block] == delim_ || data_[block] == '\n') offsets_[listed_++] = static_cast<uint16_t>(block - span_);
      scanned_ = to;
    }
  }

  // Appends the separators of the 64 bytes at `block`: eight offsets written whatever their number
  // (those beyond it overwritten or never read), the rest one by one.
  void list_block(size_t block) {
    uint64_t mask = 0;
    size_t count = 0;
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delim_), nl = _mm_set1_epi8('\n');
    __m128i hits = _mm_setzero_si128();  // separators per byte lane, summed by _mm_sad_epu8
    for (int q = 0; q < 4; ++q) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data_ + block + 16 * q));
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, nl));
      mask |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(hit))) << (16 * q);
      hits = _mm_sub_epi8(hits, hit);
    }
    const __m128i sums = _mm_sad_epu8(hits, _mm_setzero_si128());
    count = static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
#else
    for (size_t i = 0; i < 64; ++i)
      if (data_[block + i] == delim_ || data_[block + i] == '\n') mask |= uint64_t{1} << i;
    count = static_cast<size_t>(std::popcount(mask));
#endif
    const auto offset = static_cast<uint16_t>(block - span_);
    uint16_t* out = offsets_ + listed_;
    for (int i = 0; i < 8; ++i) {
      out[i] = static_cast<uint16_t>(offset + std::countr_zero(mask | (uint64_t{1} << 63)));
      mask &= mask - 1;
    }
    for (size_t i = 8; i < count; ++i) {
      out[i] = static_cast<uint16_t>(offset + std::countr_zero(mask));
      mask &= mask - 1;
    }
    listed_ += count;
  }

  const char* data_;
  size_t size_;
  char delim_;
  size_t scanned_ = 0;  // where the next span starts
  size_t span_ = 0;     // where the listed span starts
  size_t taken_ = 0, listed_ = 0;
  uint16_t offsets_[kSpan + 8];  // the span's separators from span_ (8 more: the unconditional writes)
};

}  // namespace cbec
