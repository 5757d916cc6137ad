// Tables of the composite-index analyses (analysis/index/): the entropy weights (pooled, or by
// year), the VIF screening steps (Stata's estat vif layout), weights of other methods (cv, topsis,
// ahp) and the summary of a structure index (ser, deviation, theil, lq).
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/estimate/index/vif.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table entropy_table(const EntropyResult& r, const EntropyOptions& options);
Table entropy_by_group_table(const GroupedEntropyResult& r, const std::vector<std::string>& indicators, const std::string& by,
                             const EntropyOptions& options = {});
std::vector<Table> vif_tables(const std::vector<VifStep>& steps);
// One row per indicator (or criterion) and its weight.
Table weights_table(const std::string& title, const std::string& what, const std::vector<std::string>& names, const Eigen::VectorXd& w);
// A computed index column: how many values, how many not computable, and their mean.
Table index_values_table(const std::string& name, const std::vector<double>& v);

}  // namespace cbec
