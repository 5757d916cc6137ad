// Alternatives to the entropy method for composite indices:
//  - coefficient-of-variation weights: w_j = CV_j / sum_k CV_k, CV_j = SD_j / mean_j (SD with n - 1)
//    of the raw indicator (positive means required);
//  - TOPSIS (Hwang and Yoon 1981): vector normalisation r_ij = x_ij / sqrt(sum_i x_ij^2), weighted
//    v_ij = w_j r_ij, distances to the ideal (best per column, by direction) and anti-ideal,
//    closeness C_i = D-_i / (D+_i + D-_i); or (TopsisNormalization::MinMax, the entropy-TOPSIS of
//    applied work) on the min-max standardized values r_ij = (x_ij - min_j) / (max_j - min_j), for a
//    negative indicator (max_j - x_ij) / (max_j - min_j), whose ideal is then 1 and anti-ideal 0;
//  - AHP (Saaty 1980): weights from the principal eigenvector of a reciprocal pairwise-comparison
//    matrix, CI = (lambda_max - n) / (n - 1), CR = CI / RI with Saaty's random indices (tabulated
//    for 3 to 15 criteria: beyond them CR is not defined, NaN; 2 criteria are always consistent).
//    A matrix typed with rounded reciprocals (0.33 for 1/3: a_ij a_ji within 5% of 1) is used as
//    given, with a note; further from reciprocal it is refused.
// The indicators' names are for messages.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

namespace cbec {

Eigen::VectorXd cv_weights(const Eigen::MatrixXd& X, const std::vector<std::string>& names);

enum class TopsisNormalization { Vector, MinMax };
Eigen::VectorXd topsis(const Eigen::MatrixXd& X, const Eigen::VectorXd& weights, const std::vector<bool>& negative,
                       const std::vector<std::string>& names, TopsisNormalization normalization = TopsisNormalization::Vector);

struct AhpResult {
  Eigen::VectorXd w;
  double lambda_max = 0, ci = 0, cr = 0;  // cr NaN beyond 15 criteria
  bool consistent = true;                  // CR < 0.1 (false when CR is not defined)
  std::string note;                        // rounded reciprocals, CR not defined
};
AhpResult ahp(const Eigen::MatrixXd& pairwise);

}  // namespace cbec
