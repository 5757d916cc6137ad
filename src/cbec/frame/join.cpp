#include "cbec/frame/join.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// "city" joins city to city; "province_en=name_en" joins the left column to a differently named right one.
std::pair<std::string, std::string> sides(const std::string& by) {
  const auto eq = by.find('=');
  return eq == std::string::npos ? std::pair{by, by} : std::pair{by.substr(0, eq), by.substr(eq + 1)};
}

std::string key_of(const Frame& f, const std::vector<std::string>& by, size_t i) {
  std::string k;
  for (const auto& c : by) {
    k += f.get(c).text(i);
    k += '\x1f';
  }
  return k;
}

}  // namespace

JoinReport left_join(Frame& left, const Frame& right, const std::vector<std::string>& by_spec, const std::string& source) {
  if (by_spec.empty()) throw SpecError(fmt::format("joining {}: name the key columns (by = [\"city\", \"year\"])", source));
  std::vector<std::string> by, right_by;
  for (const auto& b : by_spec) {
    const auto [l, r] = sides(b);
    if (!left.has(l)) throw DataError(fmt::format("joining {}: the key '{}' is not a column of the main data", source, l));
    if (!right.has(r)) throw DataError(fmt::format("joining {}: the key '{}' is not a column of {}", source, r, source));
    by.push_back(l);
    right_by.push_back(r);
  }
  JoinReport rep;
  rep.source = source;
  rep.by = by_spec;
  for (const auto& col : right.columns()) {
    if (std::find(right_by.begin(), right_by.end(), col.name) != right_by.end()) continue;
    if (left.has(col.name))
      throw DataError(fmt::format("joining {}: column '{}' is in both tables; rename it in one of them or drop it", source, col.name));
    rep.added.push_back(col.name);
  }
  std::unordered_map<std::string, size_t> row_of;
  for (size_t j = 0; j < right.nrows(); ++j) {
    const std::string k = key_of(right, right_by, j);
    const auto [it, inserted] = row_of.emplace(k, j);
    if (!inserted)
      throw DataError(fmt::format("{} line {}: the key ({}) repeats line {}; a joined table needs one row per key", source, right.line(j),
                                  fmt::join(by, ", "), right.line(it->second)));
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
