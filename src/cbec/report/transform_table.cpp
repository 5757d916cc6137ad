#include "cbec/report/transform_table.hpp"

namespace cbec {

Table transform_table(const std::vector<TransformReport>& reports, const std::string& title) {
  Table t;
  t.title = title;
  t.header = {"New column", "Transform", "Computed", "Missing input", "Not computable", "Changed"};
  for (const auto& r : reports)
    t.rows.push_back({r.column, r.description, std::to_string(r.computed), std::to_string(r.missing_input), std::to_string(r.invalid), std::to_string(r.changed)});
  t.notes.push_back("Not computable: log of values <= 0, lags/leads of periods not observed, growth from zero, constant groups, rows whose by= group is missing. "
                    "Missing input: the value read is missing (for a lag or lead, the one in the period it comes from).");
  return t;
}

}  // namespace cbec
