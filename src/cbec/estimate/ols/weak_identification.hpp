// Weak-identification statistics of 2SLS with any number K of endogenous regressors and L2 >= K
// excluded instruments, computed on the first stage after the exogenous regressors and fixed effects
// are partialled out (Frisch-Waugh-Lovell): the Cragg-Donald F (iid), the Kleibergen-Paap rk Wald F
// with the model's variance estimator, and the Sanderson-Windmeijer conditional F per endogenous
// variable. Conventions follow Stata's ivreg2 (Baum, Schaffer and Stillman 2007); see the .cpp.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

struct PartialledFirstStage {
  Eigen::MatrixXd endog;        // n x K, residualized on the exogenous regressors and fixed effects
  Eigen::MatrixXd instruments;  // n x L2, likewise
  const Design& design;         // groupings for cluster and Driscoll-Kraay variances
  size_t n_params = 0;          // first-stage regressors: exogenous + excluded instruments (not absorbed)
  size_t absorbed = 0;          // parameters absorbed by fixed effects
};

// Rows multiplied by sqrt(w): weighted least squares becomes ordinary least squares on the result.
void apply_sqrt_weights(Eigen::MatrixXd& m, const Eigen::VectorXd& weights);

// Adds tests "cragg_donald_f", "kleibergen_paap_f" (K >= 2; with K = 1 the caller reports the
// robust first-stage Wald F, which equals it) and "sanderson_windmeijer_f:<name>" to r. Variances
// without a stacked-score form (HC2, HC3, CR2) leave out the robust statistics with a warning.
void weak_identification_tests(const PartialledFirstStage& fs, const VcovSpec& vcov,
                               const std::vector<std::string>& endog_names, RegressionResult& r);

}  // namespace cbec
