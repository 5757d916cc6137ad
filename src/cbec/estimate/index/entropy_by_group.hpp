// Entropy weights within groups of rows (usually years of a panel), in two scopes:
//   per-year:     standardize, and compute e_j, g_j, w_j, within each group separately: each year's
//                 index is relative to that year only (n = units, k = 1 / ln n per year);
//   time-varying: standardize pooled over all rows (x'_ij on one scale across years, so scores are
//                 comparable over time), then compute p_ij, e_j, g_j, w_j within each group.
// The formulas are those of entropy_weights.hpp; the pooled scope is entropy_weights itself.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/frame/column.hpp"

namespace cbec {

struct GroupedEntropyResult {
  std::string scope;                   // per-year or time-varying
  std::vector<std::string> levels;     // group labels, sorted (numerically when all are numbers)
  std::vector<EntropyResult> results;  // one per level
  Eigen::VectorXd scores;              // one per row of X, from its group's weights
};

// group: a column with one value per row of X (e.g. the year), no missing values.
GroupedEntropyResult entropy_weights_by_group(const Eigen::MatrixXd& X, const std::vector<std::string>& names, const Column& group,
                                              const std::string& scope, const EntropyOptions& options = {});


}  // namespace cbec
