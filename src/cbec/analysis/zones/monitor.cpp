// monitor: indicators of pilot-zone units against the others over time, on a city (or province)
// panel: zone membership from the registry (matched by name as `cbec treat` does), levels, growth
// and gaps by period, rank changes from the first to the last period, and inequality per period:
// Theil T and L split into between- and within-group parts (Shorrocks 1980) and the Gini split by
// Dagum (1997), between zone and other units or between the groups of a column (e.g. regions).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "cbec/analysis/zones/zone_matching.hpp"
#include "cbec/analysis/zones/zones_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/report/zones_report.hpp"

namespace cbec {

namespace {

// The panel laid out by unit and period, with each unit's first zone year (0: none).
struct MonitorPanel {
  std::vector<std::string> units;
  std::vector<double> periods, zone_year;
  std::vector<std::vector<size_t>> row;         // row[u][t]: the data row, or npos
};

MonitorPanel layout(const Frame& frame, const Options& o, const AnalysisContext& ctx, TreatReport& report) {
  Frame ids;
  ids.set(frame.get(ctx.unit));
  ids.set(frame.get(ctx.time));
  report = add_treatment(ids, zone_matching(o, ctx), matching_zones(o));
  const auto& time = frame.numeric(ctx.time);
  const auto& first = ids.numeric("first_treat");
  const Column& unit = frame.get(ctx.unit);
  const double from = o.has("start") ? static_cast<double>(o.integer("start")) : -INFINITY, to = o.has("end") ? static_cast<double>(o.integer("end")) : INFINITY;
  if (from > to) throw SpecError(fmt::format("start ({:g}) is after end ({:g})", from, to));
  MonitorPanel p;
  std::set<double> periods;
  std::map<std::string, size_t> unit_index;
  for (size_t i = 0; i < frame.nrows(); ++i) {
    if (unit.is_missing(i) || std::isnan(time[i]) || time[i] < from || time[i] > to) continue;
    periods.insert(time[i]);
    if (unit_index.emplace(unit.text(i), p.units.size()).second) {
      p.units.push_back(unit.text(i));
      p.zone_year.push_back(first[i]);
    }
  }
  if (periods.empty()) throw DataError(fmt::format("{}: no row of '{}' within the years asked for", ctx.data, ctx.time));
  p.periods.assign(periods.begin(), periods.end());
  p.row.assign(p.units.size(), std::vector<size_t>(p.periods.size(), std::string::npos));
  for (size_t i = 0; i < frame.nrows(); ++i) {
    if (unit.is_missing(i) || std::isnan(time[i]) || time[i] < from || time[i] > to) continue;
    const size_t t_index = static_cast<size_t>(std::lower_bound(p.periods.begin(), p.periods.end(), time[i]) - p.periods.begin());
    p.row[unit_index[unit.text(i)]][t_index] = i;
  }
  return p;
}

// Inequality of one period among the units with a positive value, grouped by zone or by `by`.
PeriodInequality period_inequality(const MonitorPanel& p, const std::vector<std::vector<int>>& zone, const std::vector<double>& x, const Column* by,
                                   size_t t) {
  PeriodUnits units;
  for (size_t u = 0; u < p.units.size(); ++u) {
    const size_t i = p.row[u][t];
    if (i == std::string::npos) continue;
    const bool has_group = !by || !by->is_missing(i);
    units.add(x[i], has_group, !has_group ? std::string() : by ? by->text(i) : zone[u][t] ? "zone" : "other");
  }
  return units.result(p.periods[t]);
}

}  // namespace

Analysis monitor_analysis() {
  Analysis a;
  a.name = "monitor";
  a.command = "zones";
  a.summary = "Pilot-zone monitoring: indicators of zone and other units by period (levels, growth, gaps, ranks, Theil and Gini decompositions)";
  a.options = {columns_option("indicators", "Indicator columns to follow", true)};
  for (auto& option : zone_matching_options()) a.options.push_back(std::move(option));
  a.options.insert(a.options.end(), {choice_option("membership", {"ever", "by-year"}, "ever",
                             "ever: fixed groups, the units with a zone by the last period; by-year: a unit is a zone from its zone year on"),
               integer_option("start", nullptr, "First period (default: the first of the data)"),
               integer_option("end", nullptr, "Last period (default: the last of the data)"),
               column_option("by", "Groups of the inequality decomposition, e.g. a region column (default: zone and other units)")});
  a.needs.panel = PanelNeed::Required;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    TreatReport report;
    const MonitorPanel p = layout(frame, o, ctx, report);
    const bool ever = o.text("membership") == "ever";
    const size_t T = p.periods.size();
    std::vector<std::vector<int>> zone(p.units.size(), std::vector<int>(T, 0));
    for (size_t u = 0; u < p.units.size(); ++u)
      for (size_t t = 0; t < T; ++t) {
        const double year = ever ? p.periods.back() : p.periods[t];
        zone[u][t] = p.zone_year[u] > 0 && p.zone_year[u] <= year;
      }
    const Column* by = o.has("by") ? &frame.get(o.text("by")) : nullptr;
    const std::string by_label = by ? o.text("by") : "zone and other units";
    const std::string units_word = o.text("level") == "city" ? "cities" : "provinces";
    Outcome out;
    Table members;
    members.title = fmt::format("Pilot-zone membership of the {} {} ({})", p.units.size(), units_word,
                                ever ? fmt::format("zones: a zone by {:g}", p.periods.back()) : "zones: from the zone year on");
    members.header = {"Period", "Zones", "Others"};
    nlohmann::json zones_per_period = nlohmann::json::array();
    for (size_t t = 0; t < T; ++t) {
      size_t n = 0;
      for (size_t u = 0; u < p.units.size(); ++u) n += static_cast<size_t>(zone[u][t]);
      members.rows.push_back({fmt::format("{:g}", p.periods[t]), std::to_string(n), std::to_string(p.units.size() - n)});
      zones_per_period.push_back({{"period", period_json(p.periods[t])}, {"zones", n}});
    }
    members.notes.push_back("Matching: " + report.rules + ".");
    if (!report.unmatched.empty())
      members.notes.push_back(fmt::format("Names matching no known place (counted as others): {}.", fmt::join(report.unmatched, ", ")));
    for (const auto& w : report.warnings) members.notes.push_back("Warning: " + w + ".");
    out.tables.push_back(members);
    nlohmann::json periods = nlohmann::json::array();
    for (double period : p.periods) periods.push_back(period_json(period));
    out.json = {{"membership", o.text("membership")}, {"level", o.text("level")}, {"rules", report.rules}, {"by", by ? nlohmann::json(o.text("by")) : nlohmann::json(nullptr)},
                {"units", p.units.size()}, {"periods", periods}, {"zones", zones_per_period}, {"unmatched", report.unmatched},
                {"warnings", report.warnings}, {"indicators", nlohmann::json::array()}};
    for (const auto& name : o.list("indicators")) {
      const auto& x = frame.numeric(name);
      GroupTrendInput in;
      in.periods = p.periods;
      in.group = zone;
      in.value.assign(p.units.size(), std::vector<double>(T, NAN));
      for (size_t u = 0; u < p.units.size(); ++u)
        for (size_t t = 0; t < T; ++t)
          if (p.row[u][t] != std::string::npos) in.value[u][t] = x[p.row[u][t]];
      const GroupTrends trends = group_trends(in);
      std::vector<PeriodInequality> inequality;
      for (size_t t = 0; t < T; ++t) inequality.push_back(period_inequality(p, zone, x, by, t));
      out.tables.push_back(levels_table(name, trends, units_word));
      out.tables.push_back(inequality_table(name, inequality, by_label));
      out.tables.push_back(ranks_table(name, trends, p.units, p.periods.front(), p.periods.back()));
      std::vector<LinePoint> lines;
      for (const auto& period : trends.periods) {
        lines.push_back({period.period, period.mean[1], "zones"});
        lines.push_back({period.period, period.mean[0], "others"});
      }
      out.figures.push_back(line_chart("", fmt::format("Mean {} of pilot-zone and other {}", name, units_word), "Period", name, lines));
      out.json["indicators"].push_back(monitor_json(name, trends, inequality, p.units));
    }
    return out;
  };
  return a;
}

}  // namespace cbec
