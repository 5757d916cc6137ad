// The entropy weight method for composite indices.
//
//   x'_ij = (x_ij - min_j) / (max_j - min_j)           positive indicator (min-max; or z, see below)
//   x'_ij = (max_j - x_ij) / (max_j - min_j)           negative indicator
//   p_ij  = (x'_ij + shift) / sum_i (x'_ij + shift)
//   e_j   = -(1 / ln n) sum_i p_ij ln p_ij, with 0 ln 0 = 0
//   g_j   = 1 - e_j,  w_j = g_j / sum_k g_k,  s_i = sum_j w_j x'_ij
// The shift enters the shares only: the scores use the unshifted x' (score_shifted = true gives the
// alternative s_i = sum_j w_j (x'_ij + shift), which adds the constant shift to every score).
// One reference paper prints the entropy as e_j = k / sum_i p_ij ln p_ij (a typo); the formula
// above is the correct one (Shannon 1948; as applied e.g. by Zou et al. 2006).
// "z" standardization uses z_ij shifted to start at 0 (x' = z - min z), so shares stay non-negative.
// Scope: pooled over all rows (n = units x years; the panel form of the reference paper, k = 1/ln 279
// for 31 provinces x 9 years); by group (e.g. per year) see entropy_by_group.hpp.
// A constant indicator carries no information: e = 1, weight 0, with a warning.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

namespace cbec {

struct EntropyOptions {
  std::string standardize = "minmax";   // minmax or z
  std::vector<bool> negative;            // per indicator: less is better
  double shift = 0.0;                    // added before the shares (e.g. 0.0001), keeps logs finite
  bool score_shifted = false;            // scores from x' + shift instead of x' 
  std::vector<std::string> groups;       // per indicator: first-level group (hierarchical index), optional
};

struct EntropyResult {
  std::vector<std::string> indicators;
  Eigen::VectorXd e, g, w;
  std::vector<std::pair<std::string, double>> group_weights;  // sum of children's weights
  Eigen::VectorXd scores;                // one per row
  Eigen::VectorXd min, max;              // per indicator: the raw minimum and maximum the min-max standardization used
  size_t n = 0;                          // rows used in ln n: k = 1 / ln n
  double shift = 0.0;
  bool score_shifted = false;
  std::vector<std::string> warnings;
};

// X: rows = observations (unit-years), columns = indicators; no missing values allowed.
EntropyResult entropy_weights(const Eigen::MatrixXd& X, const std::vector<std::string>& names, const EntropyOptions& options = {});

// The two steps of entropy_weights: the standardized x' (direction, minmax or z, by column of X),
// and e, g, w and scores from a given x' (the time-varying scope standardizes once, pooled, and
// computes the entropies within each year).
Eigen::MatrixXd entropy_standardize(const Eigen::MatrixXd& X, const std::vector<std::string>& names, const EntropyOptions& options = {});
EntropyResult entropy_of_standardized(const Eigen::MatrixXd& S, const std::vector<std::string>& names, const EntropyOptions& options = {});

// Weights from given entropies (w_j = (1 - e_j) / sum_k (1 - e_k)), e.g. to check a published table.
Eigen::VectorXd weights_from_entropy(const Eigen::VectorXd& e);


}  // namespace cbec
