#include "cbec/frame/column.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "cbec/frame/number_format_hint.hpp"

namespace cbec {

const char* to_string(ColumnType type) {
  switch (type) {
    case ColumnType::Double: return "double";
    case ColumnType::Integer: return "integer";
    case ColumnType::String: return "string";
  }
  return "?";
}

Column Column::numeric(std::string name, std::vector<double> values) {
  Column c;
  c.name = std::move(name);
  c.values = std::move(values);
  c.infer_integer();
  return c;
}

Column Column::strings(std::string name, const std::vector<std::string>& values) {
  Column c;
  c.name = std::move(name);
  c.type = ColumnType::String;
  c.codes.reserve(values.size());
  std::unordered_map<std::string, int32_t> seen;
  for (const auto& v : values) {
    if (v.empty()) { c.codes.push_back(-1); continue; }
    auto [it, inserted] = seen.emplace(v, static_cast<int32_t>(c.levels.size()));
    if (inserted) c.levels.push_back(v);
    c.codes.push_back(it->second);
  }
  return c;
}

size_t Column::count_missing() const {
  if (is_numeric()) return std::count_if(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  return std::count(codes.begin(), codes.end(), -1);
}

std::string Column::text(size_t i) const {
  if (is_missing(i)) return "";
  if (!is_numeric()) return levels[codes[i]];
  if (type == ColumnType::Integer) return fmt::format("{}", static_cast<long long>(values[i]));
  return fmt::format("{:.15g}", values[i]);
}

std::string Column::number_hint() const {
  for (const auto& level : levels)
    if (std::string hint = number_format_hint(level); !hint.empty()) return hint;
  return "";
}

void Column::infer_integer() {
  if (type == ColumnType::String) return;
  // Whole below 2^53 in magnitude; the cast (exact there) instead of std::floor, a library call
  // on the baseline x86-64 target.
  const bool whole = std::all_of(values.begin(), values.end(), [](double v) {
    return std::isnan(v) || (std::fabs(v) < 9007199254740992.0 && v == static_cast<double>(static_cast<int64_t>(v)));
  });
  type = whole ? ColumnType::Integer : ColumnType::Double;
}

Column Column::take(const std::vector<size_t>& rows) const {
  Column c;
  c.name = name;
  c.type = type;
  c.label = label;
  if (is_numeric()) {
    c.values.reserve(rows.size());
    for (size_t r : rows) c.values.push_back(values[r]);
  } else {
    c.levels = levels;
    c.declared_order = declared_order;
    c.codes.reserve(rows.size());
    for (size_t r : rows) c.codes.push_back(codes[r]);
  }
  return c;
}

}  // namespace cbec
