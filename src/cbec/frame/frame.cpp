#include "cbec/frame/frame.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return "";
  return fmt::format(". Did you mean {}?", fmt::join(suggestions, ", "));
}

const Column& Frame::get(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) {
    const std::vector<std::string> close = suggest(name);
    throw DataError(fmt::format("unknown variable '{}'{}{}", name, source_.empty() ? "" : fmt::format(" in {}", source_),
                                did_you_mean(close)));
  }
  return columns_[it->second];
}

Column& Frame::get_mutable(const std::string& name) { return const_cast<Column&>(std::as_const(*this).get(name)); }

const std::vector<double>& Frame::numeric(const std::string& name) const {
  const Column& c = get(name);
  if (!c.is_numeric()) {
    const std::string hint = c.number_hint();
    throw DataError(fmt::format("variable '{}' holds text, but a number is needed here; {}", name, hint.empty() ? "convert it or pick a numeric variable" : hint));
  }
  return c.values;
}

void Frame::set(Column column) {
  if (columns_.empty()) nrows_ = column.size();
  if (column.size() != nrows_)
    throw DataError(fmt::format("column '{}' has {} rows, the data has {}", column.name, column.size(), nrows_));
  auto it = index_.find(column.name);
  if (it != index_.end()) {
    columns_[it->second] = std::move(column);
  } else {
    index_.emplace(column.name, columns_.size());
    columns_.push_back(std::move(column));
  }
}

void Frame::drop(const std::string& name) {
  get(name);
  columns_.erase(columns_.begin() + static_cast<long>(index_.at(name)));
  index_.clear();
  for (size_t i = 0; i < columns_.size(); ++i) index_.emplace(columns_[i].name, i);
  if (columns_.empty()) {
    nrows_ = 0;
    lines_.clear();
  }
}

void Frame::release(const std::string& name) {
  Column& c = get_mutable(name);
  std::vector<double>().swap(c.values);
  std::vector<int32_t>().swap(c.codes);
}

Frame Frame::take(const std::vector<size_t>& rows) const {
  Frame out(source_);
  out.unread_ = unread_;
  for (const auto& c : columns_) out.set(c.take(rows));
  if (columns_.empty()) return out;
  out.lines_.reserve(rows.size());
  for (size_t r : rows) out.lines_.push_back(line(r));
  if (origin_) {
    out.origin_ = origin_;
    out.origin_rows_.reserve(rows.size());
    for (size_t r : rows) out.origin_rows_.push_back(origin_rows_[r]);
  }
  return out;
}

Frame Frame::part_of(std::shared_ptr<const Frame> whole, const std::vector<size_t>& rows) {
  Frame out = whole->take(rows);
  if (whole->origin_) return out;   // a part of a part: take() kept the first whole
  out.origin_rows_ = rows;
  out.origin_ = std::move(whole);
  return out;
}

std::vector<std::string> Frame::suggest(const std::string& name) const {
  std::vector<std::pair<size_t, std::string>> scored;
  auto score = [&](const std::string& candidate) {
    const size_t d = edit_distance(name, candidate);
    if (d <= std::max<size_t>(2, name.size() / 3)) scored.emplace_back(d, candidate);
  };
  for (const auto& c : columns_) score(c.name);
  for (const auto& u : unread_) score(u);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace cbec
