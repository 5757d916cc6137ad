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
  auto f = [digits](double v) { return std::isnan(v) ? std::string(".") : fmt::format("{:.{}f}", v, digits); };
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

}  // namespace cbec
