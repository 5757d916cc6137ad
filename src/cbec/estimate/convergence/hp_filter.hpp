// Hodrick-Prescott trend (Hodrick and Prescott 1997, eq. 1): tau minimises
//   sum_t (y_t - tau_t)^2 + lambda sum_t (tau_{t+1} - 2 tau_t + tau_{t-1})^2,
// i.e. solves (I + lambda D'D) tau = y with D the (T-2) x T second-difference matrix.
// lambda = 400 for annual data is the value Phillips and Sul (2009) and ConvergenceClubs use;
// 100 (Backus-Kehoe) and 6.25 (Ravn-Uhlig) are other annual conventions.
#pragma once
#include <Eigen/Core>

namespace cbec {

// The trend of y (length T >= 3); lambda must be positive.
Eigen::VectorXd hp_trend(const Eigen::VectorXd& y, double lambda);

}  // namespace cbec
