// Two-group, two-period DID with panel data and covariates, with the influence function of the
// ATT (Sant'Anna and Zhao 2020, J. Econometrics 219(1)): outcome regression (Heckman, Ichimura
// and Todd 1997; eq. 2.2), normalized inverse probability weighting (Abadie 2005; eq. 2.4) and the
// "traditional" doubly robust estimator (eq. 3.1) with its influence function (Theorem 1).
// As DRDID::reg_did_panel, std_ipw_did_panel and drdid_panel, which the did package calls for each
// group-time ATT.
#pragma once
#include <Eigen/Dense>

#include <string>

namespace cbec {

enum class DrDidMethod { dr, ipw, reg };

DrDidMethod parse_drdid_method(const std::string& name);  // "dr" | "ipw" | "reg"
const char* to_string(DrDidMethod m);

struct DidTwoByTwo {
  double att = 0;
  Eigen::VectorXd influence;  // per unit; the ATT's variance is mean(influence^2) / n
  double max_pscore = 0;      // largest fitted propensity score (ipw and dr)
};

// dy: outcome change per unit; d: 1 treated, 0 comparison; X: covariates with the intercept
// column; w: unit weights (empty = 1).
DidTwoByTwo drdid_panel(const Eigen::VectorXd& dy, const Eigen::VectorXd& d, const Eigen::MatrixXd& X,
                        const Eigen::VectorXd& w, DrDidMethod method);

}  // namespace cbec
