#include "cbec/core/text_position.hpp"

#include <algorithm>
#include <cstdint>

namespace cbec {

namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point starting at byte i (invalid bytes count as one character of their own).
char32_t code_point(const std::string& s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 3 ? c & 0x07u : extra == 2 ? c & 0x0Fu : extra == 1 ? c & 0x1Fu : c;
  for (int k = 1; k <= extra && i + static_cast<size_t>(k) < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3Fu);
  return cp;
}

// East Asian Wide and Fullwidth ranges (Unicode UAX #11): CJK, Hangul, kana, full-width forms.
bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

size_t character_position(const std::string& text, size_t byte_pos) {
  const size_t end = std::min(byte_pos, text.size());
  size_t n = 0;
  for (size_t i = 0; i < end; ++i) n += continuation(static_cast<unsigned char>(text[i])) ? 0 : 1;
  return n + (byte_pos > text.size() ? byte_pos - text.size() : 0) + 1;
}

std::string caret_padding(const std::string& text, size_t byte_pos) {
  const size_t end = std::min(byte_pos, text.size());
  size_t columns = 0;
  for (size_t i = 0; i < end; ++i)
    if (!continuation(static_cast<unsigned char>(text[i]))) columns += wide(code_point(text, i)) ? 2 : 1;
  return std::string(columns + (byte_pos > text.size() ? byte_pos - text.size() : 0), ' ');
}

}  // namespace cbec
