// regions: a region column (three-belt, four-region, seven, zhejiang, yrd) for a city or province
// data set by matching names in Chinese or English, reporting units not matched.
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
  a.summary = "Region groupings of Chinese provinces and cities (NBS three-belt and four-region, seven regions, Zhejiang, Yangtze River Delta)";
  a.options = {choice_option("level", {"city", "province"}, "city", "Units are cities or provinces (names in Chinese or English)"),
               text_option("scheme", "three-belt | four-region | seven | zhejiang | yrd", "three-belt"),
               text_option("name", "Name of the new column (default: the scheme with _ for -, e.g. three_belt)")};
  a.needs.panel = PanelNeed::Optional;   // the unit column holds the names; the time is not used
  a.creates = [](const Options& o) {
    std::string column = o.text("name");
    if (column.empty())
      for (char c : o.text("scheme")) column += c == '-' ? '_' : c;
    return std::vector<std::string>{column};
  };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    if (ctx.unit.empty()) throw SpecError("'regions' needs the column of city or province names (--unit, or [data] unit)");
    RegionOptions ro;
    ro.unit = ctx.unit;
    ro.level = o.text("level");
    ro.scheme = o.text("scheme");
    ro.column = o.text("name");
    const RegionReport r = add_regions(frame, ro);
    return Outcome{{regions_table(r)}, {}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
