// Tables of the panel family that have no table of their own elsewhere: the panel structure, the
// subgroup comparison, and the reports of the steps adding treatment and region columns.
#pragma once
#include <string>

#include "cbec/domain/pilot_zones.hpp"
#include "cbec/domain/regions.hpp"
#include "cbec/estimate/did/subgroup.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table panel_structure_table(const Panel& p, const std::string& data);
Table subgroup_table(const SubgroupResult& r, const std::string& formula);
// The warning about the units no place matches (the table's note, the JSON's warnings).
std::string unmatched_warning(const TreatReport& r);
// Lists the units with no pilot zone (coded never treated) and the names matching no place.
Table treat_table(const TreatReport& r);
Table regions_table(const RegionReport& r);

}  // namespace cbec
