// treat: pilot-zone treatment variables (treat, first_treat, post, did, rel_time, batch) for a
// city or province panel from the shipped registry, reporting every unit without a zone.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/domain/pilot_zones.hpp"

namespace cbec {

Analysis treat_analysis() {
  Analysis a;
  a.name = "treat";
  a.command = "treat";
  a.summary = "Pilot-zone treatment variables for a city or province panel";
  a.options = {choice_option("level", {"city", "province"}, "city", "Units are cities or provinces (names in Chinese or English)"),
               choice_option("county_rule", {"parent", "ignore"}, "parent", "parent: a county-level zone such as Yiwu treats its prefecture"),
               text_option("timing", "year (approval year), july (approved after June: next year), lag=k", "year"),
               text_option("registry", "Use this registry CSV instead of the shipped one")};
  a.needs.panel = PanelNeed::Required;   // unit: the city or province name; time: the year
  a.creates = [](const Options&) { return std::vector<std::string>{"treat", "first_treat", "post", "did", "rel_time", "batch"}; };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    TreatOptions t;
    t.unit = ctx.unit;
    t.time = ctx.time;
    t.level = o.text("level");
    t.county_rule = o.text("county_rule");
    t.timing = o.text("timing");
    const TreatReport r = add_treatment(frame, t, load_pilot_zones(o.text("registry")));
    Table tab;
    tab.title = fmt::format("Pilot-zone treatment: {} of {} units treated", r.treated_units, r.units);
    tab.header = {"Unit", "Zone (batch, approval year)"};
    for (const auto& m : r.matched_zones) {
      const auto colon = m.find(": ");
      tab.rows.push_back({m.substr(0, colon), m.substr(colon + 2)});
    }
    tab.notes.push_back("Rules: " + r.rules + ".");
    if (!r.no_zone.empty())
      tab.notes.push_back(fmt::format("{} units have no pilot zone and are coded never treated: {}", r.no_zone.size(), fmt::join(r.no_zone, ", ")));
    if (!r.unmatched.empty())
      tab.notes.push_back(fmt::format("Warning: {} units match no known city or province and are coded as never treated: {}", r.unmatched.size(),
                                      fmt::join(r.unmatched, ", ")));
    tab.notes.push_back("Columns added: treat, first_treat (0 = never), post, did, rel_time, batch.");
    return Outcome{{tab}, {}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
