// The result value every estimator returns: named coefficients, their variance matrix and how it
// was computed, sample sizes, what was dropped and why, fit statistics and tests. Renderers
// (tables, JSON) take lists of these, so one table can hold models of any family.
#pragma once
#include <Eigen/Core>

#include <map>
#include <string>
#include <vector>

namespace cbec {

struct VcovInfo {
  std::string type = "iid";               // iid, HC0..HC3, CR1, CR2, DK, ...
  std::vector<std::string> cluster;       // cluster variables (CR*)
  std::vector<size_t> n_clusters;
  double df = 0;                          // residual df used for t tests (inf: normal)
  Eigen::VectorXd df_coef;                // per-coefficient df (CR2 Bell-McCaffrey), else empty
  std::string small_sample;               // the small-sample factor, in words
  int lag = -1;                           // Driscoll-Kraay lag
};

struct TestResult {
  double stat = 0;
  double df1 = 0, df2 = 0;   // df2 = 0: chi-squared / normal test
  double p_value = 0;
  std::string distribution;  // "F", "chi2", "t", "normal"
  std::string note;
  std::map<std::string, double> values;  // further numbers, written as JSON keys beside "stat" (e.g. "rank")
  std::map<std::string, bool> flags;      // yes/no facts, written as JSON booleans
  std::vector<std::string> warnings;      // plain-language cautions, JSON "warnings"
};

struct RegressionResult {
  std::string estimator;           // ols, feols, iv, within, between, fd, random, pooling, ...
  std::string formula;
  std::string depvar;
  std::vector<std::string> terms;  // coefficient names, in order
  Eigen::VectorXd coef;
  Eigen::MatrixXd vcov;
  VcovInfo vcov_info;
  size_t nobs = 0;
  double df_resid = 0;
  std::map<std::string, size_t> dropped;        // reason -> observations dropped
  std::vector<std::string> collinear;           // terms dropped as perfectly collinear
  std::map<std::string, double> fit;            // r2, adj_r2, r2_within, rmse, ...
  std::vector<std::pair<std::string, size_t>> fixed_effects;  // absorbed dimension -> levels
  std::map<std::string, TestResult> tests;
  std::vector<std::string> warnings;
  std::map<std::string, std::string> info;      // free-form facts (convergence, iterations, ...)

  Eigen::VectorXd se() const;
  Eigen::VectorXd stat() const;
  Eigen::VectorXd p_value() const;
  // Confidence interval bounds at the given level (0.95 by default).
  Eigen::MatrixXd conf_int(double level = 0.95) const;
  double df_for(size_t j) const;
  // Index of a term, or -1.
  long find(const std::string& term) const;
};

}  // namespace cbec
