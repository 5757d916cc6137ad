// A variable whose squares a double cannot hold: beyond about 1e154 they overflow (every estimate
// NaN), below about 1e-154 they vanish (standard errors 0, z infinite). Estimators check the
// variables they square before reporting NaN or "p = 0.0000".
#pragma once
#include <Eigen/Core>

#include <string>

namespace cbec {

// Throws a DataError naming `name` when `ss`, the sum of squares of its values v, is not finite, or
// is below 1e-280 while some value is not 0 (v is scanned only then). `scan_small` false: v is only
// part of the rows (a process's share), which cannot tell vanishing squares from zeros.
void refuse_unrepresentable_scale(const std::string& name, const Eigen::Ref<const Eigen::VectorXd>& v, double ss, bool scan_small = true);

struct Design;
// The same for a design's outcome and each of its regressors (y and X, not a stacked design).
void refuse_unrepresentable_scale(const Design& d);

}  // namespace cbec
