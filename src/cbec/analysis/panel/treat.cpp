// treat: pilot-zone treatment variables (treat, first_treat, post, did, rel_time, batch) for a
// city or province panel from the shipped registry, reporting every unit without a zone.
#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/report/panel_json.hpp"
#include "cbec/report/panel_tables.hpp"

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
    return Outcome{{treat_table(r)}, {}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
