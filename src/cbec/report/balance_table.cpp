#include "cbec/report/balance_table.hpp"

#include <fmt/format.h>

namespace cbec {

Table balance_table(const MatchingResult& m, const MatchingSpec& s) {
  Table t;
  t.title = "Covariate balance before and after propensity-score matching";
  // The matched treated's mean beside the matched controls' (pstest's "Matched" row): the %bias,
  // SMD and t after matching compare those two, not the mean of every treated observation.
  t.header = {"Variable", "Mean treated", "Mean control (before)", "Mean treated (after)", "Mean control (after)", "%bias before", "%bias after",
              "%reduction |bias|", "Std. mean diff. after", "t (after)", "p (after)"};
  for (const auto& b : m.balance)
    t.rows.push_back({b.variable, format_fixed(b.mean_treated), format_fixed(b.mean_control_before), format_fixed(b.mean_treated_after),
                      format_fixed(b.mean_control_after), format_fixed(b.bias_before, 1), format_fixed(b.bias_after, 1), format_fixed(b.bias_reduction, 1),
                      format_fixed(b.smd_after), format_fixed(b.t_after, 2), format_fixed(b.p_after)});
  const std::string how = s.method == "kernel" ? fmt::format("Epanechnikov kernel matching, bandwidth {:g}", s.bandwidth)
                                               : fmt::format("nearest-neighbour 1:{} matching {} replacement{}", s.ratio, s.replace ? "with" : "without",
                                                             s.caliper > 0 ? fmt::format(", caliper {:g} SD of the score", s.caliper) : "");
  t.notes.push_back(fmt::format("{} score; {}{}.", s.link == "probit" ? "Probit" : "Logit", how, s.by.empty() ? "" : ", within each " + s.by));
  t.notes.push_back(fmt::format("Matched: {} of {} treated and {} of {} control observations.", m.n_treated_matched, m.n_treated, m.n_control_matched, m.n_control));
  t.notes.push_back("%bias = 100 (mean treated - mean control) / sqrt((var treated + var control) / 2), variances before matching (Rosenbaum and Rubin 1985).");
  for (const auto& [why, n] : m.dropped) t.notes.push_back(fmt::format("Dropped: {} {}.", n, why));
  for (const auto& w : m.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

}  // namespace cbec
