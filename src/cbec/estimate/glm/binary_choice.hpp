// Logit and probit by maximum likelihood (Fisher scoring = Newton for logit), with prior weights,
// as R's glm(family = binomial(link)) computes them: coefficients, fitted probabilities and the
// inverse Fisher information (X' diag(w g'(eta)^2 / (p (1 - p))) X)^-1, which is glm's vcov.
// Used by propensity scores (PSM, inverse probability weighting, doubly robust DID).
#pragma once
#include <Eigen/Dense>

#include <string>

namespace cbec {

enum class BinaryLink { logit, probit };

BinaryLink parse_binary_link(const std::string& name);  // "logit" | "probit"

struct BinaryChoiceFit {
  Eigen::VectorXd coef;
  Eigen::VectorXd fitted;           // P(y = 1 | x)
  Eigen::MatrixXd inv_information;  // glm's vcov (dispersion 1)
  double log_likelihood = 0;
  int iterations = 0;
  bool converged = false;
  size_t at_bounds = 0;             // observations fitted with probability numerically 0 or 1 (separation)
};

// y in {0, 1}; w >= 0 prior weights (empty = all 1). X holds the intercept column if wanted.
// Iterates until the relative change in deviance is below 1e-12 (R stops at 1e-8) and no
// coefficient moves by more than 1e-10 of max(1, |coefficient|), or 100 steps.
BinaryChoiceFit fit_binary_choice(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                                  BinaryLink link = BinaryLink::logit);

}  // namespace cbec
