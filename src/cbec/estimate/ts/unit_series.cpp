#include "cbec/estimate/ts/unit_series.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "cbec/core/error.hpp"

namespace cbec {

bool UnitSeries::balanced() const {
  for (size_t i = 1; i < y.size(); ++i)
    if (first_time[i] != first_time[0] || last_time[i] != last_time[0]) return false;
  return true;
}

bool constant_series(const Eigen::Ref<const Eigen::VectorXd>& v) {
  if (v.size() == 0) return false;
  return v.maxCoeff() - v.minCoeff() <= 1e-12 * v.cwiseAbs().maxCoeff();
}

namespace {
DataError constant_unit(const std::string& unit, const std::string& variable) {
  return DataError(fmt::format("unit '{}': {} is constant over its periods, so its unit-root and cointegration statistics are not defined "
                               "(plm and tseries give NaN); leave the unit out (--if)",
                               unit, variable));
}
}  // namespace

UnitSeries unit_series(const Frame& frame, const Panel& panel, const std::string& variable, bool demean, bool difference) {
  const std::vector<double>& x = frame.numeric(variable);
  std::map<int64_t, size_t> period;   // time -> position in panel.times
  for (size_t k = 0; k < panel.times.size(); ++k) period[panel.times[k]] = k;
  std::vector<double> mean(panel.times.size(), 0.0);
  if (demean) {
    std::vector<double> count(panel.times.size(), 0.0);
    for (size_t r = 0; r < x.size(); ++r)
      if (panel.unit_code[r] >= 0 && !std::isnan(x[r])) {
        const size_t k = period[panel.time_value[r]];
        mean[k] += x[r];
        count[k] += 1;
      }
    for (size_t k = 0; k < mean.size(); ++k) mean[k] = count[k] > 0 ? mean[k] / count[k] : 0.0;
  }
  UnitSeries s;
  s.variable = variable;
  s.times = panel.times;
  for (size_t u = 0; u < panel.n_units; ++u) {
    std::vector<size_t> rows;
    for (size_t i = panel.unit_start[u]; i < panel.unit_start[u + 1]; ++i)
      if (!std::isnan(x[panel.order[i]])) rows.push_back(panel.order[i]);
    const size_t unit_rows = panel.unit_start[u + 1] - panel.unit_start[u];
    if (rows.empty()) {
      s.units_without_values.push_back(panel.unit_labels[u]);
      continue;
    }
    s.missing_at_ends += unit_rows - rows.size();  // inside the span a missing value is an error below
    const size_t first = period[panel.time_value[rows.front()]], last = period[panel.time_value[rows.back()]];
    if (last - first + 1 != rows.size())
      throw DataError(fmt::format("unit '{}': {} has a missing value or a missing period between {} and {}; unit-root tests need consecutive periods",
                                  panel.unit_labels[u], variable, panel.time_value[rows.front()], panel.time_value[rows.back()]));
    // A period no unit has is no row at all: the series would bridge it as one step (plm's purtest
    // does; Stata's L. and cbec's cointegration analyses do not).
    // Periods on the panel's step (every fifth year: 5) are consecutive.
    if (panel.times[last] - panel.times[first] != static_cast<int64_t>(last - first) * panel.step)
      for (size_t k = first; k < last; ++k)
        if (panel.times[k + 1] != panel.times[k] + panel.step)
          throw DataError(fmt::format("unit '{}': no observation between {} and {} (no unit has a row in between); unit-root tests need consecutive "
                                      "periods: add the missing periods' rows with empty values",
                                      panel.unit_labels[u], panel.times[k], panel.times[k + 1]));
    Eigen::VectorXd v(static_cast<long>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) v[static_cast<long>(i)] = x[rows[i]] - mean[first + i];
    if (rows.size() > 1 && constant_series(v)) throw constant_unit(panel.unit_labels[u], variable);
    s.units.push_back(panel.unit_labels[u]);
    s.y.push_back(std::move(v));
    s.first_time.push_back(panel.time_value[rows.front()]);
    s.last_time.push_back(panel.time_value[rows.back()]);
  }
  if (s.units.empty()) throw DataError(fmt::format("{} has no observed values", variable));
  return difference ? differenced(s) : s;
}

UnitSeries differenced(const UnitSeries& s) {
  UnitSeries d = s;
  d.variable = "D." + s.variable;
  for (size_t i = 0; i < s.y.size(); ++i) {
    const long T = s.y[i].size();
    if (T < 2) throw DataError(fmt::format("unit '{}': one observation of {}, no difference", s.units[i], s.variable));
    d.y[i] = s.y[i].tail(T - 1) - s.y[i].head(T - 1);
    if (T > 2 && constant_series(d.y[i])) throw constant_unit(s.units[i], d.variable);
  }
  // the first period of each unit is lost
  for (size_t i = 0; i < s.y.size(); ++i) d.first_time[i] = *std::upper_bound(s.times.begin(), s.times.end(), s.first_time[i]);
  return d;
}

}  // namespace cbec
