#include "cbec/core/strings.hpp"

namespace cbec {

std::vector<std::string> split_trimmed(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t p = text.find(sep, start);
    std::string part = text.substr(start, p == std::string::npos ? std::string::npos : p - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) out.push_back(part);
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<std::string> split_outside_parentheses(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string part;
  int depth = 0;
  for (char c : text + sep) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == sep && depth <= 0) {
      if (!trim(part).empty()) out.push_back(trim(part));
      part.clear();
    } else {
      part += c;
    }
  }
  return out;
}

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string trim(const std::string& text) {
  const auto a = text.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return text.substr(a, text.find_last_not_of(" \t\r\n") - a + 1);
}

std::string first_names(const std::vector<std::string>& names, size_t shown) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += ", ...";
  return out;
}

}  // namespace cbec
