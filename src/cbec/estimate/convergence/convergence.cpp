#include "cbec/estimate/convergence/convergence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

double convergence_speed(double beta, double T) {
  const double a = 1 + T * beta;
  return a > 0 ? -std::log(a) / T : std::numeric_limits<double>::quiet_NaN();
}

namespace {

// Row subsets by the levels of the group column (one subset "" when no group); rows without a
// group value are in none, and counted in `missing_group`.
std::vector<std::pair<std::string, std::vector<size_t>>> subsets(const Frame& f, const std::string& group, size_t* missing_group = nullptr) {
  std::map<std::string, std::vector<size_t>> by;
  if (group.empty()) {
    auto& all = by[""];
    for (size_t i = 0; i < f.nrows(); ++i) all.push_back(i);
  } else {
    const Column& g = f.get(group);
    for (size_t i = 0; i < f.nrows(); ++i)
      if (!g.is_missing(i)) by[g.text(i)].push_back(i);
      else if (missing_group) ++*missing_group;
  }
  return {by.begin(), by.end()};
}

// "3 rows without a 'region' value are left out" (what: row or unit).
std::string without_group(size_t n, const char* what, const std::string& group) {
  return fmt::format("{} {}{} without a '{}' value {} left out", n, what, n == 1 ? "" : "s", group, n == 1 ? "is" : "are");
}

// The unit of the speed and the half-life: in the panel form (-ln(1 + beta), growth over one
// period) "year" when the time column holds calendar years one apart, else "period"; in the
// cross-section (-ln(1 + T beta) / T with T = t_last - t_first in the time column's units) "year"
// whenever it holds calendar years, five-yearly ones included.
std::string period_name(const Panel& p, bool per_time_unit = false) {
  const bool calendar = !p.times.empty() && p.times.front() >= 1000 && p.times.back() <= 2999;
  return calendar && (per_time_unit || p.step == 1) ? "year" : "period";
}

// The units of one group not observed in every one of its years, named (up to five): each year's
// spread is then over a different set of units.
std::string changing_units(const Frame& frame, const std::string& unit, const std::map<int64_t, std::vector<size_t>>& rows_by_year) {
  if (unit.empty() || !frame.has(unit) || rows_by_year.size() < 2) return "";
  const Column& u = frame.get(unit);
  std::map<int64_t, std::pair<size_t, size_t>> years_of;   // unit key -> (years observed, a row)
  for (const auto& [year, rows] : rows_by_year)
    for (size_t i : rows) {
      auto& [count, row] = years_of.try_emplace(u.row_key(i), 0, i).first->second;
      ++count;
    }
  std::vector<std::string> partial;
  for (const auto& [key, seen] : years_of)
    if (seen.first != rows_by_year.size()) partial.push_back(u.text(seen.second));
  if (partial.empty()) return "";
  std::sort(partial.begin(), partial.end());
  return fmt::format("{} of {} units are not observed in every year ({}): each year's spread is over the units observed that year, so its "
                     "trend mixes convergence with the change of sample; for a fixed set of units keep those observed in every year (--if)",
                     partial.size(), years_of.size(), first_names(partial));
}

// OLS of v on an intercept and t with iid standard errors and two-sided p (t with n - 2 df).
Trend trend(const std::vector<double>& t, const std::vector<double>& v) {
  const double n = static_cast<double>(t.size());
  double mt = 0, mv = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    mt += t[i] / n;
    mv += v[i] / n;
  }
  double stt = 0, stv = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    stt += (t[i] - mt) * (t[i] - mt);
    stv += (t[i] - mt) * (v[i] - mv);
  }
  Trend r;
  r.slope = stv / stt;
  r.intercept = mv - r.slope * mt;
  double rss = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const double e = v[i] - mv - r.slope * (t[i] - mt);
    rss += e * e;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double s2 = n > 2 ? rss / (n - 2) : nan;
  r.slope_se = std::sqrt(s2 / stt);
  r.intercept_se = std::sqrt(s2 * (1 / n + mt * mt / stt));
  r.slope_p = n > 2 ? p_t_two_sided(r.slope / r.slope_se, n - 2) : nan;
  r.intercept_p = n > 2 ? p_t_two_sided(r.intercept / r.intercept_se, n - 2) : nan;
  return r;
}

// fit(), its data or numeric failure said of group `label` of `group` (none: as it is), so a run by
// groups names the group that cannot be estimated.
template <typename Fit>
RegressionResult in_group(const std::string& group, const std::string& label, Fit fit) {
  if (group.empty()) return fit();
  const std::string where = fmt::format("group {} = {}: ", group, label);
  try {
    return fit();
  } catch (const DataError& e) {
    throw DataError(where + e.what() + "; leave the group out (--if) or merge it");
  } catch (const NumericError& e) {
    throw NumericError(where + e.what() + "; leave the group out (--if) or merge it");
  }
}

// The fit, refused when the initial level's term was dropped as collinear: there is no beta.
RegressionResult with_initial_level(RegressionResult fit, const std::string& term) {
  if (fit.find(term) < 0)
    throw DataError(fmt::format("the initial level {} was dropped as collinear (every unit starts at the same level, or too few units): "
                                "there is no beta",
                                term));
  return fit;
}

// beta, its SE, and the speed and half-life with their delta-method SEs (convergence.hpp).
void convergence_measures(BetaResult& b, const std::string& term) {
  const long j = b.model.find(term);
  b.beta = b.model.coef[j];
  b.beta_se = std::sqrt(b.model.vcov(j, j));
  const SpeedMeasures m = speed_measures(b.beta, b.beta_se, b.T);
  b.speed = m.speed;
  b.speed_se = m.speed_se;
  b.half_life = m.half_life;
  b.half_life_se = m.half_life_se;
}

}  // namespace

SpeedMeasures speed_measures(double beta, double beta_se, double T) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  SpeedMeasures m;
  m.speed = convergence_speed(beta, T);
  m.speed_se = std::isfinite(m.speed) ? beta_se / std::fabs(1 + T * beta) : nan;
  m.half_life = m.speed > 0 ? std::log(2.0) / m.speed : nan;  // no convergence: no half-life
  m.half_life_se = m.speed > 0 ? std::log(2.0) * m.speed_se / (m.speed * m.speed) : nan;
  return m;
}

std::vector<SigmaResult> sigma_convergence(const Frame& frame, const ConvergenceSpec& s) {
  const auto& x = frame.numeric(s.variable);
  const auto& t = frame.numeric(s.time);
  std::vector<SigmaResult> out;
  size_t missing_group = 0;
  for (const auto& [label, rows] : subsets(frame, s.group, &missing_group)) {
    SigmaResult r;
    r.variable = s.variable;
    r.group = label;
    r.logs = s.logs;
    std::map<int64_t, std::vector<size_t>> rows_by_year;
    for (size_t i : rows) {
      if (std::isnan(x[i]) || std::isnan(t[i])) {
        ++r.missing;
        continue;
      }
      if (s.logs && x[i] <= 0)
        throw DataError(fmt::format("'{}' is {} in data line {}: sigma convergence in logs needs positive values", s.variable, x[i], frame.line(i)));
      rows_by_year[static_cast<int64_t>(t[i])].push_back(i);
    }
    if (const std::string w = changing_units(frame, s.unit, rows_by_year); !w.empty()) r.warnings.push_back(w);
    // Mean, sample SD (n - 1) and population SD (n) of v.
    auto spread = [](const std::vector<double>& v) {
      const auto n = static_cast<double>(v.size());
      double mean = 0, ss = 0;
      for (double a : v) mean += a / n;
      for (double a : v) ss += (a - mean) * (a - mean);
      return std::array<double, 3>{mean, v.size() > 1 ? std::sqrt(ss / (n - 1)) : std::numeric_limits<double>::quiet_NaN(), std::sqrt(ss / n)};
    };
    std::vector<double> years, sds, cvs;
    for (const auto& [year, year_rows] : rows_by_year) {
      std::vector<double> levels;
      for (size_t i : year_rows) levels.push_back(x[i]);
      SigmaRow row;
      row.year = year;
      row.n = levels.size();
      std::vector<double> v = levels;
      if (s.logs)
        for (double& a : v) a = std::log(a);
      const auto [mean, sd, sd_population] = spread(v);
      row.mean = mean;
      row.sd = sd;
      row.sd_population = sd_population;
      const auto [level_mean, level_sd, level_sd_population] = spread(levels);
      row.cv = level_sd / level_mean;
      row.cv_population = level_sd_population / level_mean;
      r.rows.push_back(row);
      if (!std::isfinite(row.sd)) {
        r.years_without_sd.push_back(year);
        continue;
      }
      years.push_back(static_cast<double>(year));
      sds.push_back(row.sd);
      cvs.push_back(row.cv);
    }
    // Two waves give the change between them (the slope, without a test); a trend test needs three.
    if (r.rows.size() < 2) throw DataError(fmt::format("sigma convergence needs at least 2 years of '{}'{}", s.variable, label.empty() ? "" : " in group " + label));
    if (years.size() < 2)
      throw DataError(fmt::format("sigma convergence needs at least 2 years with two or more units of '{}'{} (a single unit has no spread)",
                                  s.variable, label.empty() ? "" : " in group " + label));
    r.sd_trend = trend(years, sds);
    r.cv_trend = trend(years, cvs);
    out.push_back(r);
  }
  for (auto& r : out) {
    r.missing_group = missing_group;
    if (missing_group) r.warnings.push_back(without_group(missing_group, "row", s.group));
  }
  return out;
}

std::vector<BetaResult> beta_cross_section(const Frame& frame, const ConvergenceSpec& s) {
  Panel p = declare_panel(frame, s.unit, s.time);
  p.require_observations("beta convergence");
  const auto& y = frame.numeric(s.variable);
  const int64_t t0 = p.times.front(), t1 = p.times.back();
  const double T = static_cast<double>(t1 - t0);
  if (T <= 0) throw DataError("beta convergence needs at least two periods");
  // One row per unit: growth, initial log level and initial controls.
  std::vector<double> growth(p.n_units, NAN), init(p.n_units, NAN);
  std::vector<std::vector<double>> ctrl(s.controls.size(), std::vector<double>(p.n_units, NAN));
  std::vector<std::string> group(p.n_units);
  std::vector<std::string> group_changes;     // units whose group value changes over their rows
  size_t units_without_group = 0;             // units without any group value
  size_t without_start = 0, without_end = 0;  // units with no positive value in the first or last period
  for (size_t u = 0; u < p.n_units; ++u) {
    const size_t first = p.order[p.unit_start[u]], last = p.order[p.unit_start[u + 1] - 1];
    const bool at_start = p.time_value[first] == t0 && y[first] > 0, at_end = p.time_value[last] == t1 && y[last] > 0;
    without_start += !at_start;
    without_end += !at_end;
    if (p.time_value[first] != t0 || p.time_value[last] != t1) continue;  // unit not observed at both ends: left out
    if (y[first] > 0 && y[last] > 0) {
      init[u] = std::log(y[first]);
      growth[u] = (std::log(y[last]) - init[u]) / T;
    }
    for (size_t c = 0; c < s.controls.size(); ++c) ctrl[c][u] = frame.numeric(s.controls[c])[first];
    if (!s.group.empty()) {   // the unit's group: its first value in time order
      const Column& g = frame.get(s.group);
      bool found = false, changes = false;
      for (size_t a = p.unit_start[u]; a < p.unit_start[u + 1]; ++a) {
        const size_t row = p.order[a];
        if (g.is_missing(row)) continue;
        if (!found) group[u] = g.text(row);
        else changes |= g.text(row) != group[u];
        found = true;
      }
      units_without_group += !found;
      if (changes) group_changes.push_back(p.unit_labels[u]);
    }
  }
  Frame units;
  units.set(Column::strings("unit", p.unit_labels));
  units.set(Column::numeric("growth", growth));
  units.set(Column::numeric("ln_initial", init));
  for (size_t c = 0; c < s.controls.size(); ++c) units.set(Column::numeric(s.controls[c], ctrl[c]));
  if (!s.group.empty()) units.set(Column::strings(s.group, group));
  // Growth runs from the panel's first period to its last: say which end lacks values.
  const std::string ends = fmt::format("the cross-section beta compares each unit's {} in the panel's first period ({}) and its last ({}): "
                                       "{} of {} units have no positive value in {} and {} in {}",
                                       s.variable, t0, t1, without_start, p.n_units, t0, without_end, t1);
  if (std::count_if(growth.begin(), growth.end(), [](double g) { return !std::isnan(g); }) < 3)
    throw DataError(ends + "; keep only periods with data (e.g. --if \"" + s.time + " >= ...\")");
  std::string formula = "growth ~ ln_initial";
  for (const auto& c : s.controls) formula += " + " + c;
  std::vector<BetaResult> out;
  for (const auto& [label, rows] : subsets(units, s.group)) {
    BetaResult b;
    b.kind = "cross_section";
    b.group = label;
    b.T = T;
    b.period_name = period_name(p, true);
    FeolsOptions fo;
    fo.vcov = s.vcov;
    b.model = in_group(s.group, label, [&] { return with_initial_level(feols(units.take(rows), formula, fo), "ln_initial"); });
    if (without_start || without_end) b.model.warnings.push_back(ends + "; those units are left out");
    if (units_without_group) b.model.warnings.push_back(without_group(units_without_group, "unit", s.group));
    if (!group_changes.empty())
      b.model.warnings.push_back(fmt::format("{} unit{} change{} '{}' over time ({}): each is placed by its first value", group_changes.size(),
                                             group_changes.size() == 1 ? "" : "s", group_changes.size() == 1 ? "s" : "", s.group, first_names(group_changes)));
    convergence_measures(b, "ln_initial");
    out.push_back(b);
  }
  return out;
}

std::vector<BetaResult> beta_panel(const Frame& frame, const ConvergenceSpec& s) {
  const std::string lagged_level = fmt::format("l(log({}), 1)", s.variable);
  std::string formula = fmt::format("d(log({0})) ~ {1}", s.variable, lagged_level);
  for (const auto& c : s.controls) formula += " + " + c;
  if (s.fe != "unit" && s.fe != "time" && s.fe != "twoway") throw SpecError(fmt::format("fixed effects '{}' are unknown; use unit, time or twoway", s.fe));
  formula += " | " + (s.fe == "unit" ? s.unit : s.fe == "time" ? s.time : s.unit + " + " + s.time);
  std::vector<BetaResult> out;
  size_t missing_group = 0;
  const auto groups = subsets(frame, s.group, &missing_group);
  const Panel declared = declare_panel(frame, s.unit, s.time);
  // d() and l() look one unit of the time column back (calendar lags), which periods several units
  // apart never have: every row would be dropped as lag_unavailable.
  if (declared.step > 1)
    throw DataError(fmt::format("panel beta convergence: the periods of '{}' are {} apart ({}, {}, ...), so the growth over one period and "
                                "the lagged level (one {} back) are never observed; number the periods 1, 2, 3, ... in a column and give "
                                "it as the time, or use --method beta (the cross-section over the whole span)",
                                s.time, declared.step, declared.times.front(), declared.times.front() + declared.step, s.time));
  const std::string periods = period_name(declared);
  // A group's growth and lag read the periods its rows leave out (Frame::part_of), as Stata's
  // `xtreg D.ly L.ly if region == 1` does.
  const auto whole = s.group.empty() ? nullptr : std::make_shared<const Frame>(frame);
  for (const auto& [label, rows] : groups) {
    BetaResult b;
    b.kind = "panel";
    b.group = label;
    b.period_name = periods;
    FeolsOptions fo;
    fo.vcov = s.vcov;
    DesignOptions d;
    d.panel_unit = s.unit;
    d.panel_time = s.time;
    b.model = in_group(s.group, label, [&] {
      return with_initial_level(feols(whole ? Frame::part_of(whole, rows) : frame.take(rows), formula, fo, d), lagged_level);
    });
    if (missing_group) b.model.warnings.push_back(without_group(missing_group, "row", s.group));
    convergence_measures(b, lagged_level);
    out.push_back(b);
  }
  return out;
}

}  // namespace cbec
