#include "cbec/frame/panel.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "cbec/core/error.hpp"

namespace cbec {

std::string Panel::absent_times_text() const {
  return fmt::format("{}{}", fmt::join(absent_times, ", "), n_absent_times > absent_times.size() ? ", ..." : "");
}

std::string Panel::summary() const {
  std::string s = fmt::format("{} units x {} periods ({}..{}), ", n_units, n_periods(),
                              times.empty() ? 0 : times.front(), times.empty() ? 0 : times.back());
  s += balanced ? "balanced" : "unbalanced";
  if (n_absent_times) s += ", no row in " + absent_times_text();
  if (n_gaps) s += fmt::format(", {} gaps in {} units", n_gaps, units_with_gaps);
  return s;
}

namespace {

// Codes the units of a panel in order of first appearance (declare_panel).
class UnitCoder {
 public:
  UnitCoder(const Column& u, size_t n) : u_(u) {
    if (u.type == ColumnType::String) {
      table_.assign(u.levels.size(), -1);
      return;
    }
    if (u.type != ColumnType::Integer || n == 0) return;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : u.values)
      if (!std::isnan(v)) { lo = std::min(lo, v); hi = std::max(hi, v); }
    // A dense range (ids 1..N, codes such as 110000..659004 for a few thousand rows) is a table.
    if (lo <= hi && hi - lo < 4.0 * static_cast<double>(n) + 1024) {
      base_ = static_cast<int64_t>(lo);
      table_.assign(static_cast<size_t>(static_cast<int64_t>(hi) - base_) + 1, -1);
      dense_ = true;
    }
  }

  int32_t code(size_t i, std::vector<std::string>& labels) {
    if (u_.type == ColumnType::String) return slot(table_[static_cast<size_t>(u_.codes[i])], i, labels);
    if (dense_) return slot(table_[static_cast<size_t>(static_cast<int64_t>(u_.values[i]) - base_)], i, labels);
    if (u_.type == ColumnType::Integer) return slot(by_value_.try_emplace(static_cast<int64_t>(u_.values[i]), -1).first->second, i, labels);
    return slot(by_text_.try_emplace(u_.text(i), -1).first->second, i, labels);
  }

 private:
  int32_t slot(int32_t& s, size_t i, std::vector<std::string>& labels) {
    if (s < 0) {
      s = static_cast<int32_t>(labels.size());
      labels.push_back(u_.text(i));
    }
    return s;
  }

  const Column& u_;
  std::vector<int32_t> table_;
  int64_t base_ = 0;
  bool dense_ = false;
  std::unordered_map<int64_t, int32_t> by_value_;
  std::unordered_map<std::string, int32_t> by_text_;
};

// The distinct times of the panel's rows, sorted: a presence table over a dense range, else the
// distinct values of a hash set, so that only the distinct values are sorted.
std::vector<int64_t> distinct_times(const Panel& p) {
  std::vector<int64_t> out;
  if (p.order.empty()) return out;
  int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
  for (size_t r : p.order) { lo = std::min(lo, p.time_value[r]); hi = std::max(hi, p.time_value[r]); }
  if (static_cast<uint64_t>(hi - lo) < 4 * p.order.size() + 1024) {
    std::vector<char> seen(static_cast<size_t>(hi - lo) + 1, 0);
    for (size_t r : p.order) seen[static_cast<size_t>(p.time_value[r] - lo)] = 1;
    for (size_t k = 0; k < seen.size(); ++k)
      if (seen[k]) out.push_back(lo + static_cast<int64_t>(k));
    return out;
  }
  std::unordered_set<int64_t> set;
  for (size_t r : p.order) set.insert(p.time_value[r]);
  out.assign(set.begin(), set.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void Panel::require_observations(const std::string& analysis) const {
  if (n_units > 0) return;
  throw DataError(fmt::format("{}: no observations: no row has both a unit ('{}') and a time ('{}'){}", analysis, unit, time,
                              rows_missing_id ? fmt::format(" ({} rows lack one of them)", rows_missing_id) : std::string(" (the data has no rows)")));
}

Panel declare_panel(const Frame& frame, const std::string& unit, const std::string& time, bool allow_duplicates) {
  Panel p;
  p.unit = unit;
  p.time = time;
  const Column& u = frame.get(unit);
  const Column& t = frame.get(time);
  if (!t.is_numeric()) {
    // Whole numbers held as text (a pandas category or string column of years) need no reformatting.
    const bool whole_numbers = !t.levels.empty() && std::all_of(t.levels.begin(), t.levels.end(), [](const std::string& l) {
      const size_t from = !l.empty() && l[0] == '-';
      return l.size() > from && std::all_of(l.begin() + static_cast<long>(from), l.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    });
    const std::string hint = whole_numbers ? "whole numbers held as text, as a pandas category or string column holds them: s.astype(int)" : t.number_hint();
    throw DataError(fmt::format("{}time variable '{}' holds text{}; it must hold whole numbers such as years ({})",
                                frame.source().empty() ? "" : frame.source() + ": ", time, t.levels.empty() ? "" : fmt::format(" such as '{}'", t.levels.front()),
                                hint.empty() ? "from a date, its year: pandas' s.dt.year, Stata's year()" : hint));
  }
  const size_t n = frame.nrows();
  p.unit_code.assign(n, -1);
  p.time_value.assign(n, 0);
  // Units are coded in order of first appearance, hashing each row once: a string column's
  // categorical codes (and an integer column's values in a dense range) index a table directly,
  // other integer values go through a hash map on the value, and only double-typed units (where
  // distinct values may print alike) are keyed by their text as they are shown.
  UnitCoder coder(u, n);
  for (size_t i = 0; i < n; ++i) {
    if (u.is_missing(i) || t.is_missing(i)) { ++p.rows_missing_id; continue; }
    const double tv = t.values[i];
    if (tv != std::floor(tv))
      throw DataError(fmt::format("time variable '{}' has the non-integer value {} on data line {}; use whole periods",
                                  time, tv, frame.line(i)));
    if (std::fabs(tv) > 1e15)
      throw DataError(fmt::format("time variable '{}' has the value {:g} on data line {}, too large for a period; use years or period numbers",
                                  time, tv, frame.line(i)));
    p.time_value[i] = static_cast<int64_t>(tv);
    p.unit_code[i] = coder.code(i, p.unit_labels);
  }
  p.n_units = p.unit_labels.size();
  // Rows sorted by (unit, time), ties in row order: a counting sort by unit (stable, no
  // comparisons), then each unit's rows by time, which data files mostly have sorted already.
  p.unit_start.assign(p.n_units + 1, 0);
  for (size_t i = 0; i < n; ++i)
    if (p.unit_code[i] >= 0) ++p.unit_start[static_cast<size_t>(p.unit_code[i]) + 1];
  std::partial_sum(p.unit_start.begin(), p.unit_start.end(), p.unit_start.begin());
  p.order.resize(p.unit_start[p.n_units]);
  {
    std::vector<size_t> next(p.unit_start.begin(), p.unit_start.end() - 1);
    for (size_t i = 0; i < n; ++i)
      if (p.unit_code[i] >= 0) p.order[next[static_cast<size_t>(p.unit_code[i])]++] = i;
  }
  const auto by_time = [&](size_t a, size_t b) { return p.time_value[a] < p.time_value[b]; };
  for (size_t g = 0; g < p.n_units; ++g) {
    const auto first = p.order.begin() + static_cast<std::ptrdiff_t>(p.unit_start[g]);
    const auto last = p.order.begin() + static_cast<std::ptrdiff_t>(p.unit_start[g + 1]);
    if (!std::is_sorted(first, last, by_time)) std::stable_sort(first, last, by_time);
  }
  // Duplicates.
  std::vector<std::string> dups;
  size_t n_dups = 0;
  for (size_t k = 1; k < p.order.size(); ++k) {
    size_t a = p.order[k - 1], b = p.order[k];
    if (p.unit_code[a] == p.unit_code[b] && p.time_value[a] == p.time_value[b]) {
      ++n_dups;
      if (dups.size() < 3)
        dups.push_back(fmt::format("{}={} {}={} (data lines {} and {})", unit, u.text(a), time, p.time_value[a], frame.line(a), frame.line(b)));
    }
  }
  if (n_dups && !allow_duplicates)
    throw DataError(fmt::format("{}: {} duplicate ({}, {}) pairs, e.g. {}; each unit may appear once per period",
                                frame.source().empty() ? "data" : frame.source(), n_dups, unit, time, fmt::join(dups, "; ")));
  // Times, their step, unit spans and gaps counted on the step (a year absent for every unit is a
  // gap in every unit spanning it, as lags see it: plm's is.pconsecutive, Stata's xtdescribe).
  p.times = distinct_times(p);
  p.step = 0;
  for (size_t k = 1; k < p.times.size(); ++k) p.step = std::gcd(p.step, p.times[k] - p.times[k - 1]);
  if (p.step <= 0) p.step = 1;
  for (size_t k = 1; k < p.times.size(); ++k) {
    const auto absent = static_cast<size_t>((p.times[k] - p.times[k - 1]) / p.step - 1);
    for (int64_t t = p.times[k - 1] + p.step; t < p.times[k] && p.absent_times.size() < 20; t += p.step) p.absent_times.push_back(t);
    p.n_absent_times += absent;
  }
  bool all_full = true;
  for (size_t g = 0; g < p.n_units; ++g) {
    size_t first = p.order[p.unit_start[g]], last = p.order[p.unit_start[g + 1] - 1];
    const auto span = static_cast<size_t>((p.time_value[last] - p.time_value[first]) / p.step + 1);
    size_t distinct = 1;
    for (size_t k = p.unit_start[g] + 1; k < p.unit_start[g + 1]; ++k)
      distinct += p.time_value[p.order[k]] != p.time_value[p.order[k - 1]];
    if (span > distinct) {
      p.n_gaps += span - distinct;
      ++p.units_with_gaps;
    }
    if (distinct != p.times.size()) all_full = false;
  }
  p.balanced = all_full && n_dups == 0;
  return p;
}

std::vector<double> panel_shift(const Panel& panel, const std::vector<double>& x, int k) {
  std::vector<double> out(x.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t g = 0; g < panel.n_units; ++g) {
    const size_t begin = panel.unit_start[g], end = panel.unit_start[g + 1];
    // Rows of a unit are sorted by time: find t-k by a moving pointer.
    size_t j = begin;
    for (size_t a = begin; a < end; ++a) {
      const size_t row = panel.order[a];
      const int64_t want = panel.time_value[row] - k;
      if (k >= 0) {
        while (j < a && panel.time_value[panel.order[j]] < want) ++j;
      } else {
        if (j < a) j = a;
        while (j < end && panel.time_value[panel.order[j]] < want) ++j;
      }
      if (j < end && panel.time_value[panel.order[j]] == want) out[row] = x[panel.order[j]];
    }
  }
  return out;
}

}  // namespace cbec
