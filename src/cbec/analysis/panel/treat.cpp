// treat: pilot-zone treatment variables (treat, first_treat, post, did, rel_time, batch) for a
// city or province panel from the shipped registry, reporting every unit without a zone.
#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/analysis/zones/zone_matching.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/report/panel_json.hpp"
#include "cbec/report/panel_tables.hpp"

namespace cbec {

Analysis treat_analysis() {
  Analysis a;
  a.name = "treat";
  a.command = "treat";
  a.summary = "Pilot-zone treatment variables for a city or province panel";
  a.options = zone_matching_options();
  a.needs.panel = PanelNeed::Required;   // unit: the city or province name; time: the year
  a.creates = [](const Options&) { return std::vector<std::string>{"treat", "first_treat", "post", "did", "rel_time", "batch"}; };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const TreatReport r = add_treatment(frame, zone_matching(o, ctx), matching_zones(o));
    nlohmann::json j = to_json(r);
    if (!r.unmatched.empty()) j["warnings"].push_back(unmatched_warning(r));
    return Outcome{{treat_table(r)}, {}, j};
  };
  return a;
}

}  // namespace cbec
