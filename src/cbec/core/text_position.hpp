// Pointing at a place in a line of UTF-8 text (a formula, an --if expression) for error messages:
// positions count characters, not bytes, and the caret line counts display columns, so the caret
// stands under the character in a terminal even after Chinese column names (East Asian wide
// characters take two columns).
#pragma once
#include <string>

namespace cbec {

// 1-based position of the character starting at byte `byte_pos` (the characters before it, plus one).
size_t character_position(const std::string& text, size_t byte_pos);
// Spaces to put before a caret under the character starting at byte `byte_pos`.
std::string caret_padding(const std::string& text, size_t byte_pos);

}  // namespace cbec
