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
  size_t missing = 0;                         // units of the period without a value or a group (left out)
  std::vector<std::string> groups;
  TheilResult theil;
  GiniResult gini;
};

// A period's units, collected one by one: a unit without a value (NaN) or without a group counts as
// missing, one with a value <= 0 as excluded; the others enter the decomposition.
class PeriodUnits {
 public:
  void add(double value, bool has_group, std::string group);
  // No positive values: n = 0 and no decomposition.
  PeriodInequality result(double period) const;

 private:
  std::vector<double> values_;
  std::vector<std::string> labels_;
  size_t excluded_ = 0, missing_ = 0;
};

}  // namespace cbec
