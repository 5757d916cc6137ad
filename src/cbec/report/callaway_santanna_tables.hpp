// Tables of a Callaway-Sant'Anna result: the event-time (dynamic) effects with their bands, the
// group-time ATTs, and a summary of the four aggregations with the pre-test.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include "cbec/estimate/did/callaway_santanna.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// truth: optional {"by_rel": {"0": ..., "1": ...}} of simulated data, shown beside the estimates.
Table cs_dynamic_table(const CallawaySantAnnaResult& r, const nlohmann::json& truth);
Table cs_group_time_table(const CallawaySantAnnaResult& r);
Table cs_summary_table(const CallawaySantAnnaResult& r);

}  // namespace cbec
