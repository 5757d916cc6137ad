// Shared by FMOLS and DOLS: partialling out regressors, and the FM correction terms of a long-run
// covariance (fmols.hpp).
#pragma once
#include <Eigen/Core>

#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

// The residuals of each column of A on W (W has full column rank), by QR.
Eigen::MatrixXd partial_out(const Eigen::MatrixXd& A, const Eigen::MatrixXd& W);

// From Omega and Delta of (u_1, u_2'): b = Omega_22^-1 Omega_21, lambda+ = Delta_21 - Delta_22 b,
// omega_1.2 = Omega_11 - Omega_12 b.
struct FmCorrection {
  Eigen::VectorXd b, lambda_plus;
  double omega_12 = 0;
};
FmCorrection fm_correction(const Eigen::MatrixXd& omega, const Eigen::MatrixXd& delta);

}  // namespace cbec
