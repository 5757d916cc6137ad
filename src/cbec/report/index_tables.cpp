#include "cbec/report/index_tables.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cbec {

namespace {
std::string shift_note(const EntropyOptions& o) {
  return o.score_shifted ? fmt::format("Shift {:g} added to x' in the shares and in the scores.", o.shift)
                         : fmt::format("Shift {:g} added to x' in the shares only; the scores use the unshifted x'.", o.shift);
}

// The notes every entropy table carries: k, the shift convention and the scores' range.
void entropy_notes(Table& t, size_t n, const EntropyOptions& o, const Eigen::VectorXd& scores) {
  t.notes.push_back(fmt::format("k = 1 / ln n = {} (n = {}).", format_fixed(1 / std::log(static_cast<double>(n))), n));
  if (o.shift > 0) t.notes.push_back(shift_note(o));
  if (scores.size())
    t.notes.push_back(fmt::format("Scores: min {}, mean {}, max {} (every row's score: JSON scores, or --save).", format_fixed(scores.minCoeff()),
                                  format_fixed(scores.mean()), format_fixed(scores.maxCoeff())));
}
}  // namespace

Table entropy_table(const EntropyResult& r, const EntropyOptions& o) {
  Table t;
  t.title = fmt::format("Entropy weights (n = {}, k = 1/ln n)", r.n);
  t.header = {"Indicator", "Direction", "Min", "Max", "Entropy e", "Utility g", "Weight w"};
  if (!o.groups.empty()) t.header.push_back("Group");
  for (size_t j = 0; j < r.indicators.size(); ++j) {
    const auto i = static_cast<Eigen::Index>(j);
    const bool negative = j < o.negative.size() && o.negative[j];
    std::vector<std::string> row = {r.indicators[j], negative ? "negative" : "positive", r.min.size() ? format_fixed(r.min[i]) : "",
                                    r.max.size() ? format_fixed(r.max[i]) : "", format_fixed(r.e[i]), format_fixed(r.g[i]), format_fixed(r.w[i])};
    if (!o.groups.empty()) row.push_back(o.groups[j]);
    t.rows.push_back(row);
  }
  for (const auto& [g, w] : r.group_weights) t.notes.push_back(fmt::format("Group {}: weight {}", g, format_fixed(w)));
  entropy_notes(t, r.n, o, r.scores);
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

Table entropy_by_group_table(const GroupedEntropyResult& r, const std::vector<std::string>& indicators, const std::string& by,
                             const EntropyOptions& o) {
  Table t;
  t.title = fmt::format("Entropy weights by {} ({} scope)", by, r.scope);
  t.header = {by, "n", "k = 1/ln n"};
  for (const auto& ind : indicators) t.header.push_back(ind);
  for (size_t g = 0; g < r.levels.size(); ++g) {
    std::vector<std::string> row = {r.levels[g], std::to_string(r.results[g].n), format_fixed(1 / std::log(static_cast<double>(r.results[g].n)))};
    for (Eigen::Index j = 0; j < r.results[g].w.size(); ++j) row.push_back(format_fixed(r.results[g].w[j]));
    t.rows.push_back(row);
    for (const auto& w : r.results[g].warnings) t.notes.push_back(fmt::format("Warning ({} {}): {}", by, r.levels[g], w));
  }
  t.notes.push_back(r.scope == "per-year" ? "Standardized within each group: scores compare units within a group only."
                                          : "Standardized over all rows, weights within each group: scores are comparable across groups.");
  if (o.shift > 0) t.notes.push_back(shift_note(o));
  t.notes.push_back("The minimum and maximum of each indicator used by the standardization and every row's score: JSON (by_group, scores).");
  return t;
}

std::vector<Table> vif_tables(const std::vector<VifStep>& steps) {
  std::vector<Table> tables;
  for (size_t s = 0; s < steps.size(); ++s) {
    Table t;
    t.title = fmt::format("VIF, step {}{}", s + 1, steps[s].dropped.empty() ? "" : fmt::format(": drop {}", fmt::join(steps[s].dropped, ", ")));
    t.header = {"Variable", "VIF", "1/VIF"};
    for (size_t k = 0; k < steps[s].names.size(); ++k)
      t.rows.push_back({steps[s].names[k], fmt::format("{:.3f}", steps[s].vif[static_cast<Eigen::Index>(k)]), fmt::format("{:.4f}", 1 / steps[s].vif[static_cast<Eigen::Index>(k)])});
    t.rows.push_back({"Mean VIF", fmt::format("{:.3f}", steps[s].vif.mean()), ""});
    t.rules_before.push_back(t.rows.size() - 1);
    tables.push_back(t);
  }
  return tables;
}

Table weights_table(const std::string& title, const std::string& what, const std::vector<std::string>& names, const Eigen::VectorXd& w) {
  Table t;
  t.title = title;
  t.header = {what, "Weight"};
  for (size_t j = 0; j < names.size(); ++j) t.rows.push_back({names[j], format_fixed(w[static_cast<Eigen::Index>(j)])});
  return t;
}

Table index_values_table(const std::string& name, const std::vector<double>& v) {
  size_t missing = 0;
  double sum = 0;
  for (double x : v) {
    if (std::isnan(x)) ++missing;
    else sum += x;
  }
  Table t;
  t.title = fmt::format("{}: {} values, {} not computable (missing or non-positive inputs)", name, v.size() - missing, missing);
  t.header = {"Statistic", "Value"};
  t.rows.push_back({"Mean", format_fixed(sum / static_cast<double>(v.size() - missing))});
  return t;
}

}  // namespace cbec
