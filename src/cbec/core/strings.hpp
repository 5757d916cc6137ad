// Small text helpers shared by option parsers and messages.
#pragma once
#include <string>
#include <vector>

namespace cbec {

// Splits on `sep`, trims spaces around each part and drops empty parts: "a + b" -> {"a", "b"}.
std::vector<std::string> split_trimmed(const std::string& text, char sep);

// As split_trimmed, but a `sep` inside parentheses does not split: "x + I(a+b)" -> {"x", "I(a+b)"}.
std::vector<std::string> split_outside_parentheses(const std::string& text, char sep);

// The text without spaces, tabs and line ends at either end.
std::string trim(const std::string& text);

// The text with ASCII letters in lower case (other bytes, UTF-8 included, unchanged).
std::string lower_ascii(std::string text);

// The first `shown` names joined by ", ", and ", ..." when there are more: "Hainan, Tibet, ...".
std::string first_names(const std::vector<std::string>& names, size_t shown = 5);

}  // namespace cbec
