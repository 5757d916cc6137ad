#include "cbec/estimate/describe/summarize.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

namespace cbec {

namespace {
SummaryRow summarize_values(const std::vector<double>& v, const std::vector<size_t>& rows) {
  SummaryRow s;
  double mean = 0, m2 = 0;
  s.min = std::numeric_limits<double>::infinity();
  s.max = -s.min;
  for (size_t r : rows) {
    double x = v[r];
    if (std::isnan(x)) { ++s.missing; continue; }
    ++s.n;
    double d = x - mean;  // Welford's update
    mean += d / static_cast<double>(s.n);
    m2 += d * (x - mean);
    s.min = std::min(s.min, x);
    s.max = std::max(s.max, x);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  s.mean = s.n ? mean : nan;
  s.sd = s.n > 1 ? std::sqrt(m2 / static_cast<double>(s.n - 1)) : nan;
  if (!s.n) s.min = s.max = nan;
  return s;
}
}  // namespace

std::vector<SummaryRow> summarize(const Frame& frame, std::vector<std::string> variables, const std::string& by) {
  if (variables.empty())
    for (const auto& c : frame.columns())
      if (c.is_numeric() && c.name != by) variables.push_back(c.name);
  std::map<std::string, std::vector<size_t>> groups;
  if (by.empty()) {
    auto& all = groups[""];
    all.resize(frame.nrows());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
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
    SummaryRow s = summarize_values(*values[j], group_list[g]->second);
    s.variable = variables[j];
    s.group = group_list[g]->first;
    out[static_cast<size_t>(t)] = std::move(s);
  }
  return out;
}

}  // namespace cbec
