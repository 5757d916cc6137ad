#include "cbec/frame/panel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "cbec/core/error.hpp"

namespace cbec {

std::string Panel::summary() const {
  std::string s = fmt::format("{} units x {} periods ({}..{}), ", n_units, n_periods(),
                              times.empty() ? 0 : times.front(), times.empty() ? 0 : times.back());
  if (balanced) return s + "balanced";
  s += "unbalanced";
  if (n_gaps) s += fmt::format(", {} gaps in {} units", n_gaps, units_with_gaps);
  return s;
}

Panel declare_panel(const Frame& frame, const std::string& unit, const std::string& time, bool allow_duplicates) {
  Panel p;
  p.unit = unit;
  p.time = time;
  const Column& u = frame.get(unit);
  const Column& t = frame.get(time);
  if (!t.is_numeric())
    throw DataError(fmt::format("time variable '{}' holds text; it must hold whole numbers such as years", time));
  const size_t n = frame.nrows();
  p.unit_code.assign(n, -1);
  p.time_value.assign(n, 0);
  std::unordered_map<std::string, int32_t> codes;
  for (size_t i = 0; i < n; ++i) {
    if (u.is_missing(i) || t.is_missing(i)) { ++p.rows_missing_id; continue; }
    const double tv = t.values[i];
    if (tv != std::floor(tv))
      throw DataError(fmt::format("time variable '{}' has the non-integer value {} on data line {}; use whole periods",
                                  time, tv, i + 2));
    if (std::fabs(tv) > 1e15)
      throw DataError(fmt::format("time variable '{}' has the value {:g} on data line {}, too large for a period; use years or period numbers",
                                  time, tv, i + 2));
    p.time_value[i] = static_cast<int64_t>(tv);
    auto [it, inserted] = codes.emplace(u.text(i), static_cast<int32_t>(p.unit_labels.size()));
    if (inserted) p.unit_labels.push_back(it->first);
    p.unit_code[i] = it->second;
  }
  p.n_units = p.unit_labels.size();
  for (size_t i = 0; i < n; ++i)
    if (p.unit_code[i] >= 0) p.order.push_back(i);
  std::stable_sort(p.order.begin(), p.order.end(), [&](size_t a, size_t b) {
    return p.unit_code[a] != p.unit_code[b] ? p.unit_code[a] < p.unit_code[b] : p.time_value[a] < p.time_value[b];
  });
  // Duplicates.
  std::vector<std::string> dups;
  size_t n_dups = 0;
  for (size_t k = 1; k < p.order.size(); ++k) {
    size_t a = p.order[k - 1], b = p.order[k];
    if (p.unit_code[a] == p.unit_code[b] && p.time_value[a] == p.time_value[b]) {
      ++n_dups;
      if (dups.size() < 3)
        dups.push_back(fmt::format("{}={} {}={} (data lines {} and {})", unit, u.text(a), time, p.time_value[a], a + 2, b + 2));
    }
  }
  if (n_dups && !allow_duplicates)
    throw DataError(fmt::format("{}: {} duplicate ({}, {}) pairs, e.g. {}; each unit may appear once per period",
                                frame.source().empty() ? "data" : frame.source(), n_dups, unit, time, fmt::join(dups, "; ")));
  // Times, unit spans, gaps.
  for (size_t r : p.order) p.times.push_back(p.time_value[r]);
  std::sort(p.times.begin(), p.times.end());
  p.times.erase(std::unique(p.times.begin(), p.times.end()), p.times.end());
  std::unordered_map<int64_t, size_t> time_pos;
  for (size_t k = 0; k < p.times.size(); ++k) time_pos.emplace(p.times[k], k);
  p.unit_start.assign(p.n_units + 1, 0);
  for (size_t r : p.order) ++p.unit_start[static_cast<size_t>(p.unit_code[r]) + 1];
  std::partial_sum(p.unit_start.begin(), p.unit_start.end(), p.unit_start.begin());
  bool all_full = true;
  for (size_t g = 0; g < p.n_units; ++g) {
    size_t first = p.order[p.unit_start[g]], last = p.order[p.unit_start[g + 1] - 1];
    size_t span = time_pos[p.time_value[last]] - time_pos[p.time_value[first]] + 1;
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
