// Small text helpers shared by option parsers.
#pragma once
#include <string>
#include <vector>

namespace cbec {

// Splits on `sep`, trims spaces around each part and drops empty parts: "a + b" -> {"a", "b"}.
std::vector<std::string> split_trimmed(const std::string& text, char sep);

}  // namespace cbec
