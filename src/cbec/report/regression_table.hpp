// Regression results side by side, esttab-style: coefficients with significance stars, standard
// errors (or t statistics) in parentheses, then fixed-effect rows, N, R-squared and the variance type,
// and a row per specification test a model carries (effects F test, endogeneity, overidentification).
#pragma once
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cbec/estimate/result.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

// Which statistic goes in parentheses under each coefficient.
enum class CoefStat { SE, T, P, CI };
CoefStat parse_coef_stat(const std::string& name);   // se, t, p, ci; a SpecError otherwise

// Term patterns (keep, drop, order, indicate) follow the CONVENTION of term_patterns.hpp.
struct RegressionTableOptions {
  std::string title;
  std::vector<std::string> model_names;   // default "(1)", "(2)", ...
  bool numbers = false;                   // column numbers (1)...(k) in the header, model names in a row below
  std::vector<std::string> keep;          // terms to show (default: all), in the order of the patterns
  std::vector<std::string> drop;          // terms not shown
  std::vector<std::string> order;         // terms shown first, in this order; the others after them
  // Rows "label: Yes/No" saying whether a model holds terms matching the patterns (esttab's
  // indicate, e.g. {"Controls", {"x3", "x4"}}); those terms are not shown.
  std::vector<std::pair<std::string, std::vector<std::string>>> indicate;
  CoefStat coef_stat = CoefStat::SE;      // in parentheses: SE, t, p-value, or [95% CI]
  // Summary rows in this order, replacing the default ones: n, r2, adj_r2, r2_within, adj_r2_within,
  // f (the Wald F of the slopes), clusters, loglik, aic, bic, rmse, vcov. Empty: the default rows.
  std::vector<std::string> stats;
  std::map<std::string, std::string> labels;   // variable or term name -> label (row names, dependent variable, fixed effects)
  // Rows for the adjusted within R-squared, Stata's within/between/overall R-squared, its within
  // intercept (_cons of xtreg, fe), the log-likelihood, AIC and BIC, when a model has them (cbec
  // reg and xtreg show them).
  bool extended_stats = false;
  int digits = 3;
  std::vector<double> star_levels = {0.10, 0.05, 0.01};
};

// "*", "**", "***": one star per level p is below (levels ascending in strictness: 0.10, 0.05, 0.01).
std::string significance_stars(double p, const std::vector<double>& levels);

// The model's standard errors in words, as the "Std. errors" row prints them: "CR1 by firm", "HC1".
std::string vcov_words(const RegressionResult& r);
// An F test as a table note prints it, "F(3, 40) = 2.512, p = 0.0722", or its note when it could not
// be computed (a singular variance: wald_f).
std::string f_test_text(const TestResult& t);
// A chi-squared test as notes print it, "chi2(2) = 2.330, p = 0.3119".
std::string chi2_test_text(const TestResult& t);
// "<who>N observations dropped (reason)." for each reason the model counted, and its warnings once
// each (`seen` keeps those already written): the notes every table of a fitted model carries.
void add_dropped_notes(std::vector<std::string>& notes, const RegressionResult& r, const std::string& who, std::set<std::string>& seen);

// The summary rows `stats` may name.
const std::vector<std::string>& regression_stat_names();

Table regression_table(const std::vector<RegressionResult>& models, const RegressionTableOptions& options = {});

}  // namespace cbec
