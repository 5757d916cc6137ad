#include "cbec/report/zones_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/report/maps.hpp"
#include "cbec/report/regression_json.hpp"

namespace cbec {

namespace {

std::string pct(double part, double whole) { return whole > 0 ? fmt::format("{:.1f}", 100 * part / whole) : "."; }
std::string count(size_t n) { return std::to_string(n); }
std::string period_label(double p) { return fmt::format("{:g}", p); }
const char* const kGroupName[2] = {"other", "zone"};

}  // namespace

std::vector<Table> zone_summary_tables(const ZoneSummary& s) {
  Table batch;
  batch.title = fmt::format("Pilot zones by batch and region ({} scheme): {} zones", s.scheme, s.zones);
  batch.header = {"Batch", "Year"};
  for (const auto& r : s.regions) batch.header.push_back(r);
  batch.header.insert(batch.header.end(), {"Total", "Cumulative"});
  std::vector<size_t> column_total(s.regions.size());
  size_t cumulative = 0;
  for (size_t b = 0; b < s.batches.size(); ++b) {
    std::vector<std::string> row = {count(static_cast<size_t>(s.batches[b])), std::to_string(s.batch_years[b])};
    size_t total = 0;
    for (size_t r = 0; r < s.regions.size(); ++r) {
      row.push_back(count(s.by_batch_region[b][r]));
      total += s.by_batch_region[b][r];
      column_total[r] += s.by_batch_region[b][r];
    }
    cumulative += total;
    row.insert(row.end(), {count(total), count(cumulative)});
    batch.rows.push_back(row);
  }
  std::vector<std::string> total_row = {"Total", ""};
  for (size_t c : column_total) total_row.push_back(count(c));
  total_row.insert(total_row.end(), {count(cumulative), ""});
  batch.rules_before.push_back(batch.rows.size());
  batch.rows.push_back(total_row);
  if (!s.unmatched.empty()) batch.notes.push_back(fmt::format("Zones whose province is not a mainland province (left out): {}.", fmt::join(s.unmatched, ", ")));

  Table province;
  province.title = "Pilot zones by province";
  province.header = {"Province", "", "Region", "Zones", "First year", "Prefectures with a zone", "Prefectures", "Share (%)"};
  for (const auto& p : s.provinces)
    province.rows.push_back({p.name_en, p.name_cn, p.region, count(p.zones), p.first_year ? std::to_string(p.first_year) : "-",
                             count(p.cities_covered), count(p.cities), pct(static_cast<double>(p.cities_covered), static_cast<double>(p.cities))});

  Table year;
  year.title = "Rollout by year (cumulative)";
  year.header = {"Year", "New zones", "Zones", "Provinces", "Provinces (%)", "Prefectures", "Prefectures (%)"};
  for (const auto& y : s.years)
    year.rows.push_back({std::to_string(y.year), count(y.new_zones), count(y.zones), count(y.provinces),
                         pct(static_cast<double>(y.provinces), static_cast<double>(s.provinces_total)), count(y.cities),
                         pct(static_cast<double>(y.cities), static_cast<double>(s.cities_total))});
  year.notes.push_back(fmt::format("Coverage of the {} mainland provinces and the {} prefecture-level units of data/china_cities.csv (not the county-level units administered by their province) (each year: covered by a zone approved "
                                   "that year or before).",
                                   s.provinces_total, s.cities_total));
  year.notes.push_back(s.county_rule == "parent"
                           ? fmt::format("County-level zones cover their parent prefecture: {}.", fmt::join(s.county_level, ", "))
                           : fmt::format("County-level zones cover no prefecture (county rule 'ignore'): {}.", fmt::join(s.county_level, ", ")));
  if (!s.no_prefecture.empty())
    year.notes.push_back(fmt::format("Zones covering no prefecture of the table (a state-level new area has no parent in the registry): {}.",
                                     fmt::join(s.no_prefecture, ", ")));
  return {batch, province, year};
}

nlohmann::json to_json(const ZoneSummary& s) {
  using nlohmann::json;
  json batches = json::array();
  for (size_t b = 0; b < s.batches.size(); ++b) {
    json regions = json::object();
    for (size_t r = 0; r < s.regions.size(); ++r) regions[s.regions[r]] = s.by_batch_region[b][r];
    batches.push_back({{"batch", s.batches[b]}, {"year", s.batch_years[b]}, {"regions", regions}});
  }
  json provinces = json::array();
  for (const auto& p : s.provinces)
    provinces.push_back({{"province", p.name_en}, {"province_cn", p.name_cn}, {"region", p.region}, {"zones", p.zones},
                         {"first_year", p.first_year ? json(p.first_year) : json(nullptr)}, {"prefectures_covered", p.cities_covered},
                         {"prefectures", p.cities}});
  json years = json::array();
  for (const auto& y : s.years)
    years.push_back({{"year", y.year}, {"new_zones", y.new_zones}, {"zones", y.zones}, {"provinces", y.provinces}, {"prefectures", y.cities}});
  return {{"scheme", s.scheme}, {"county_rule", s.county_rule}, {"zones", s.zones}, {"regions", s.regions}, {"by_batch", batches},
          {"by_province", provinces}, {"by_year", years}, {"provinces_total", s.provinces_total}, {"prefectures_total", s.cities_total},
          {"prefecture_batch", s.city_batch}, {"county_level", s.county_level}, {"no_prefecture", s.no_prefecture}, {"unmatched", s.unmatched}};
}

Figure zones_map(const ZoneSummary& s, const nlohmann::json& features) {
  MapLegend legend;
  legend.title = "First zone";
  // One colour per batch: the earliest darkest.
  const std::vector<std::string> palette = {"#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"};
  std::map<std::string, std::string> category;
  for (size_t b = 0; b < s.batches.size(); ++b) {
    legend.categories.push_back(fmt::format("batch {} ({})", s.batches[b], s.batch_years[b]));
    legend.colors.push_back(palette[std::min(b, palette.size() - 1)]);
  }
  legend.categories.push_back("no zone");
  legend.colors.push_back("#fff5eb");
  for (const auto& f : features) {
    const std::string id = f["id"].get<std::string>();
    const auto it = s.city_batch.find(id);
    if (it == s.city_batch.end()) {
      category[id] = "no zone";
      continue;
    }
    const auto b = std::find(s.batches.begin(), s.batches.end(), it->second) - s.batches.begin();
    category[id] = legend.categories[static_cast<size_t>(b)];
  }
  return choropleth(fmt::format("Cross-border e-commerce pilot zones by batch ({} zones)", s.zones), features, category, {}, legend,
                    fmt::format("{} County-level zones shade their parent prefecture ({}).", kApproximateBoundaries,
                                s.county_rule == "parent" ? "county rule parent" : "none: county rule ignore"));
}

Figure zones_rollout_chart(const ZoneSummary& s) {
  std::vector<LinePoint> points;
  for (const auto& y : s.years) {
    points.push_back({static_cast<double>(y.year), static_cast<double>(y.zones), "zones"});
    points.push_back({static_cast<double>(y.year), static_cast<double>(y.provinces), "provinces covered"});
    points.push_back({static_cast<double>(y.year), static_cast<double>(y.cities), "prefectures covered"});
  }
  return line_chart("", "Cumulative rollout of the pilot zones", "Year", "Count", points);
}

Table levels_table(const std::string& indicator, const GroupTrends& t, const std::string& units_word) {
  Table tab;
  tab.title = fmt::format("{}: pilot-zone {} against the others", indicator, units_word);
  tab.header = {"Period", "Zones n", "Zones mean", "Others n", "Others mean", "Gap", "Ratio", "Zones growth (%)", "Others growth (%)", "Growth gap (pp)"};
  for (const auto& p : t.periods)
    tab.rows.push_back({period_label(p.period), count(p.n[1]), format_fixed(p.mean[1]), count(p.n[0]), format_fixed(p.mean[0]), format_fixed(p.gap),
                        format_fixed(p.ratio), format_fixed(100 * p.growth[1]), format_fixed(100 * p.growth[0]), format_fixed(100 * p.growth_gap)});
  tab.notes.push_back("Gap = zones' mean - others' mean; ratio = zones' mean / others' mean. Growth: the mean over units of x_t / x_{t-1} - 1 since the "
                      "previous period of the data (units with both values, x_{t-1} > 0).");
  return tab;
}

Table inequality_table(const std::string& indicator, const std::vector<PeriodInequality>& rows, const std::string& by) {
  Table tab;
  tab.title = fmt::format("Inequality of {} between and within groups ({})", indicator, by);
  tab.header = {"Period", "n", "Gini", "Gini within", "Gini net between", "Gini transvariation", "Theil T", "T between", "T within", "T between (%)",
                "Theil L", "L between", "L within"};
  size_t excluded = 0, missing = 0;
  for (const auto& r : rows) {
    excluded += r.excluded;
    missing += r.missing;
    tab.rows.push_back({period_label(r.period), count(r.n), format_fixed(r.gini.gini), format_fixed(r.gini.within), format_fixed(r.gini.net_between),
                        format_fixed(r.gini.transvariation), format_fixed(r.theil.t), format_fixed(r.theil.t_between), format_fixed(r.theil.t_within),
                        pct(r.theil.t_between, r.theil.t), format_fixed(r.theil.l), format_fixed(r.theil.l_between), format_fixed(r.theil.l_within)});
  }
  tab.notes.push_back("Theil T and L (Theil 1967) = between + within (Shorrocks 1980); Gini = within + net between + transvariation (Dagum 1997).");
  if (excluded) tab.notes.push_back(fmt::format("{} unit-periods with a value <= 0 are left out (the Theil indices need positive values).", excluded));
  if (missing) tab.notes.push_back(fmt::format("{} unit-periods without a value of {} or without a group are left out.", missing, indicator));
  return tab;
}

Table ranks_table(const std::string& indicator, const GroupTrends& t, const std::vector<std::string>& units, double first, double last) {
  Table tab;
  tab.title = fmt::format("Ranks of {}: {} to {} (1 = largest)", indicator, period_label(first), period_label(last));
  tab.header = {"Unit", "Group", "Rank " + period_label(first), "Rank " + period_label(last), "Change"};
  std::vector<UnitRank> ranks = t.ranks;
  std::stable_sort(ranks.begin(), ranks.end(), [](const UnitRank& a, const UnitRank& b) { return a.change > b.change; });
  for (const auto& r : ranks)
    tab.rows.push_back({units[r.unit], kGroupName[r.group], fmt::format("{:g}", r.first), fmt::format("{:g}", r.last), fmt::format("{:+g}", r.change)});
  tab.notes.push_back(fmt::format("Mean change: zones {} ({} units), others {} ({} units); change > 0: moved up. Ranks among the units with a value in both periods.",
                                  format_fixed(t.mean_rank_change[1]), t.ranked[1], format_fixed(t.mean_rank_change[0]), t.ranked[0]));
  return tab;
}

nlohmann::json period_json(double period) {
  return period == std::floor(period) && std::fabs(period) < 1e15 ? nlohmann::json(static_cast<long long>(period)) : nlohmann::json(period);
}

nlohmann::json inequality_json(const std::vector<PeriodInequality>& rows) {
  using nlohmann::json;
  json inequality = json::array();
  for (const auto& r : rows) {
    json groups = json::array();
    for (size_t g = 0; g < r.groups.size(); ++g) {
      const auto& gi = r.theil.groups[g];
      groups.push_back({{"group", r.groups[g]}, {"n", gi.n}, {"mean", gi.mean}, {"pop_share", gi.pop_share}, {"value_share", gi.value_share},
                        {"theil_t", gi.theil_t}, {"theil_l", gi.theil_l}, {"gini", r.gini.group_gini[g]}});
    }
    inequality.push_back({{"period", period_json(r.period)}, {"n", r.n}, {"excluded", r.excluded}, {"missing", r.missing}, {"gini", r.gini.gini}, {"gini_within", r.gini.within},
                          {"gini_net_between", r.gini.net_between}, {"gini_transvariation", r.gini.transvariation}, {"theil_t", r.theil.t},
                          {"theil_t_between", r.theil.t_between}, {"theil_t_within", r.theil.t_within}, {"theil_l", r.theil.l},
                          {"theil_l_between", r.theil.l_between}, {"theil_l_within", r.theil.l_within}, {"groups", groups}});
  }
  return inequality;
}

nlohmann::json monitor_json(const std::string& indicator, const GroupTrends& t, const std::vector<PeriodInequality>& rows,
                            const std::vector<std::string>& units) {
  using nlohmann::json;
  json levels = json::array();
  for (const auto& p : t.periods)
    levels.push_back({{"period", period_json(p.period)}, {"n_zone", p.n[1]}, {"mean_zone", json_number(p.mean[1])}, {"n_other", p.n[0]}, {"mean_other", json_number(p.mean[0])},
                      {"gap", json_number(p.gap)}, {"ratio", json_number(p.ratio)}, {"growth_zone", json_number(p.growth[1])},
                      {"growth_other", json_number(p.growth[0])}, {"growth_gap", json_number(p.growth_gap)}});
  json ranks = json::array();
  for (const auto& r : t.ranks)
    ranks.push_back({{"unit", units[r.unit]}, {"group", kGroupName[r.group]}, {"first", r.first}, {"last", r.last}, {"change", r.change}});
  return {{"indicator", indicator}, {"levels", levels}, {"inequality", inequality_json(rows)},
          {"ranks", {{"mean_change_zone", json_number(t.mean_rank_change[1])}, {"mean_change_other", json_number(t.mean_rank_change[0])}, {"units", ranks}}}};
}

}  // namespace cbec
