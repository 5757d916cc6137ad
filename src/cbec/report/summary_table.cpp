#include "cbec/report/summary_table.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cbec {

Table summary_table(const std::vector<SummaryRow>& rows, int digits) {
  Table t;
  const bool grouped = !rows.empty() && !rows.front().group.empty();
  t.header = {"Variable"};
  if (grouped) t.header.push_back("Group");
  for (const char* h : {"N", "Mean", "SD", "Min", "Max"}) t.header.emplace_back(h);
  auto f = [digits](double v) { return std::isnan(v) ? std::string(".") : format_number(v, digits); };
  size_t missing = 0;
  for (const auto& r : rows) {
    std::vector<std::string> row = {r.variable};
    if (grouped) row.push_back(r.group);
    row.push_back(std::to_string(r.n));
    for (double v : {r.mean, r.sd, r.min, r.max}) row.push_back(f(v));
    t.rows.push_back(std::move(row));
    missing += r.missing;
  }
  if (missing) t.notes.push_back(fmt::format("Missing values excluded: {} (N counts non-missing values).", missing));
  return t;
}

Table two_way_means_table(const TwoWayMeans& m, int digits) {
  Table t;
  t.title = fmt::format("Mean of {} by {} and {}", m.variable, m.row, m.column);
  auto f = [digits](double v) { return std::isnan(v) ? std::string(".") : format_number(v, digits); };
  t.header = {fmt::format("{} \\ {}", m.row, m.column)};
  for (const auto& c : m.column_levels) t.header.push_back(c);
  t.header.emplace_back("Total");
  for (size_t a = 0; a < m.row_levels.size(); ++a) {
    std::vector<std::string> row = {m.row_levels[a]};
    for (double v : m.mean[a]) row.push_back(f(v));
    row.push_back(f(m.row_mean[a]));
    t.rows.push_back(std::move(row));
  }
  std::vector<std::string> total = {"Total"};
  for (double v : m.column_mean) total.push_back(f(v));
  total.push_back(f(m.overall));
  t.rules_before.push_back(t.rows.size());
  t.rows.push_back(std::move(total));
  if (m.missing) t.notes.push_back(fmt::format("{} rows with {}, {} or {} missing are left out.", m.missing, m.variable, m.row, m.column));
  return t;
}

}  // namespace cbec
