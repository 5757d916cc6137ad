// regions: a region column (three-belt, four-region, seven, seven-east-jiangxi, zhejiang, yrd, or a
// user's scheme file) for a city or province data set by matching names in Chinese or English,
// reporting units not matched.
#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/domain/regions.hpp"
#include "cbec/report/panel_json.hpp"
#include "cbec/report/panel_tables.hpp"

namespace cbec {

Analysis regions_analysis() {
  Analysis a;
  a.name = "regions";
  a.command = "regions";
  a.summary = "Region groupings of Chinese provinces and cities (NBS three-belt and four-region, seven regions with Jiangxi in Central or East China, Zhejiang, Yangtze River Delta, a scheme file)";
  a.options = {choice_option("level", {"city", "province"}, "city", "Units are cities or provinces (names in Chinese or English)"),
               choice_option("scheme", {"three-belt", "four-region", "seven", "seven-east-jiangxi", "zhejiang", "yrd", "file"}, "three-belt",
                             "The grouping (seven-east-jiangxi: the seven regions with Jiangxi in East China; file: --scheme-file)"),
               text_option("scheme_file", "The user's scheme of --scheme file: a CSV with the columns unit and region"),
               text_option("name", "Name of the new column (default: the scheme with _ for -, e.g. three_belt; region for a file); an existing column is an error")};
  a.needs.panel = PanelNeed::Optional;   // the unit column holds the names; the time is not used
  a.creates = [](const Options& o) {
    return std::vector<std::string>{o.text("name").empty() ? region_column(o.text("scheme")) : o.text("name")};
  };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    if (ctx.unit.empty()) throw SpecError("'regions' needs the column of city or province names (--unit, or [data] unit)");
    RegionOptions ro;
    ro.unit = ctx.unit;
    ro.level = o.text("level");
    ro.scheme = o.text("scheme");
    ro.scheme_file = o.text("scheme_file");
    ro.column = o.text("name");
    const RegionReport r = add_regions(frame, ro);
    return Outcome{{regions_table(r)}, {}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
