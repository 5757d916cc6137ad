// Propensity-score matching for PSM-DID (Rosenbaum and Rubin 1983; Heckman, Ichimura and Todd
// 1997). The score is a logit or probit of the treatment on covariates, pooled or within each
// level of `by` (e.g. matching year by year). Matching:
//   - nearest neighbour on the score, 1:k, with or without replacement, optional caliper in
//     standard deviations of the score, greedy in the order of the treated units' scores (largest
//     first), the nearer of the closest eligible controls below and above (the lower on a tie):
//     MatchIt 4.5's algorithm, so the same controls are chosen;
//   - kernel matching (Epanechnikov, bandwidth h; Stata psmatch2's default 0.06): each treated unit
//     gets every control within h, weighted K((p_j - p_i) / h) / sum_k K((p_k - p_i) / h).
// Weights follow MatchIt: treated 1; a control gets the sum over its treated units of 1 / (number of
// controls of that unit), rescaled so the control weights sum to the number of matched controls.
// Balance per covariate before and after: means, MatchIt's standardized mean difference
// (difference / SD of the treated, sqrt(p (1 - p)) for a binary covariate), psmatch2's %bias (100 difference / sqrt((s_t^2 + s_c^2) / 2),
// both variances before matching) and its reduction, and a weighted t test after matching.
#pragma once
#include <Eigen/Core>
#include <map>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct MatchingSpec {
  std::string treatment;                // 0/1
  std::vector<std::string> covariates;  // terms of the score model
  std::string link = "logit";           // logit | probit
  std::string method = "nearest";       // nearest | kernel
  int ratio = 1;
  bool replace = false;
  double caliper = 0;                   // in SDs of the score; 0 = none
  double bandwidth = 0.06;              // kernel
  std::string by;                       // match within the levels of this variable ("" = pooled)
};

struct BalanceRow {
  std::string variable;
  double mean_treated = 0, mean_control_before = 0, mean_control_after = 0;
  double mean_treated_after = 0;                  // the matched treated (pstest's "Matched" row), weighted by psmatch2's shares
  double smd_before = 0, smd_after = 0;           // MatchIt: difference / SD of treated
  double bias_before = 0, bias_after = 0, bias_reduction = 0;   // psmatch2 %bias
  double t_after = 0, p_after = 0;
};

struct MatchingResult {
  std::vector<size_t> rows;             // frame rows in the sample (complete cases)
  Eigen::VectorXd score;                // per sample row
  std::vector<int> treated;             // per sample row
  std::vector<double> weights;          // per sample row, MatchIt's: controls rescaled to their matched count (over the whole sample); 0 = unmatched
  std::vector<double> shares;           // per sample row, psmatch2's _weight: treated 1, a control the sum of its shares
  std::vector<std::vector<size_t>> matches;   // per sample row of a treated unit: sample rows of its controls
  size_t n_treated = 0, n_control = 0, n_treated_matched = 0, n_control_matched = 0;
  std::vector<BalanceRow> balance;
  std::map<std::string, size_t> dropped;
  std::vector<std::string> warnings;
};

MatchingResult propensity_match(const Frame& frame, const MatchingSpec& spec);

// Matching on given scores (pooled; no balance table): the matching step alone.
MatchingResult match_on_scores(const Eigen::VectorXd& score, const std::vector<int>& treated, const MatchingSpec& spec);

// The frame rows with a positive matching weight, and a column `weight_name` holding the weights.
Frame matched_sample(const Frame& frame, const MatchingResult& m, const std::string& weight_name = "_weight");

}  // namespace cbec
