// How units are matched to the pilot-zone registry, shared by `cbec treat` and the zones monitor:
// the options (level, county_rule, timing, registry, round8), the TreatOptions and the zones they give.
#pragma once
#include <vector>

#include "cbec/analysis/analysis.hpp"
#include "cbec/domain/pilot_zones.hpp"

namespace cbec {

std::vector<OptionSpec> zone_matching_options();
TreatOptions zone_matching(const Options& o, const AnalysisContext& ctx);
// The registry (shipped or --registry), with the eighth round of 2025 when round8 is set.
std::vector<PilotZone> matching_zones(const Options& o);

}  // namespace cbec
