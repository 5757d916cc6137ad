#include "cbec/estimate/inequality/grouped.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace cbec {

void PeriodUnits::add(double value, bool has_group, std::string group) {
  if (std::isnan(value) || !has_group) {
    ++missing_;
  } else if (!(value > 0)) {
    ++excluded_;
  } else {
    values_.push_back(value);
    labels_.push_back(std::move(group));
  }
}

PeriodInequality PeriodUnits::result(double period) const {
  PeriodInequality r;
  r.period = period;
  r.excluded = excluded_;
  r.missing = missing_;
  if (values_.empty()) {  // no positive value: every measure undefined (missing), not 0 (perfect equality)
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.theil.t = r.theil.t_between = r.theil.t_within = r.theil.l = r.theil.l_between = r.theil.l_within = nan;
    r.gini.gini = r.gini.within = r.gini.net_between = r.gini.transvariation = nan;
    return r;
  }
  const std::set<std::string> present(labels_.begin(), labels_.end());
  r.groups.assign(present.begin(), present.end());
  std::vector<int> group;
  for (const auto& l : labels_) group.push_back(static_cast<int>(std::find(r.groups.begin(), r.groups.end(), l) - r.groups.begin()));
  r.n = values_.size();
  r.theil = theil_decomposition(values_, group, static_cast<int>(r.groups.size()));
  r.gini = gini_dagum(values_, group, static_cast<int>(r.groups.size()));
  return r;
}

}  // namespace cbec
