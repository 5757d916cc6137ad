// Cross-section spatial regression models by maximum likelihood (concentrated likelihood) and the
// spatially lagged X model by least squares, with spatialreg's conventions:
//   SAR  y = rho W y + X b + e                         (lagsarlm)
//   SDM  y = rho W y + X b + W X t + e                 (lagsarlm, Durbin = TRUE)
//   SEM  y = X b + u, u = lambda W u + e               (errorsarlm)
//   SDEM y = X b + W X t + u, u = lambda W u + e       (errorsarlm, Durbin = TRUE)
//   SAC  y = rho W y + X b + u, u = lambda W u + e     (sacsarlm, the same W twice)
//   SLX  y = X b + W X t + e                           (lmSLX: ordinary least squares)
// e ~ N(0, sigma^2 I), sigma^2 = SSE / n. The lagged X are the columns of X other than the
// intercept (or those named in durbin_terms), named "lag.<name>" as spatialreg names them.
//
// The likelihood (Anselin 1988, eq. 12.7 and 12.29; LeSage & Pace 2009, eq. 3.4-3.8):
//   ln L = ln|I - rho W| + ln|I - lambda W| - n/2 ln(2 pi sigma^2) - e'e / (2 sigma^2),
// concentrated in b and sigma^2, maximised over rho (or lambda) by Brent's method on the interval
// of the log-determinant, or with the sparse factorization by the interpolating search of
// spatial_ml_search.hpp (about 10 factorizations, exact value at the maximizer); SAC: the profile
// in rho of the maximum over lambda, both by Brent's method.
//
// Variance: with eigenvalues (n <= 2000 under Auto) or n <= 1500 (not SAC), the inverse of the asymptotic information
// matrix in (sigma^2, rho/lambda, b) (Anselin 1988, eq. 12.13 and 12.33; spatialreg's "ase" for
// method = "eigen"); otherwise the inverse of the observed information (minus the analytic Hessian
// of ln L, the log-determinant's second derivative by differences), as spatialreg's numerical
// Hessian for sparse methods. SLX: the least-squares variance with sigma^2 = SSE / (n - k) (lm).
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <string>
#include <vector>

#include "cbec/core/stage_timer.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial_models/log_determinant.hpp"

namespace cbec {

enum class SpatialModel { SAR, SDM, SEM, SDEM, SAC, SLX };

// "sar", "sdm", "sem", "sdem", "sac", "slx" (throws SpecError on others).
SpatialModel parse_spatial_model(const std::string& name);
std::string spatial_model_name(SpatialModel m);

struct SpatialMlOptions {
  LogDetMethod log_det = LogDetMethod::Auto;
  unsigned seed = 0;  // Monte-Carlo log-determinant
  // SDM, SDEM, SLX: the regressors whose W x enter (spatialreg's Durbin = ~ x1 + x2), in X's order
  // whatever the order given; empty: every regressor but the intercept (Durbin = TRUE).
  std::vector<std::string> durbin_terms;
  StageTimer* timer = nullptr;  // claims solve (the search and the estimates) and vcov (--timing)
};

struct SpatialMlData {
  Eigen::VectorXd y;
  Eigen::MatrixXd X;                 // "(Intercept)" first when present
  std::vector<std::string> x_names;
  std::string depvar;
};

// The fitted model as a RegressionResult: terms are X (and lag.X for SDM, SDEM, SLX), then "rho"
// and/or "lambda"; vcov over those; vcov_info.type "ase" (information matrix), "hessian" (observed)
// or "iid" (SLX), with normal tests (df = inf) for ML. fit: loglik, aic, sigma2, sse, loglik_ols,
// aic_ols (the OLS model y ~ X), n_parameters. tests: "lr" (the spatial parameters = 0 against
// OLS, chi2), "wald" (the same by Wald). info: log_determinant method, variance, rho interval.
RegressionResult spatial_ml(const SpatialMlData& data, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, SpatialModel model,
                            const SpatialMlOptions& options = {});

}  // namespace cbec
