#include "cbec/analysis/family.hpp"
#include "cbec/analysis/zones/zones_analyses.hpp"

namespace cbec {

Family zones_family() {
  Family f;
  f.analyses = {zones_analysis(), monitor_analysis()};
  f.groups = {{"zones", "Pilot-zone monitoring: the registry summary and map (zones), indicators of zone and other units over time (monitor)", "method", false,
               "zones", {}}};
  return f;
}

}  // namespace cbec
