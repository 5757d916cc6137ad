#include "cbec/analysis/zones/zone_matching.hpp"

namespace cbec {

std::vector<OptionSpec> zone_matching_options() {
  return {choice_option("level", {"city", "province"}, "city", "Units are cities or provinces (names in Chinese or English)"),
          choice_option("county_rule", {"parent", "ignore"}, "parent", "parent: a county-level zone such as Yiwu counts for its prefecture"),
          text_option("timing", "When a zone counts: year (approval year), july (approved after June: next year), lag=k", "year"),
          text_option("registry", "Use this registry CSV instead of the shipped one")};
}

TreatOptions zone_matching(const Options& o, const AnalysisContext& ctx) {
  TreatOptions t;
  t.unit = ctx.unit;
  t.time = ctx.time;
  t.level = o.text("level");
  t.county_rule = o.text("county_rule");
  t.timing = o.text("timing");
  return t;
}

}  // namespace cbec
