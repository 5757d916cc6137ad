// Regression results side by side, esttab-style: coefficients with significance stars, standard
// errors (or t statistics) in parentheses, then fixed-effect rows, N, R-squared and the variance type,
// and a row per specification test a model carries (effects F test, endogeneity, overidentification).
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

struct RegressionTableOptions {
  std::string title;
  std::vector<std::string> model_names;   // default "(1)", "(2)", ...
  std::vector<std::string> keep;          // terms to show (default: all), in this order
  bool show_t = false;                    // t statistics instead of standard errors
  // Rows for the adjusted within R-squared, Stata's within/between/overall R-squared, its within
  // intercept (_cons of xtreg, fe), the log-likelihood, AIC and BIC, when a model has them (cbec
  // reg and xtreg show them).
  bool extended_stats = false;
  int digits = 3;
  std::vector<double> star_levels = {0.10, 0.05, 0.01};
};

Table regression_table(const std::vector<RegressionResult>& models, const RegressionTableOptions& options = {});

}  // namespace cbec
