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
  std::vector<SummaryRow> out;
  for (const auto& name : variables) {
    const auto& v = frame.numeric(name);
    for (const auto& [label, rows] : groups) {
      SummaryRow s = summarize_values(v, rows);
      s.variable = name;
      s.group = label;
      out.push_back(s);
    }
  }
  return out;
}

}  // namespace cbec
