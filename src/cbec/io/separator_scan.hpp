#pragma once

// The CSV reader's field bounds for unquoted text: the positions of the delimiters and newlines,
// found 64 bytes at a time as a bit mask, so a field's end is known before its cell is parsed and
// the parse of one cell does not wait on the previous one's. The structural index of Langdale and
// Lemire (2019), "Parsing gigabytes of JSON per second", VLDB Journal 28(6), section 3.1, reduced to
// two characters. Inline: it runs once per field.

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
    while (mask_ == 0) {
      block_ += 64;
      if (block_ >= size_) return size_;
      mask_ = block_mask(block_);
    }
    const size_t at = block_ + static_cast<size_t>(std::countr_zero(mask_));
    mask_ &= mask_ - 1;
    return at;
  }

  // Continues the scan from position p (after a field was read some other way).
  void restart(size_t p) {
    block_ = p / 64 * 64;
    mask_ = block_ < size_ ? block_mask(block_) & (~uint64_t{0} << (p - block_)) : 0;
  }

 private:
  // Bit i set when byte block + i is a separator (bits beyond the text clear).
  uint64_t block_mask(size_t block) const {
    const char* p = data_ + block;
    if (block + 64 > size_) {
      uint64_t m = 0;
      for (size_t i = 0; block + i < size_; ++i)
        if (p[i] == delim_ || p[i] == '\n') m |= uint64_t{1} << i;
      return m;
    }
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delim_), nl = _mm_set1_epi8('\n');
    uint64_t m = 0;
    for (int q = 0; q < 4; ++q) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * q));
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, nl));
      m |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(hit))) << (16 * q);
    }
    return m;
#else
    uint64_t m = 0;
    for (size_t i = 0; i < 64; ++i)
      if (p[i] == delim_ || p[i] == '\n') m |= uint64_t{1} << i;
    return m;
#endif
  }

  const char* data_;
  size_t size_;
  char delim_;
  size_t block_ = 0;
  uint64_t mask_ = 0;
};

}  // namespace cbec
