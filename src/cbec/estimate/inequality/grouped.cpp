#include "cbec/estimate/inequality/grouped.hpp"

#include <algorithm>
#include <set>

namespace cbec {

PeriodInequality grouped_inequality(double period, const std::vector<double>& values, const std::vector<std::string>& labels, size_t excluded) {
  PeriodInequality r;
  r.period = period;
  r.excluded = excluded;
  if (values.empty()) return r;
  const std::set<std::string> present(labels.begin(), labels.end());
  r.groups.assign(present.begin(), present.end());
  std::vector<int> group;
  for (const auto& l : labels) group.push_back(static_cast<int>(std::find(r.groups.begin(), r.groups.end(), l) - r.groups.begin()));
  r.n = values.size();
  r.theil = theil_decomposition(values, group, static_cast<int>(r.groups.size()));
  r.gini = gini_dagum(values, group, static_cast<int>(r.groups.size()));
  return r;
}

}  // namespace cbec
