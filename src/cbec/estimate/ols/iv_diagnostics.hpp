// Post-estimation diagnostics of 2SLS (as AER::summary(ivreg, diagnostics = TRUE), Stata's
// estat endogenous / estat overid and ivreg2), added to RegressionResult::tests:
//   wu_hausman         Wu (1973) - Hausman (1978) endogeneity test, regression form (Davidson and
//                      MacKinnon 1993, ch. 7): y on [X, V] with V the first-stage residuals;
//                      F = ((RSS_0 - RSS_1) / K_e) / (RSS_1 / (n - K - K_e - G)), G the absorbed
//                      fixed-effect parameters, iid (AER's Wu-Hausman).
//   wu_hausman_robust  the same auxiliary regression, Wald F that the coefficients of V are zero with
//                      the model's variance (Wooldridge 2010, sec. 6.3.1, robust form; Stata's estat
//                      endogenous "robust regression F"; AER with vcov. = the same sandwich).
//   sargan             Sargan (1958): n (1 - RSS(u on Z) / TSS(u)), u the 2SLS residuals, Z all
//                      instruments; chi2 with L2 - K_e df (AER's Sargan).
//   hansen_j           Hansen (1982) J at the two-step efficient GMM estimate:
//                      J = n gbar(b2)' S^-1 gbar(b2), gbar(b) = Z'(y - X b)/n, S from the 2SLS
//                      residuals with the chosen variance (iid: S = u'u/n Z'Z/n, which gives Sargan's
//                      uncentered statistic; HC: S = sum u_i^2 z_i z_i' / n; cluster: S = sum_g
//                      (Z_g'u_g)(Z_g'u_g)' / n; no small-sample factor, as ivreg2's J);
//                      chi2 with L2 - K_e df.
// Fixed effects are partialled out of every column first; the tests use the within data.
#pragma once
#include <Eigen/Core>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

struct IvDiagnosticsInput {
  const Eigen::MatrixXd& instruments;   // Z: the exogenous regressors and the excluded instruments (n x L)
  const Eigen::MatrixXd& regressors;    // X: the endogenous variables, then the exogenous regressors (n x K)
  const Eigen::MatrixXd& first_stage_resid;  // V: one column per endogenous variable
  const Eigen::VectorXd& y;
  const Eigen::VectorXd& resid;         // 2SLS structural residuals y - X b
  const Eigen::VectorXd& weights;       // empty when unweighted
  const Design& design;
  size_t absorbed = 0;
  long n_excluded = 0;                  // L2
};

void iv_diagnostics(const IvDiagnosticsInput& in, const VcovSpec& vcov, RegressionResult& r);

}  // namespace cbec
