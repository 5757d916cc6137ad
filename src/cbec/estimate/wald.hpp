// Wald test that a set of coefficients are jointly zero, reported as an F statistic
// F = b_q' V_q^-1 b_q / q with (q, df) degrees of freedom (df infinite: chi2/q with a normal reference).
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"

namespace cbec {

// `what` describes the test (its note). When the coefficients' variance is singular (rank below
// their number: with clustered errors, fewer clusters than coefficients) the statistic and p-value
// are not computed (NaN) and the note says why, as Stata leaves such a model F empty.
TestResult wald_f(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx, double df, const std::string& what = "");

// The same test as a chi-squared statistic W = b_q' V_q^-1 b_q with q degrees of freedom, for
// estimators whose inference is asymptotic (random effects: plm's and Stata's Wald chi2).
TestResult wald_chi2(const Eigen::VectorXd& b, const Eigen::MatrixXd& V, const std::vector<long>& idx, const std::string& what = "");

}  // namespace cbec
