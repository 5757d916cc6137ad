// One period's inequality of positive values among labelled units: Theil T and L split into
// between- and within-group parts (theil.hpp) and the Gini split by Dagum (gini.hpp), the groups
// being the distinct labels in sorted order.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/inequality/gini.hpp"
#include "cbec/estimate/inequality/theil.hpp"

namespace cbec {

struct PeriodInequality {
  double period = 0;
  size_t n = 0, excluded = 0;                 // units with a positive value; with a value <= 0 (left out)
  size_t missing = 0;                         // units of the period without a value or a group (left out; set by the caller)
  std::vector<std::string> groups;
  TheilResult theil;
  GiniResult gini;
};

// `values` are > 0, one label each; `excluded` counts the units the caller left out for a value <= 0.
// No values: n = 0 and no decomposition.
PeriodInequality grouped_inequality(double period, const std::vector<double>& values, const std::vector<std::string>& labels, size_t excluded);

}  // namespace cbec
