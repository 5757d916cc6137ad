#include "cbec/io/csv_cells.hpp"

#include <fast_float/fast_float.h>

#include <cmath>

namespace cbec {

namespace {

// "1,234,567.5" with `sep` = ',' -> "1234567.5": groups of three digits after the first group of
// one to three; false when the separators are not placed as thousands separators.
bool strip_thousands(std::string_view s, char sep, std::string& out) {
  out.clear();
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) out += s[i++];
  size_t group = 0, groups = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] == sep) {
      if (group == 0 || (groups > 0 && group != 3) || group > 3) return false;
      ++groups;
      group = 0;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    out += s[i];
    ++group;
  }
  if (groups > 0 && group != 3) return false;
  out.append(s.substr(i));
  return true;
}

}  // namespace

std::string_view trim_cell(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_number(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto res = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return res.ec == std::errc() && res.ptr == s.data() + s.size() && std::isfinite(out);
}

bool parse_cell(std::string_view s, const CsvOptions& options, double& out, std::string& scratch) {
  if (parse_number(s, out)) return true;
  if (!options.thousands && !options.percent) return false;
  double scale = 1;
  if (options.percent && !s.empty() && s.back() == '%') {
    s.remove_suffix(1);
    scale = 0.01;
  }
  if (options.thousands && s.find(options.thousands) != std::string_view::npos) {
    if (!strip_thousands(s, options.thousands, scratch)) return false;
    s = scratch;
  }
  if (!parse_number(s, out)) return false;
  out *= scale;
  return true;
}

bool beyond_double_precision(std::string_view s, double v) {
  return std::fabs(v) >= 9007199254740992.0 && s.find_first_of(".eE") == std::string_view::npos;
}


}  // namespace cbec
