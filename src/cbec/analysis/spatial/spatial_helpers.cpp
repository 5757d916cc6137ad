#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/weights_io.hpp"

namespace cbec {

namespace {

// Sorts period labels numerically when they are all numbers, else as text.
bool period_less(const std::string& a, const std::string& b) {
  char *ea = nullptr, *eb = nullptr;
  const double x = std::strtod(a.c_str(), &ea), y = std::strtod(b.c_str(), &eb);
  if (ea && *ea == '\0' && eb && *eb == '\0' && !a.empty() && !b.empty()) return x < y;
  return a < b;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<size_t>>> periods_of(const Frame& f, const std::string& time) {
  std::map<std::string, std::vector<size_t>> by;
  if (time.empty()) {
    std::vector<size_t> all(f.nrows());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return {{"all", all}};
  }
  const Column& t = f.get(time);
  for (size_t i = 0; i < f.nrows(); ++i)
    if (!t.is_missing(i)) by[t.text(i)].push_back(i);
  std::vector<std::pair<std::string, std::vector<size_t>>> out(by.begin(), by.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return period_less(a.first, b.first); });
  return out;
}

std::vector<size_t> rows_of_year(const Frame& f, const std::string& time, const Options& o, std::string& label) {
  if (time.empty()) {
    if (o.has("year")) throw SpecError("'year' needs the time column (--time column, or [data] time)");
    label = "all";
    return periods_of(f, "")[0].second;
  }
  auto ps = periods_of(f, time);
  if (ps.empty()) throw DataError(fmt::format("the time column '{}' has no values", time));
  if (!o.has("year")) {
    label = ps.back().first;
    return ps.back().second;
  }
  const long long y = o.integer("year");
  for (auto& [p, rows] : ps) {
    char* end = nullptr;
    const double v = std::strtod(p.c_str(), &end);
    if ((end && *end == '\0' && v == static_cast<double>(y)) || p == std::to_string(y)) {
      label = p;
      return rows;
    }
  }
  throw DataError(fmt::format("there is no {} {} in the data", time, y));
}

SpatialWeights weights_on(const SpatialSetup& s, const std::vector<std::string>& ids, const std::string& where) {
  std::unordered_map<std::string, long> pos;
  for (size_t i = 0; i < ids.size(); ++i) pos[ids[i]] = static_cast<long>(i);
  // The place in ids of each unit of the weights (-1: not in ids), one lookup per unit.
  std::vector<long> at(s.w.ids.size(), -1);
  for (size_t i = 0; i < s.w.ids.size(); ++i)
    if (const auto a = pos.find(s.w.ids[i]); a != pos.end()) at[i] = a->second;
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<size_t>(s.w.W.nonZeros()));
  for (long i = 0; i < s.w.W.outerSize(); ++i) {
    const long a = at[static_cast<size_t>(i)];
    if (a < 0) continue;
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(s.w.W, i); it; ++it)
      if (const long b = at[static_cast<size_t>(it.col())]; b >= 0) t.emplace_back(a, b, it.value());
  }
  SpatialWeights w;
  w.ids = ids;
  w.construction = s.w.construction;
  w.W.resize(static_cast<long>(ids.size()), static_cast<long>(ids.size()));
  w.W.setFromTriplets(t.begin(), t.end());
  if (std::none_of(t.begin(), t.end(), [](const Eigen::Triplet<double>& e) { return e.value() != 0; }))
    throw DataError(fmt::format("{}{}the weights ({}) have no link among the {} units analysed (every unit is an island), so no spatial "
                                "statistic or model is defined; check the weights (and the units with data)", where, where.empty() ? "" : ": ",
                                s.w.construction, ids.size()));
  if (s.transform == "R") w = row_standardize(w);
  else if (s.transform == "S") w = variance_stabilize(w);
  else if (s.transform != "B") throw SpecError(fmt::format("the weights' transform must be R, B or S, not '{}'", s.transform));
  return w;
}

std::vector<std::string> check_units(const Frame& f, const SpatialSetup& s, const std::string& data) {
  const Column& key = f.get(s.key);
  std::unordered_map<std::string, int> in_w, in_data;
  for (const auto& id : s.w.ids) in_w[id] = 1;
  std::vector<std::string> missing_w, outside;
  for (size_t r = 0; r < f.nrows(); ++r) {
    if (key.is_missing(r)) continue;
    const std::string id = key.text(r);
    if (in_data.emplace(id, 1).second && !in_w.count(id)) missing_w.push_back(id);
  }
  if (!missing_w.empty())
    throw DataError(fmt::format("{} ('{}'): {} unit{} of the data {} not in the weights: {}; the weights' ids are like {}: check --id (or [spatial] key) "
                                "names the column holding the same ids", data, s.key, missing_w.size(), missing_w.size() == 1 ? "" : "s",
                                missing_w.size() == 1 ? "is" : "are", unit_list(missing_w), unit_list(s.w.ids, 3)));
  for (const auto& id : s.w.ids)
    if (!in_data.count(id)) outside.push_back(id);
  return outside;
}

SpatialPeriod spatial_period(const Frame& f, const SpatialSetup& s, const std::string& variable, const std::vector<size_t>& rows,
                             const std::string& label, const std::string& data) {
  SpatialPeriod p;
  p.outside = check_units(f, s, data);
  p.label = label;
  const Column& key = f.get(s.key);
  const auto& x = f.numeric(variable);
  std::unordered_map<std::string, size_t> in_w;
  for (size_t i = 0; i < s.w.ids.size(); ++i) in_w[s.w.ids[i]] = i;
  std::unordered_map<std::string, int> seen;
  std::vector<std::string> unknown;
  for (size_t r : rows) {
    if (key.is_missing(r)) continue;
    const std::string id = key.text(r);
    if (!in_w.count(id)) {
      unknown.push_back(id);
      continue;
    }
    if (seen.count(id))
      throw DataError(fmt::format("{}: unit '{}' has more than one row{}", data, id,
                                  label == "all" ? "; give the time column (--time, or [data] time) for a panel"
                                                 : " in period " + label + ": keep one row per unit and period (a duplicate row, or a subset that leaves two)"));
    seen[id] = 1;
    if (std::isnan(x[r])) {
      p.dropped.push_back(id);
      continue;
    }
    p.ids.push_back(id);
    p.x.push_back(x[r]);
  }
  if (!unknown.empty())
    throw DataError(fmt::format("{}{}: units in the data but not in the weights: [{}]", data, label == "all" ? "" : " period " + label,
                                unit_list(unknown)));
  if (p.ids.empty())
    throw DataError(fmt::format("{}{}: no unit has a value of {}{}", data, label == "all" ? "" : " period " + label, variable,
                                rows.empty() ? " (the period has no rows)" : fmt::format(" ({} rows, all missing)", rows.size())));
  std::unordered_map<std::string, int> outside(p.outside.size());
  for (const auto& id : p.outside) outside[id] = 1;
  for (const auto& id : s.w.ids)
    if (!seen.count(id) && !outside.count(id)) p.dropped.push_back(id);
  p.w = weights_on(s, p.ids, data + (label == "all" ? "" : " period " + label));
  for (size_t i = 0; i < p.ids.size(); ++i)
    if (p.w.W.row(static_cast<Eigen::Index>(i)).nonZeros() == 0 && s.w.W.row(static_cast<Eigen::Index>(in_w[p.ids[i]])).nonZeros() > 0)
      p.islands_created.push_back(p.ids[i]);
  return p;
}

std::string transform_label(const std::string& transform) {
  return transform == "R" ? "row-standardized" : transform == "S" ? "variance-stabilized" : "binary";
}

void each_period(const Frame& frame, const SpatialSetup& s, const std::string& variable, const AnalysisContext& ctx, Table& t,
                 nlohmann::json& results, const PeriodStatistic& stat) {
  std::vector<SpatialPeriod> periods;
  const auto& x = frame.numeric(variable);
  const auto all_periods = periods_of(frame, ctx.time);
  std::vector<std::string> skipped;
  for (const auto& [label, rows] : all_periods) {
    // A period of a panel with fewer than 4 values (a year before a variable was collected) is left
    // out and named; the other periods are computed. Without a time column it is an error below.
    const auto values = static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [&](size_t r) { return !std::isnan(x[r]); }));
    if (all_periods.size() > 1 && values < 4) {
      skipped.push_back(fmt::format("{} ({} value{})", label, values, values == 1 ? "" : "s"));
      results.push_back({{"period", label}, {"n", values}, {"skipped", "fewer than 4 units with a value"}});
      continue;
    }
    SpatialPeriod p = spatial_period(frame, s, variable, rows, label, ctx.data);
    auto [row, json] = stat(p);
    t.rows.push_back(std::move(row));
    json.update({{"period", label}, {"n", p.ids.size()}, {"n_with_neighbours", p.w.units_with_neighbours()}, {"dropped", p.dropped.size()}, {"dropped_units", p.dropped},
                 {"islands_created", p.islands_created}});
    results.push_back(std::move(json));
    periods.push_back(std::move(p));
  }
  if (periods.empty())
    throw DataError(fmt::format("{}: no period has 4 or more units with a value of '{}'; check the variable", ctx.data, variable));
  add_weights_notes(t, s, periods);
  if (!skipped.empty())
    t.notes.push_back(fmt::format("Periods left out, fewer than 4 units with a value of {}: {}.", variable, fmt::join(skipped, ", ")));
}

void add_weights_notes(Table& t, const SpatialSetup& s, const std::vector<SpatialPeriod>& periods) {
  t.notes.push_back(fmt::format("Weights: {}, {}.", s.w.construction, transform_label(s.transform)));
  for (const auto& n : s.notes) t.notes.push_back(n);
  if (!periods.empty() && !periods.front().outside.empty())
    t.notes.push_back(fmt::format("The weights have {} unit{} not in the data, left out (W subset to the data's units): {}.", periods.front().outside.size(),
                                  periods.front().outside.size() == 1 ? "" : "s", unit_list(periods.front().outside)));
  for (const auto& p : periods) {
    const std::string when = p.label == "all" ? "" : p.label + ": ";
    if (!p.dropped.empty())
      t.notes.push_back(fmt::format("{}{} unit{} without a value left out of the weights: {}.", when, p.dropped.size(),
                                    p.dropped.size() == 1 ? "" : "s", unit_list(p.dropped)));
    if (!p.islands_created.empty())
      t.notes.push_back(fmt::format("{}{} unit{} no neighbour among the units analysed (islands, spatial lag 0): {}.", when, p.islands_created.size(),
                                    p.islands_created.size() == 1 ? " has" : "s have", unit_list(p.islands_created)));
  }
}

OptionSpec variable_option() { return column_option("variable", "The variable", true); }
OptionSpec year_option() {
  return integer_option("year", nullptr, "The period of the time column analysed by local statistics and maps, and of Moran's scatterplot (default: the last; without a time column all rows are one period)");
}
OptionSpec permutations_option() { return count_option("permutations", 999, "Permutations for pseudo p-values (0: none)"); }
OptionSpec alpha_option() { return number_option("alpha", 0.05, "Significance level of clusters and hot/cold spots", 0, 1); }
OptionSpec adjust_option() { return choice_option("adjust", {"bonferroni", "fdr"}, "", "Multiple-testing adjustment of the local p-values"); }

}  // namespace cbec
