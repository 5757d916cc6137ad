#include "cbec/estimate/describe/summarize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace cbec {

namespace {

// The summary of the values v[row(k)], k < count, by two passes: the count, sum, minimum and
// maximum, then the squared deviations from the mean with the corrected two-pass formula
// s^2 = (sum d^2 - (sum d)^2 / n) / (n - 1), d = x - mean (Chan, Golub and LeVeque 1983,
// "Algorithms for computing the sample variance: analysis and recommendations", The American
// Statistician 37(3), eq. 1.7). Each pass keeps four partial sums, so no step waits on the one
// before; the order of the additions is fixed, so the result is the same on any machine.
template <class Row>
SummaryRow summarize_values(const std::vector<double>& v, size_t count, Row row) {
  constexpr int kLanes = 4;
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  double sum[kLanes] = {0, 0, 0, 0}, lo[kLanes] = {inf, inf, inf, inf}, hi[kLanes] = {-inf, -inf, -inf, -inf};
  size_t n[kLanes] = {0, 0, 0, 0};
  auto first = [&](int l, double x) __attribute__((always_inline)) {
    const bool present = !std::isnan(x);
    n[l] += present;
    sum[l] += present ? x : 0.0;
    lo[l] = x < lo[l] ? x : lo[l];  // false for a NaN: skipped
    hi[l] = x > hi[l] ? x : hi[l];
  };
  size_t k = 0;
  for (; k + kLanes <= count; k += kLanes)
    for (int l = 0; l < kLanes; ++l) first(l, v[row(k + static_cast<size_t>(l))]);
  for (int l = 0; k < count; ++k, ++l) first(l, v[row(k)]);
  SummaryRow s;
  s.n = n[0] + n[1] + n[2] + n[3];
  s.missing = count - s.n;
  if (s.n == 0) {
    s.mean = s.sd = s.min = s.max = nan;
    return s;
  }
  double mean = ((sum[0] + sum[1]) + (sum[2] + sum[3])) / static_cast<double>(s.n);
  if (!std::isfinite(mean)) {  // a sum beyond the double range (values near 1e308): the mean of x / n
    mean = 0;
    for (k = 0; k < count; ++k)
      if (const double x = v[row(k)]; !std::isnan(x)) mean += x / static_cast<double>(s.n);
  }
  double dev[kLanes] = {0, 0, 0, 0}, dev2[kLanes] = {0, 0, 0, 0};
  auto second = [&](int l, double x) __attribute__((always_inline)) {
    const double d = std::isnan(x) ? 0.0 : x - mean;
    dev[l] += d;
    dev2[l] += d * d;
  };
  for (k = 0; k + kLanes <= count; k += kLanes)
    for (int l = 0; l < kLanes; ++l) second(l, v[row(k + static_cast<size_t>(l))]);
  for (int l = 0; k < count; ++k, ++l) second(l, v[row(k)]);
  const double sum_dev = (dev[0] + dev[1]) + (dev[2] + dev[3]), sum_dev2 = (dev2[0] + dev2[1]) + (dev2[2] + dev2[3]);
  const double nn = static_cast<double>(s.n);
  s.mean = mean + sum_dev / nn;  // the two-pass correction of R's mean.default: the sum's rounding removed
  // Squares beyond the double range (values near 1e300) give inf - inf: no SD rather than 0.
  const double ss = sum_dev2 - sum_dev * sum_dev / nn;
  s.sd = s.n > 1 && std::isfinite(ss) ? std::sqrt(std::max(0.0, ss) / (nn - 1)) : nan;
  s.min = std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3]));
  s.max = std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]));
  return s;
}

}  // namespace

std::vector<SummaryRow> summarize(const Frame& frame, std::vector<std::string> variables, const std::string& by) {
  if (variables.empty())
    for (const auto& c : frame.columns())
      if (c.is_numeric() && c.name != by) variables.push_back(c.name);
  std::map<std::string, std::vector<size_t>> groups;  // by `by`; none: every row, not listed
  if (by.empty()) {
    groups[""];
  } else {
    const Column& g = frame.get(by);
    for (size_t i = 0; i < frame.nrows(); ++i)
      if (!g.is_missing(i)) groups[g.text(i)].push_back(i);
  }
  // One row per variable and group, each summarised by one thread (the same numbers for any count).
  std::vector<const std::vector<double>*> values;
  for (const auto& name : variables) values.push_back(&frame.numeric(name));
  std::vector<const std::pair<const std::string, std::vector<size_t>>*> group_list;
  for (const auto& g : groups) group_list.push_back(&g);
  std::vector<SummaryRow> out(variables.size() * group_list.size());
#pragma omp parallel for schedule(dynamic, 1) if (frame.nrows() > 100000)
  for (long t = 0; t < static_cast<long>(out.size()); ++t) {
    const size_t j = static_cast<size_t>(t) / group_list.size(), g = static_cast<size_t>(t) % group_list.size();
    const std::vector<size_t>& rows = group_list[g]->second;
    SummaryRow s = by.empty() ? summarize_values(*values[j], frame.nrows(), [](size_t k) { return k; })
                              : summarize_values(*values[j], rows.size(), [&rows](size_t k) { return rows[k]; });
    s.variable = variables[j];
    s.group = group_list[g]->first;
    out[static_cast<size_t>(t)] = std::move(s);
  }
  return out;
}

}  // namespace cbec
