// A column of estimates: what a result offers to a table that puts several results side by side
// (a study's [[table]]): the ATT of each DID estimator in one robustness table, the unit-root
// statistics of several variables, FMOLS and DOLS beside fixed effects. Each row is an estimate with
// its standard error and p-value (a test statistic has no standard error: its p-value goes in
// parentheses), then summary rows ("Observations", "Control group", ...) as text.
//
// A result offers its columns as JSON `estimates` (an array of to_json below); a result that offers
// none but holds regression models (`models`, or one model) gives one column per model.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "cbec/estimate/result.hpp"

namespace cbec {

struct Estimate {
  std::string term;
  double estimate = 0;
  double se = 0;                   // NaN: none (a test statistic)
  double p_value = 0;              // NaN: none
  double ci_low = 0, ci_high = 0;  // the 95% interval; NaN when not given
};

struct EstimateColumn {
  std::string name;     // the estimator, e.g. "Callaway-Sant'Anna"
  std::string depvar;   // the outcome or the variable tested; "" when none
  std::vector<Estimate> rows;
  std::vector<std::pair<std::string, std::string>> facts;   // summary rows, label -> text
  std::vector<std::string> notes;                           // the result's warnings, for the table's notes
};

nlohmann::json to_json(const EstimateColumn& c);
// A DataError names what is missing when the JSON is not a column's.
EstimateColumn estimate_column_from_json(const nlohmann::json& j);

// A regression model as a column: each coefficient with its SE, p-value and 95% interval (the
// model's own inference), then its fixed effects ("<name> FE": Yes), its standard errors in words
// and Observations.
EstimateColumn column_of(const RegressionResult& r);

// The columns a result's JSON offers: its `estimates`, else its regression models; empty if none.
// The result's warnings (and its models') go with its first column.
std::vector<EstimateColumn> estimate_columns_of(const nlohmann::json& j);
// Whether the JSON offers `estimates` of its own (not only regression models).
bool offers_estimates(const nlohmann::json& j);

}  // namespace cbec
