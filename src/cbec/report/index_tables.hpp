// Tables of the composite-index tools, shared by `cbec index` and the study's index steps: the
// entropy weights (pooled, or by year), and the VIF screening steps (Stata's estat vif layout).
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/estimate/index/vif.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table entropy_table(const EntropyResult& r, const EntropyOptions& options);
Table entropy_by_group_table(const GroupedEntropyResult& r, const std::vector<std::string>& indicators, const std::string& by);
std::vector<Table> vif_tables(const std::vector<VifStep>& steps);

}  // namespace cbec
