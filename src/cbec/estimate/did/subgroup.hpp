// Heterogeneity by subgroup with a test that a coefficient is equal in two groups (e.g. eastern
// vs other cities, first vs later pilot batches). The model is fitted separately in each group;
// the difference d = b_1 - b_2 is tested two ways:
//   - z = d / sqrt(V_1 + V_2), valid when no cluster spans both groups (then the groups' scores
//     are independent and Stata's suest covariance between them is zero);
//   - Fisher's permutation test (Efron and Tibshirani 1993, ch. 15; Stata's bdiff, as used by Lian
//     and Cheng 2007): the group labels are reassigned at random across units, keeping the group
//     sizes, the model is refitted in both groups and d recomputed; p is the share of draws with
//     d* >= d (one-sided, in the direction of the observed d) and |d*| >= |d| (two-sided).
// Draws run in parallel through the replication driver, reproducible by seed.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct SubgroupSpec {
  std::string formula;         // fixest style, e.g. "ln_export ~ did + x | city + year"
  std::string group;           // a variable with two values, constant within each unit
  std::string term;            // the coefficient compared, e.g. "did"
  std::string unit;            // the units whose group labels are permuted
  std::string panel_time;      // for l(), f(), d() in the formula
  VcovSpec vcov;
  size_t draws = 1000;         // 0: no permutation test
  uint64_t seed = 12345;
  int threads = 0;
};

struct SubgroupResult {
  std::string term, group;
  std::vector<std::string> levels;      // the two groups, in sorted order
  std::vector<size_t> units;            // units per group
  std::vector<RegressionResult> models;
  double difference = 0, se_difference = 0, z = 0, p_z = 0;
  double p_one_sided = 0, p_two_sided = 0;
  size_t draws = 0, failed_draws = 0;   // failed: the term was not estimable in a permuted group
  std::map<std::string, size_t> dropped;   // rows in no group: "missing_group" (no group value or no unit)
  std::vector<std::string> warnings;
};

SubgroupResult subgroup_difference(const Frame& frame, const SubgroupSpec& spec);

}  // namespace cbec
