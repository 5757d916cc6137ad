// Variance inflation factors as Stata's `estat vif` after regress: VIF_j = 1 / (1 - R2_j), R2_j
// from regressing x_j on the other regressors with a constant; and iterative screening that drops
// the indicator with the largest VIF while it exceeds a threshold (default 10), step by step; or,
// at once, every indicator above the threshold in the first step (keeping at least the two with the
// smallest VIFs), then the VIFs of those left.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

namespace cbec {

struct VifStep {
  std::vector<std::string> names;
  Eigen::VectorXd vif;
  std::vector<std::string> dropped;  // empty on the last step
};

// A variable constant in the sample has no VIF (R2_j undefined): refused by name, as car::vif stops
// and Stata's regress omits it; a perfectly collinear one has VIF infinity (dropped first).
Eigen::VectorXd vif(const Eigen::MatrixXd& X, const std::vector<std::string>& names);
std::vector<VifStep> vif_screen(const Eigen::MatrixXd& X, const std::vector<std::string>& names, double threshold = 10.0, bool at_once = false);


}  // namespace cbec
