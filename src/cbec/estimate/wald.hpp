// Wald test that a set of coefficients are jointly zero, reported as an F statistic
// F = b_q' V_q^-1 b_q / q with (q, df) degrees of freedom (df infinite: chi2/q with a normal reference).
#pragma once
#include <Eigen/Core>

#include <vector>

#include "cbec/estimate/result.hpp"

namespace cbec {

TestResult wald_f(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx, double df);

// The same test as a chi-squared statistic W = b_q' V_q^-1 b_q with q degrees of freedom, for
// estimators whose inference is asymptotic (random effects: plm's and Stata's Wald chi2).
TestResult wald_chi2(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx);

}  // namespace cbec
