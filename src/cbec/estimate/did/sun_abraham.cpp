#include "cbec/estimate/did/sun_abraham.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <map>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

SunAbrahamResult sun_abraham(const Frame& frame, const StaggeredSpec& spec, const SunAbrahamOptions& o) {
  if (o.control != "last_cohort" && o.control != "fixest")
    throw SpecError(fmt::format("Sun-Abraham control '{}' is unknown; use last_cohort (the last-treated cohort, cbec's default) or fixest (as fixest::sunab)", o.control));
  const int ref = o.ref;
  const double level = o.level;
  const bool fixest_rule = o.control == "fixest";
  const auto g = first_treatment(frame, spec);
  const auto& t = frame.numeric(spec.time);
  std::set<double> cohorts;
  bool any_never = false;
  for (size_t i = 0; i < g.size(); ++i) {
    if (std::isnan(t[i])) continue;
    if (std::isnan(g[i])) any_never = true;
    else cohorts.insert(g[i]);
  }
  if (cohorts.empty()) throw DataError(fmt::format("no treated unit: '{}' is 0 or missing everywhere", spec.first_treat));
  SunAbrahamResult out;
  out.control_rule = o.control;
  std::vector<double> control_g = g;  // cohorts used as controls get NaN (no dummies)
  Frame f = frame;
  std::vector<bool> keep_row(frame.nrows(), true);
  size_t always_treated_rows = 0, after_last_rows = 0;  // rows left out by the last-cohort rule, by reason
  double last_cohort = std::numeric_limits<double>::quiet_NaN();  // the control cohort without never-treated units
  // Cohort c's rows get no dummies (a control or reference cohort, or one left out).
  auto without_dummies = [&](double c) {
    for (size_t i = 0; i < g.size(); ++i)
      if (g[i] == c) control_g[i] = std::numeric_limits<double>::quiet_NaN();
  };
  std::map<double, std::pair<bool, bool>> sides;  // cohort -> (a period before, a period from treatment)
  for (size_t i = 0; i < g.size(); ++i)
    if (!std::isnan(g[i]) && !std::isnan(t[i])) (t[i] < g[i] ? sides[g[i]].first : sides[g[i]].second) = true;
  if (fixest_rule) {
    // fixest::sunab (R/did.R, cpp_find_never_always_treated): a cohort observed only before its
    // treatment, or only from its treatment on (always treated), is a reference: no dummies, its
    // rows kept (fixest 0.12.2 on an always-treated cohort: the same observations as without it).
    bool any_reference = any_never;
    for (const auto& [c, s] : sides) {
      if (s.first && s.second) continue;
      cohorts.erase(c);
      any_reference |= !s.second;
      without_dummies(c);
    }
    if (cohorts.empty()) throw DataError("no cohort is observed both before and after its treatment");
    out.control_cohort = any_reference ? "never treated" : "none (fixest: every cohort interacted, the cells collinear with the fixed effects dropped)";
  } else {
    // A cohort never observed before its treatment (treated before the sample starts) has no
    // pre-period to identify its effects: its units are left out, as Sun and Abraham (2021,
    // sec. 2) exclude always-treated units (fixest keeps them as references: the fixest rule).
    for (const auto& [c, side] : sides) {
      if (!side.second) {
        // Observed only before its treatment: untreated wherever it is observed, a control as the
        // never-treated units are (fixest: a reference cohort).
        cohorts.erase(c);
        out.untreated_in_sample.push_back(c);
        any_never = true;
        without_dummies(c);
        continue;
      }
      if (side.first) continue;
      cohorts.erase(c);
      out.always_treated.push_back(c);
      for (size_t i = 0; i < g.size(); ++i)
        if (g[i] == c) {
          control_g[i] = std::numeric_limits<double>::quiet_NaN();
          keep_row[i] = false;
          ++always_treated_rows;
        }
    }
    if (cohorts.empty()) throw DataError("no cohort is observed both before and from its treatment: every treated unit is treated from the sample's start or observed only before its treatment");
    if (any_never) {
      out.control_cohort = "never treated";
    } else {
      // No never-treated units: the last-treated cohort is the control; periods from its
      // treatment on carry no clean comparison and are dropped (Sun and Abraham 2021, sec. 4).
      if (cohorts.size() < 2) throw DataError("every unit is treated at the same time: there is no control cohort");
      const double last = *cohorts.rbegin();
      last_cohort = last;
      out.control_cohort = fmt::format("last treated ({:g})", last);
      cohorts.erase(last);
      for (size_t i = 0; i < g.size(); ++i) {
        if (g[i] == last) control_g[i] = std::numeric_limits<double>::quiet_NaN();
        if (!std::isnan(t[i]) && t[i] >= last && keep_row[i]) {
          keep_row[i] = false;
          ++after_last_rows;
        }
      }
    }
  }
  // The control cohort's units (a single one: every effect is measured against it).
  if (!fixest_rule && !spec.unit.empty() && frame.has(spec.unit)) {
    const Column& unit = frame.get(spec.unit);
    std::set<std::string> units;
    for (size_t i = 0; i < g.size(); ++i)
      if (!unit.is_missing(i) && !std::isnan(t[i]) && (any_never ? std::isnan(control_g[i]) && keep_row[i] : g[i] == last_cohort)) units.insert(unit.text(i));
    out.control_units = units.size();
  }
  // Cohort x relative-period cells present in the data.
  std::map<std::pair<double, int>, size_t> cells;
  for (size_t i = 0; i < g.size(); ++i)
    if (keep_row[i] && !std::isnan(control_g[i]) && !std::isnan(t[i])) ++cells[{control_g[i], static_cast<int>(t[i] - control_g[i])}];
  std::map<int, size_t> treated_per_period;
  for (const auto& [cell, count] : cells) treated_per_period[cell.second] += count;
  refuse_empty_reference(treated_per_period, ref, "sunab");
  std::vector<std::string> terms;
  std::map<std::string, std::pair<double, int>> term_cell;
  std::vector<std::pair<double, int>> order;
  for (const auto& [cell, count] : cells) order.push_back(cell);
  // fixest's column order (relative period, then cohort) decides which collinear cells are dropped
  // (a period without never-treated units, say), under either rule.
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return std::tie(a.second, a.first) < std::tie(b.second, b.first); });
  for (const auto& cell : order) {
    if (cell.second == ref) continue;
    std::string name = fmt::format("cohort::{:g}:rel::{}", cell.first, cell.second);
    std::vector<double> col(frame.nrows(), 0.0);
    for (size_t i = 0; i < col.size(); ++i)
      if (control_g[i] == cell.first && static_cast<int>(t[i] - control_g[i]) == cell.second) col[i] = 1.0;
    f.set(Column::numeric(name, std::move(col)));
    terms.push_back(name);
    term_cell[name] = cell;
  }
  FeolsOptions fo;
  fo.vcov = spec.vcov_spec();
  std::vector<size_t> sample;
  fo.sample_rows = &sample;
  DesignOptions d;
  d.weights = spec.weights;
  // The rows the last-cohort rule leaves out leave the frame first, counted by reason.
  std::vector<size_t> kept;
  for (size_t i = 0; i < keep_row.size(); ++i)
    if (keep_row[i]) kept.push_back(i);
  if (kept.size() < frame.nrows()) f = f.take(kept);
  out.model = feols(f, spec.formula(terms), fo, d);
  if (kept.size() < frame.nrows())
    for (size_t& i : sample) i = kept[i];  // rows of the frame given
  if (always_treated_rows) out.model.dropped["always_treated"] = always_treated_rows;
  if (after_last_rows) out.model.dropped["after_last_cohort"] = after_last_rows;
  // Each cell's share in the aggregation: its rows in the estimation sample, weighted by the
  // observation weights when given (fixest's aggregate(): column sums of the weighted cell dummies).
  std::map<std::pair<double, int>, double> in_sample;
  const std::vector<double>* w = spec.weights.empty() ? nullptr : &frame.numeric(spec.weights);
  for (size_t i : sample)
    if (!std::isnan(control_g[i])) in_sample[{control_g[i], static_cast<int>(t[i] - control_g[i])}] += w ? (*w)[i] : 1.0;
  out.model.estimator = "sun_abraham";
  // Aggregate per relative period: weights = each cohort's share of that period's sample rows.
  std::map<int, std::vector<std::pair<long, double>>> by_rel;
  for (size_t j = 0; j < out.model.terms.size(); ++j) {
    auto it = term_cell.find(out.model.terms[j]);
    if (it == term_cell.end()) continue;
    by_rel[it->second.second].emplace_back(static_cast<long>(j), in_sample[it->second]);
  }
  const long k = out.model.coef.size();
  auto combine = [&](const std::vector<std::pair<long, double>>& parts, double& est, double& se) {
    Eigen::VectorXd w = Eigen::VectorXd::Zero(k);
    double total = 0;
    for (const auto& [j, n] : parts) total += n;
    for (const auto& [j, n] : parts) w[j] = n / total;
    est = w.dot(out.model.coef);
    se = std::sqrt(w.dot(out.model.vcov * w));
  };
  const double q = q_t(0.5 + level / 2, out.model.vcov_info.df);
  std::vector<std::pair<long, double>> post;
  std::set<int> rels;
  for (const auto& [cell, count] : cells) rels.insert(cell.second);
  for (int r : rels) {
    EventPeriod ep;
    ep.rel = r;
    for (const auto& [cell, count] : cells)
      if (cell.second == r) ep.n_treated_obs += count;
    if (r == ref) {
      ep.reference = true;
      out.periods.push_back(ep);
      continue;
    }
    auto it = by_rel.find(r);
    if (it == by_rel.end()) continue;  // every cell collinear
    combine(it->second, ep.estimate, ep.se);
    ep.ci_low = ep.estimate - q * ep.se;
    ep.ci_high = ep.estimate + q * ep.se;
    ep.p_value = p_t_two_sided(ep.estimate / ep.se, out.model.vcov_info.df);
    if (r >= 0) post.insert(post.end(), it->second.begin(), it->second.end());
    out.periods.push_back(ep);
  }
  if (!post.empty()) combine(post, out.att, out.att_se);
  return out;
}

}  // namespace cbec
