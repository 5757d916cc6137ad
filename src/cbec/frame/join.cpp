#include "cbec/frame/join.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

std::string key_of(const Frame& f, const std::vector<std::string>& by, size_t i) {
  std::string k;
  for (const auto& c : by) {
    k += f.get(c).text(i);
    k += '\x1f';
  }
  return k;
}

}  // namespace

JoinReport left_join(Frame& left, const Frame& right, const std::vector<std::string>& by, const std::string& source) {
  if (by.empty()) throw SpecError(fmt::format("joining {}: name the key columns (by = [\"city\", \"year\"])", source));
  for (const auto& c : by) {
    if (!left.has(c)) throw DataError(fmt::format("joining {}: the key '{}' is not a column of the main data", source, c));
    if (!right.has(c)) throw DataError(fmt::format("joining {}: the key '{}' is not a column of {}", source, c, source));
  }
  JoinReport rep;
  rep.source = source;
  rep.by = by;
  for (const auto& col : right.columns()) {
    if (std::find(by.begin(), by.end(), col.name) != by.end()) continue;
    if (left.has(col.name))
      throw DataError(fmt::format("joining {}: column '{}' is in both tables; rename it in one of them or drop it", source, col.name));
    rep.added.push_back(col.name);
  }
  std::unordered_map<std::string, size_t> row_of;
  for (size_t j = 0; j < right.nrows(); ++j) {
    const std::string k = key_of(right, by, j);
    const auto [it, inserted] = row_of.emplace(k, j);
    if (!inserted)
      throw DataError(fmt::format("{} line {}: the key ({}) repeats line {}; a joined table needs one row per key", source, j + 2,
                                  fmt::join(by, ", "), it->second + 2));
  }
  std::vector<long> match(left.nrows(), -1);
  std::vector<char> used(right.nrows(), 0);
  for (size_t i = 0; i < left.nrows(); ++i) {
    const auto it = row_of.find(key_of(left, by, i));
    if (it == row_of.end()) {
      ++rep.unmatched;
      continue;
    }
    match[i] = static_cast<long>(it->second);
    used[it->second] = 1;
    ++rep.matched;
  }
  rep.right_unused = static_cast<size_t>(std::count(used.begin(), used.end(), 0));
  for (const auto& name : rep.added) {
    const Column& c = right.get(name);
    if (c.is_numeric()) {
      std::vector<double> v(left.nrows(), std::numeric_limits<double>::quiet_NaN());
      for (size_t i = 0; i < v.size(); ++i)
        if (match[i] >= 0) v[i] = c.values[static_cast<size_t>(match[i])];
      Column out = Column::numeric(name, std::move(v));
      out.label = c.label;
      left.set(std::move(out));
    } else {
      std::vector<std::string> v(left.nrows());
      for (size_t i = 0; i < v.size(); ++i)
        if (match[i] >= 0) v[i] = c.text(static_cast<size_t>(match[i]));
      Column out = Column::strings(name, v);
      out.label = c.label;
      left.set(std::move(out));
    }
  }
  return rep;
}

}  // namespace cbec
