#include "cbec/analysis/zones/zone_matching.hpp"

namespace cbec {

std::vector<OptionSpec> zone_matching_options() {
  return {choice_option("level", {"city", "province"}, "city", "Units are cities or provinces (names in Chinese or English)"),
          choice_option("county_rule", {"parent", "ignore"}, "parent", "parent: a county-level zone such as Yiwu counts for its prefecture"),
          text_option("timing", "When a zone counts: year (approval year), july (approved after June: next year), lag=k", "year"),
          text_option("registry", "Use this registry CSV instead of the shipped one"),
          choice_option("unmatched", {"missing", "never"}, "missing",
                        "A unit whose name is no known city or province: treatment missing (default), or never treated (0)"),
          flag_option("round8", "Also count the eighth round of April 2025 (15 cities and the whole of Hainan; data/cbec_pilot_zones_2025_round8.csv), outside the 165")};
}

TreatOptions zone_matching(const Options& o, const AnalysisContext& ctx) {
  TreatOptions t;
  t.unit = ctx.unit;
  t.time = ctx.time;
  t.level = o.text("level");
  t.county_rule = o.text("county_rule");
  t.timing = o.text("timing");
  if (o.has("unmatched")) t.unmatched = o.text("unmatched");
  return t;
}

std::vector<PilotZone> matching_zones(const Options& o) {
  std::vector<PilotZone> zones = load_pilot_zones(o.text("registry"));
  if (o.flag("round8")) {
    const std::vector<PilotZone> round8 = load_round8_zones();
    zones.insert(zones.end(), round8.begin(), round8.end());
  }
  return zones;
}

}  // namespace cbec
