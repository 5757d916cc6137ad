#include "cbec/report/panel_tables.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cbec/report/regression_table.hpp"

namespace cbec {

Table panel_structure_table(const Panel& p, const std::string& data) {
  Table t;
  t.title = fmt::format("Panel structure of {}", data);
  t.header = {"Item", "Value"};
  t.rows = {{"Units", std::to_string(p.n_units)},
            {"Periods", fmt::format("{} ({}..{})", p.n_periods(), p.times.empty() ? 0 : p.times.front(), p.times.empty() ? 0 : p.times.back())},
            {"Observations", std::to_string(p.order.size())},
            {"Balanced", p.balanced ? "yes" : "no"},
            {"Periods with no row at all", p.n_absent_times == 0 ? "none" : fmt::format("{}: {}", p.n_absent_times, p.absent_times_text())},
            {"Gaps (missing periods inside a unit's span)", fmt::format("{} in {} units", p.n_gaps, p.units_with_gaps)},
            {"Rows with missing unit or time", std::to_string(p.rows_missing_id)}};
  if (p.step > 1) t.notes.push_back(fmt::format("The periods are {} apart: gaps are counted in steps of {}.", p.step, p.step));
  return t;
}

Table subgroup_table(const SubgroupResult& r, const std::string& formula) {
  RegressionTableOptions to;
  to.title = fmt::format("{} by {}", formula, r.group);
  for (size_t g = 0; g < 2; ++g) to.model_names.push_back(fmt::format("{} = {} ({} units)", r.group, r.levels[g], r.units[g]));
  Table t = regression_table(r.models, to);
  t.notes.push_back(fmt::format("Difference in {}: {:.4f}; z = {:.3f}, p = {:.4f} (independent groups).", r.term, r.difference, r.z, r.p_z));
  if (r.draws > 0)
    t.notes.push_back(fmt::format("Fisher permutation test ({} draws of the group labels across units): p = {:.4f} one-sided, {:.4f} two-sided.",
                                  r.draws, r.p_one_sided, r.p_two_sided));
  for (const auto& [why, n] : r.dropped) t.notes.push_back(fmt::format("{} observation{} dropped ({}).", n, n == 1 ? "" : "s", why));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

std::string unmatched_warning(const TreatReport& r) {
  return fmt::format("{} units match no known city or province{}: {}", r.unmatched.size(),
                     r.unmatched_coded_never ? " and are coded as never treated (unmatched = never)"
                                             : "; their treatment columns are missing (name them in Chinese, or --unmatched never to code them 0)",
                     fmt::join(r.unmatched, ", "));
}

Table treat_table(const TreatReport& r) {
  Table t;
  t.title = fmt::format("Pilot-zone treatment: {} of {} units treated", r.treated_units, r.units);
  t.header = {"Unit", "Zone (batch, approval year)"};
  for (const auto& m : r.matched_zones) {
    const auto colon = m.find(": ");
    t.rows.push_back({m.substr(0, colon), m.substr(colon + 2)});
  }
  t.notes.push_back("Rules: " + r.rules + ".");
  if (!r.no_zone.empty())
    t.notes.push_back(fmt::format("{} units have no pilot zone and are coded never treated: {}", r.no_zone.size(), fmt::join(r.no_zone, ", ")));
  if (!r.unmatched.empty()) t.notes.push_back("Warning: " + unmatched_warning(r));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w + ".");
  t.notes.push_back("Columns added: treat, first_treat (0 = never), post, did, rel_time, batch.");
  return t;
}

Table regions_table(const RegionReport& r) {
  Table t;
  t.title = fmt::format("Regions ({} scheme, {} level): {} units", r.scheme, r.level, r.units);
  t.header = {"Region", "Units"};
  for (const auto& [region, n] : r.counts) t.rows.push_back({region, std::to_string(n)});
  if (!r.outside.empty()) t.notes.push_back(fmt::format("Outside the scheme (region missing): {}", fmt::join(r.outside, ", ")));
  if (!r.ambiguous.empty())
    t.notes.push_back(fmt::format("Warning: ambiguous English names, give them in Chinese (e.g. 台州/泰州, 苏州/宿州): {}", fmt::join(r.ambiguous, ", ")));
  if (!r.unmatched.empty()) t.notes.push_back(fmt::format("Warning: {} units match no known city or province: {}", r.unmatched.size(), fmt::join(r.unmatched, ", ")));
  t.notes.push_back(fmt::format("Column '{}' added.", r.column));
  return t;
}

}  // namespace cbec
