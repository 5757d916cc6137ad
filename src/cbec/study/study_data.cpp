#include "cbec/study/study_data.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/io/read_table.hpp"

namespace cbec {

StudyData read_study_data(const StudySpec& s) {
  StudyData d;
  d.frame = read_table(s.data, s.csv);
  d.input_notes = d.frame.notes();
  for (const auto& j : s.joins) {
    Frame joined = read_table(j.path, s.csv);
    d.input_notes.insert(d.input_notes.end(), joined.notes().begin(), joined.notes().end());
    d.joins.push_back(left_join(d.frame, joined, j.by, j.path));
  }
  std::vector<std::string> cols;
  for (const auto& c : d.frame.columns()) cols.push_back(c.name);
  auto missing = missing_columns(s, cols);
  if (!missing.empty()) throw DataError(fmt::format("{} problem{}:\n  {}", missing.size(), missing.size() == 1 ? "" : "s", fmt::join(missing, "\n  ")));
  d.panel = declare_panel(d.frame, s.unit, s.time);
  return d;
}

}  // namespace cbec
