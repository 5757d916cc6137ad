#include "cbec/estimate/describe/two_way_means.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/frame/levels.hpp"

namespace cbec {

TwoWayMeans two_way_means(const Frame& frame, const std::string& variable, const std::string& row, const std::string& column) {
  constexpr size_t kMaxLevels = 500;
  const std::vector<double>& y = frame.numeric(variable);
  const Levels r = code_levels(frame.get(row)), c = code_levels(frame.get(column));
  for (const auto* l : {&r, &c})
    if (l->labels.size() > kMaxLevels)
      throw SpecError(fmt::format("a table of means takes at most {} levels per grouping; '{}' has {}", kMaxLevels, l == &r ? row : column, l->labels.size()));
  TwoWayMeans t;
  t.variable = variable;
  t.row = row;
  t.column = column;
  t.row_levels = r.labels;
  t.column_levels = c.labels;
  const size_t nr = r.labels.size(), nc = c.labels.size();
  std::vector<std::vector<double>> sum(nr, std::vector<double>(nc, 0.0));
  t.n.assign(nr, std::vector<size_t>(nc, 0));
  for (size_t i = 0; i < y.size(); ++i) {
    if (std::isnan(y[i]) || r.codes[i] < 0 || c.codes[i] < 0) {
      ++t.missing;
      continue;
    }
    sum[static_cast<size_t>(r.codes[i])][static_cast<size_t>(c.codes[i])] += y[i];
    ++t.n[static_cast<size_t>(r.codes[i])][static_cast<size_t>(c.codes[i])];
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto ratio = [&](double s, size_t n) { return n ? s / static_cast<double>(n) : nan; };
  t.mean.assign(nr, std::vector<double>(nc, nan));
  std::vector<double> row_sum(nr, 0.0), column_sum(nc, 0.0);
  std::vector<size_t> row_n(nr, 0), column_n(nc, 0);
  double total = 0;
  size_t total_n = 0;
  for (size_t a = 0; a < nr; ++a)
    for (size_t b = 0; b < nc; ++b) {
      t.mean[a][b] = ratio(sum[a][b], t.n[a][b]);
      row_sum[a] += sum[a][b];
      row_n[a] += t.n[a][b];
      column_sum[b] += sum[a][b];
      column_n[b] += t.n[a][b];
      total += sum[a][b];
      total_n += t.n[a][b];
    }
  for (size_t a = 0; a < nr; ++a) t.row_mean.push_back(ratio(row_sum[a], row_n[a]));
  for (size_t b = 0; b < nc; ++b) t.column_mean.push_back(ratio(column_sum[b], column_n[b]));
  t.overall = ratio(total, total_n);
  return t;
}

}  // namespace cbec
