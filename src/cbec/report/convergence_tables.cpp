#include "cbec/report/convergence_tables.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {

// "a + b year", or "a - |b| year" for a negative slope (not "a + -b year").
std::string trend_line(const Trend& t) {
  return fmt::format("{} {} {} year", format_fixed(t.intercept), t.slope < 0 ? '-' : '+', format_fixed(std::fabs(t.slope)));
}

}  // namespace

Table sigma_table(const SigmaResult& r) {
  Table t;
  t.title = fmt::format("Sigma convergence of {}{}{}", r.logs ? "ln " : "", r.variable, r.group.empty() ? "" : " (" + r.group + ")");
  // The mean and SD are of what the trends are of (ln y unless levels are asked for), said in the
  // header since a study's own title may not; the CV is always of the levels.
  const std::string of = r.logs ? " of ln" : "";
  t.header = {"Year", "N", "Mean" + of, "SD" + of + " (sample)", "CV (sample)", "SD" + of + " (population)", "CV (population)"};
  for (const auto& row : r.rows)
    t.rows.push_back({std::to_string(row.year), std::to_string(row.n), format_fixed(row.mean), format_fixed(row.sd), format_fixed(row.cv),
                      format_fixed(row.sd_population), format_fixed(row.cv_population)});
  t.notes.push_back("Sample SD: divisor N - 1 (R sd, Stata summarize); population SD: divisor N. CV = SD / mean of the levels (also when the SD is of the logs: scale-free). The trends use the sample SD.");
  const Trend &sd = r.sd_trend, &cv = r.cv_trend;
  t.notes.push_back(fmt::format("Trend of SD: {} (slope SE {}, p = {}; intercept SE {}); of CV: {} (slope SE {}, p = {}; "
                                "intercept SE {}). A negative slope = sigma convergence.",
                                trend_line(sd), format_fixed(sd.slope_se), format_fixed(sd.slope_p), format_fixed(sd.intercept_se),
                                trend_line(cv), format_fixed(cv.slope_se), format_fixed(cv.slope_p), format_fixed(cv.intercept_se)));
  if (r.missing) t.notes.push_back(fmt::format("{} observation{} dropped (missing).", r.missing, r.missing == 1 ? "" : "s"));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w + ".");
  if (!r.years_without_sd.empty())
    t.notes.push_back(fmt::format("Left out of the trends: {} (one unit, so no SD).", fmt::join(r.years_without_sd, ", ")));
  if (r.rows.size() - r.years_without_sd.size() == 2) t.notes.push_back("Two waves: the slope is the change per year between them; no test (a trend test needs three years or more).");
  return t;
}

Figure sigma_figure(const std::vector<SigmaResult>& results, const std::string& variable) {
  std::vector<LinePoint> points;
  bool logs = true;
  for (const auto& r : results) {
    logs = r.logs;
    for (const auto& row : r.rows) points.push_back({static_cast<double>(row.year), row.sd, r.group.empty() ? "all" : r.group});
  }
  const std::string what = (logs ? "ln " : "") + variable;
  return line_chart("", "Sigma convergence of " + what, "Year", "Cross-sectional SD of " + what, points);
}

Table beta_table(const std::vector<BetaResult>& results, bool panel) {
  std::vector<RegressionResult> models;
  RegressionTableOptions to;
  to.title = panel ? "Beta convergence (panel, unit fixed effects)" : "Beta convergence (cross-section)";
  for (const auto& r : results) {
    models.push_back(r.model);
    to.model_names.push_back(r.group.empty() ? "all" : r.group);
  }
  Table t = regression_table(models, to);
  for (const auto& r : results) {
    t.notes.push_back(fmt::format("{}: beta = {} (SE {}), speed -ln(1 + T beta)/T = {} per {} (SE {}; T = {:g}), half-life ln 2 / speed = {} {}s (SE {}); "
                                  "SEs of speed and half-life by the delta method.",
                                  r.group.empty() ? "all" : r.group, format_fixed(r.beta), format_fixed(r.beta_se), format_fixed(r.speed), r.period_name,
                                  format_fixed(r.speed_se), r.T, format_fixed(r.half_life), r.period_name, format_fixed(r.half_life_se)));
    if (!(1 + r.T * r.beta > 0))
      t.notes.push_back(fmt::format("{}: 1 + T beta = {} is not positive (overshooting: the initial gap reversed by more than its size), so the "
                                    "speed and half-life are not defined.", r.group.empty() ? "all" : r.group, format_fixed(1 + r.T * r.beta)));
  }
  if (std::any_of(results.begin(), results.end(), [](const BetaResult& r) { return r.period_name == "period"; }))
    t.notes.push_back("The time column does not hold calendar years one apart: T, the speed and the half-life are in its periods; divide the "
                      "speed by the years a period spans for a yearly speed.");
  return t;
}

namespace {

std::string member_list(const std::vector<size_t>& members, const ClubResult& r) {
  std::vector<std::string> names;
  for (size_t u : members) names.push_back(r.units[u]);
  return fmt::format("{}", fmt::join(names, ", "));
}

// One row per club (log t b, SE, t); the members are listed below the table.
Table clubs_table(const std::string& title, const std::vector<Club>& clubs, const ClubResult& r) {
  Table t;
  t.title = title;
  t.header = {"Club", "N", "log t b", "SE", "t"};
  for (size_t c = 0; c < clubs.size(); ++c) {
    std::string name = fmt::format("Club {}", c + 1);
    if (clubs[c].merged.size() > 1) name += fmt::format(" ({})", fmt::join(clubs[c].merged, "+"));
    t.rows.push_back({name, std::to_string(clubs[c].members.size()), format_fixed(clubs[c].test.coef), format_fixed(clubs[c].test.se), format_fixed(clubs[c].test.stat)});
    t.notes.push_back(fmt::format("{}: {}", name, member_list(clubs[c].members, r)));
  }
  if (!r.divergent.empty()) {
    t.rows.push_back({"Divergent", std::to_string(r.divergent.size()), "", "", ""});
    t.notes.push_back("Divergent: " + member_list(r.divergent, r));
  }
  return t;
}

}  // namespace

std::vector<Table> club_tables(const ClubResult& r) {
  const auto& o = r.options;
  Table full;
  full.title = fmt::format("Phillips-Sul log t test of {}{} ({} units x {} periods)", o.logs ? "ln " : "", r.variable, r.units.size(), r.periods);
  full.header = {"Statistic", "Value"};
  full.rows = {{"b (log t)", format_fixed(r.full.coef)}, {"SE (HAC)", format_fixed(r.full.se)}, {"t", format_fixed(r.full.stat)}, {"Periods used", std::to_string(r.full.nobs)}};
  full.notes.push_back(fmt::format("{}; r = {:g}; convergence is rejected when t < -1.65.",
                                   o.hp_lambda > 0 ? fmt::format("Hodrick-Prescott trend, lambda = {:g}", o.hp_lambda) : std::string("no filtering"), o.r));
  std::vector<Table> tables = {full, clubs_table(fmt::format("Convergence clubs (c* = {:g})", o.cstar), r.clubs, r)};
  if (o.merge != "none") tables.push_back(clubs_table(o.merge == "ps" ? "Merged clubs (Phillips-Sul 2009)" : "Merged clubs (von Lyncker-Thoennessen 2017)", r.merged, r));
  return tables;
}

}  // namespace cbec
