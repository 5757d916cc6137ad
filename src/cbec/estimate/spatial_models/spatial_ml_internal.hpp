// Shared between spatial_ml.cpp (estimation) and spatial_ml_variance.cpp (variance): the fitted
// values a variance needs. Not part of the public interface.
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <limits>

#include "cbec/estimate/spatial_models/log_determinant.hpp"
#include "cbec/estimate/spatial_models/spatial_ml.hpp"

namespace cbec::detail {

struct SpatialFit {
  SpatialModel model = SpatialModel::SAR;
  const Eigen::SparseMatrix<double, Eigen::RowMajor>* w = nullptr;
  const LogDeterminant* ldet = nullptr;
  Eigen::VectorXd y;
  Eigen::MatrixXd X;    // the regressors, lagged X included (SDM, SDEM)
  double rho = 0, lambda = 0;
  Eigen::VectorXd beta;
  Eigen::VectorXd e;    // the innovations e at the estimates
  double sigma2 = 0;    // e'e / n
  // d2/drho2 ln|I - rho W| at rho (lambda) when the estimation already has it (the sparse
  // search's interpolant), else NaN: the variance then takes differences of the log-determinant.
  double ldet_second_rho = std::numeric_limits<double>::quiet_NaN();
  double ldet_second_lambda = std::numeric_limits<double>::quiet_NaN();
};

// Variance of (sigma^2, rho and/or lambda, beta), that order: the inverse of the asymptotic
// information matrix (dense; only when the log-determinant has eigenvalues) or of the observed
// information (sparse, any n).
Eigen::MatrixXd information_variance(const SpatialFit& f);
Eigen::MatrixXd observed_variance(const SpatialFit& f);

}  // namespace cbec::detail
