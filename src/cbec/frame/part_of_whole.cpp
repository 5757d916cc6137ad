#include "cbec/frame/part_of_whole.hpp"

#include <cmath>

namespace cbec {

namespace {

bool same_values(const Column& part, const Column& whole, const std::vector<size_t>& rows) {
  if (part.type != whole.type || part.size() != rows.size()) return false;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (part.is_numeric()) {
      const double a = part.values[i], b = whole.values[rows[i]];
      if (a != b && !(std::isnan(a) && std::isnan(b))) return false;
    } else if (part.is_missing(i) != whole.is_missing(rows[i]) ||
               (!part.is_missing(i) && part.levels[static_cast<size_t>(part.codes[i])] != whole.levels[static_cast<size_t>(whole.codes[rows[i]])])) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool same_in_whole(const Frame& part, const std::vector<std::string>& columns) {
  const Frame* whole = part.origin();
  if (!whole) return false;
  for (const auto& name : columns)
    if (!part.has(name) || !whole->has(name) || !same_values(part.get(name), whole->get(name), part.origin_rows())) return false;
  return true;
}

std::vector<double> at_part_rows(const Frame& part, const std::vector<double>& whole_values) {
  const std::vector<size_t>& rows = part.origin_rows();
  std::vector<double> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) out[i] = whole_values[rows[i]];
  return out;
}

}  // namespace cbec
