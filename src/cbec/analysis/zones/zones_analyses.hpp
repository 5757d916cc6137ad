// The pilot-zone monitoring analyses (`cbec zones [--method monitor]`, study type zones / monitor):
// the registry summary with its map, and the monitoring of indicators for zone and other units.
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis zones_analysis();
Analysis monitor_analysis();

}  // namespace cbec
