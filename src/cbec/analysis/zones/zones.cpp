// zones: the pilot-zone registry summarised: zones by batch and region, by province and by year
// (cumulative rollout), coverage of provinces and prefecture-level cities, and a map of the zones
// by batch on the shipped prefecture polygons. The registry is the data when it has the registry's
// columns (cbec zones data/cbec_pilot_zones.csv), else the `registry` file, else the shipped one.
#include <fmt/format.h>

#include <filesystem>

#include "cbec/analysis/zones/zones_analyses.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/domain/zone_summary.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/report/polygon_geojson.hpp"
#include "cbec/report/zones_report.hpp"

namespace cbec {

Analysis zones_analysis() {
  Analysis a;
  a.name = "zones";
  a.command = "zones";
  a.summary = "Pilot-zone registry summary: zones by batch, region, province and year, coverage, map by batch";
  a.options = {choice_option("scheme", {"three-belt", "four-region", "seven", "seven-east-jiangxi"}, "seven", "Regions of the batch table"),
               choice_option("county_rule", {"parent", "ignore"}, "parent", "parent: a county-level zone such as Yiwu covers its prefecture"),
               text_option("registry", "Registry CSV (default: the data when it has the columns city_cn, batch and approval_date, else the shipped registry)"),
               flag_option("no_map", "Leave out the map (it reads the shipped prefecture polygons)")};
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    std::string source;
    std::vector<PilotZone> zones;
    if (!o.text("registry").empty()) {
      zones = load_pilot_zones(o.text("registry"));
      source = std::filesystem::path(o.text("registry")).filename().string();
    } else if (is_registry(frame)) {
      zones = pilot_zones_from(frame, ctx.data);
      source = "the data";
    } else {
      zones = load_pilot_zones();
      source = "shipped cbec_pilot_zones.csv";
    }
    ZoneSummaryOptions so;
    so.scheme = o.text("scheme");
    so.county_rule = o.text("county_rule");
    const ZoneSummary s = summarize_zones(zones, so);
    Outcome out;
    out.tables = zone_summary_tables(s);
    out.tables.front().notes.push_back(fmt::format("Registry: {} ({} rows).", source, zones.size()));
    out.figures.push_back(zones_rollout_chart(s));
    if (!o.flag("no_map")) {
      const Polygons polygons = read_polygons(data_dir() + "/china_city_polygons.csv", "city_cn");
      out.figures.push_back(zones_map(s, polygons_to_geojson(polygons, 0.05)));
    }
    out.json = to_json(s);
    out.json["registry"] = source;
    return out;
  };
  return a;
}

}  // namespace cbec
