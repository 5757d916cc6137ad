// Dynamic-panel GMM: Arellano and Bond (1991) difference GMM and Blundell and Bond (1998) system
// GMM, one- and two-step, as R plm's pgmm (2.6) computes them, with
//  - robust variances: the one-step sandwich (Arellano and Bond 1991, eq. 10) and Windmeijer's
//    (2005, eq. 3.6-3.7) corrected two-step variance (plm's vcovHC);
//  - Hansen's J test of the overidentifying restrictions (Hansen 1982; pgmm's sargan());
//  - the Arellano-Bond (1991, eq. 8) test of AR(m) in the differenced residuals (pgmm's mtest());
//  - Wald chi2 tests of the regressors and of the time effects (pgmm's summary).
// pgmm's conventions, kept so its numbers are reproduced: the one-step weight is
// N (sum_i Z_i' H Z_i)^-1 and the "classic" one-step variance is (X'Z W1 Z'X)^-1 with that weight
// (no sigma^2); the two-step weight is (sum_i Z_i' e1_i e1_i' Z_i)^-1 from the one-step residuals,
// and J always uses it; a singular weight is replaced by its Moore-Penrose inverse (with a warning).
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/panel/gmm_instruments.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct GmmSpec {
  std::string formula;          // pgmm style, see gmm_formula.hpp
  std::string unit, time;
  GmmLayout layout;
  int steps = 1;                // 1 or 2
  bool robust = true;           // reported variance: robust (Windmeijer for two-step) or classic
};

// The estimates and the matrices the tests are built from (plain values, per unit where needed).
struct GmmFit {
  Eigen::VectorXd coef, coef_onestep;
  Eigen::MatrixXd B1, B2;       // (X'Z W Z'X)^-1 with the one- and two-step weights
  Eigen::MatrixXd W1, W2;       // the weights (pgmm's A1, A2)
  Eigen::MatrixXd S;            // sum_i Z_i' e1_i e1_i' Z_i (one-step residuals)
  Eigen::MatrixXd ZX;           // sum_i Z_i' X_i
  std::vector<Eigen::VectorXd> resid, resid_onestep;
  int steps = 1;
  std::vector<std::string> warnings;

  const Eigen::MatrixXd& classic_vcov() const { return steps == 2 ? B2 : B1; }
  const Eigen::MatrixXd& weight() const { return steps == 2 ? W2 : W1; }
};

GmmFit gmm_fit(const GmmSystem& s, int steps);

// Robust variance: the one-step sandwich B1 X'Z W1 S W1 Z'X B1, or Windmeijer's corrected two-step
// variance (2005, eq. 3.7), as plm's vcovHC.pgmm.
Eigen::MatrixXd gmm_robust_vcov(const GmmSystem& s, const GmmFit& f);

// Hansen's J = (sum_i Z_i'e_i)' W2 (sum_i Z_i'e_i), chi2 with (instruments - coefficients) df.
TestResult gmm_hansen(const GmmSystem& s, const GmmFit& f);

// Arellano-Bond test of order m on the differenced equation's residuals, with vcov the variance of
// the coefficients (classic or robust); normal under no AR(m).
TestResult gmm_ar_test(const GmmSystem& s, const GmmFit& f, int order, const Eigen::MatrixXd& vcov);

struct GmmResult {
  RegressionResult model;       // coefficients (regressors, then time effects), the chosen variance,
                                // tests "hansen", "ar1", "ar2", "wald_coef", "wald_time"
  GmmSpec spec;
  std::vector<std::string> time_terms;
  size_t n_units = 0, n_instruments = 0, nobs_diff = 0, nobs_level = 0, periods = 0;
  Eigen::VectorXd coef_onestep;  // two-step: the one-step estimates
};

GmmResult gmm(const Frame& frame, const GmmSpec& spec);

}  // namespace cbec
