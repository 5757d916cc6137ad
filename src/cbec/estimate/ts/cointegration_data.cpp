#include "cbec/estimate/ts/cointegration_data.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/estimate/ts/fm_pieces.hpp"
#include "cbec/estimate/ts/unit_series.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

bool CointegrationData::balanced() const {
  for (size_t i = 1; i < units.size(); ++i)
    if (first_time[i] != first_time[0] || last_time[i] != last_time[0]) return false;
  return true;
}

size_t CointegrationData::total_obs() const {
  size_t n = 0;
  for (const auto& v : yi) n += static_cast<size_t>(v.size());
  return n;
}

CointegrationData cointegration_data(const Frame& frame, const std::string& unit, const std::string& time, const std::string& y,
                                     const std::vector<std::string>& x, bool trend, bool logs) {
  if (x.empty()) throw SpecError("a cointegrating regression needs at least one regressor");
  const Panel p = declare_panel(frame, unit, time);
  std::vector<const std::vector<double>*> cols = {&frame.numeric(y)};
  for (const auto& v : x) cols.push_back(&frame.numeric(v));
  CointegrationData d;
  d.y = y;
  d.x = x;
  d.trend = trend;
  d.logs = logs;
  const long k = static_cast<long>(x.size());
  for (size_t u = 0; u < p.n_units; ++u) {
    std::vector<size_t> rows;
    for (size_t r = p.unit_start[u]; r < p.unit_start[u + 1]; ++r) rows.push_back(p.order[r]);
    auto complete = [&](size_t row) {
      for (auto* c : cols)
        if (std::isnan((*c)[row])) return false;
      return true;
    };
    size_t a = 0, b = rows.size();
    while (a < b && !complete(rows[a])) ++a;
    while (b > a && !complete(rows[b - 1])) --b;
    if (a == b) {  // a unit with no complete period is left out
      d.units_without_values.push_back(p.unit_labels[u]);
      continue;
    }
    d.incomplete_at_ends += rows.size() - (b - a);
    for (size_t r = a; r < b; ++r) {
      if (!complete(rows[r]))
        throw DataError(fmt::format("unit '{}' has a missing value in {} inside its span; cointegration needs consecutive complete periods", p.unit_labels[u], p.time_value[rows[r]]));
      if (r > a && p.time_value[rows[r]] != p.time_value[rows[r - 1]] + 1)
        throw DataError(fmt::format("unit '{}' has no observation between {} and {}; cointegration needs consecutive periods", p.unit_labels[u], p.time_value[rows[r - 1]], p.time_value[rows[r]]));
    }
    const long T = static_cast<long>(b - a);
    Eigen::VectorXd yv(T);
    Eigen::MatrixXd xm(T, k);
    auto value = [&](size_t c, size_t row) {
      const double v = (*cols[c])[row];
      if (!logs) return v;
      if (!(v > 0)) throw DataError(fmt::format("{} of {} in {} is {}: its log is undefined", c == 0 ? y : x[c - 1], p.unit_labels[u], p.time_value[row], v));
      return std::log(v);
    };
    for (long t = 0; t < T; ++t) {
      const size_t row = rows[a + static_cast<size_t>(t)];
      yv[t] = value(0, row);
      for (long j = 0; j < k; ++j) xm(t, j) = value(static_cast<size_t>(j) + 1, row);
    }
    for (long j = -1; j < k; ++j)
      if (T > 1 && (j < 0 ? constant_series(yv) : constant_series(xm.col(j))))
        throw DataError(fmt::format("unit '{}': {} is constant over its periods, so its cointegration statistics and long-run variances are not "
                                    "defined; leave the unit out (--if)",
                                    p.unit_labels[u], j < 0 ? y : x[static_cast<size_t>(j)]));
    d.units.push_back(p.unit_labels[u]);
    d.yi.push_back(std::move(yv));
    d.xi.push_back(std::move(xm));
    d.first_time.push_back(p.time_value[rows[a]]);
    d.last_time.push_back(p.time_value[rows[b - 1]]);
  }
  if (d.units.empty()) throw DataError(fmt::format("no unit has complete values of {} and its regressors", y));
  return d;
}

void refuse_degenerate_units(const CointegrationData& d) {
  const long k = static_cast<long>(d.x.size());
  const Deterministic det = d.deterministic();
  const long m = deterministic_count(det);
  const char* terms = det == Deterministic::Trend ? "its intercept and trend, or with " : det == Deterministic::Constant ? "its intercept, or with " : "";
  const char* fit = det == Deterministic::Trend ? "its intercept, trend and " : det == Deterministic::Constant ? "its intercept and " : "";
  for (size_t i = 0; i < d.n_units(); ++i) {
    const long T = d.yi[i].size();
    if (T <= m + k) continue;   // too few periods: each statistic says how many it needs
    Eigen::MatrixXd raw(T, k + 1);
    raw << d.xi[i], d.yi[i];
    const Eigen::MatrixXd within = m > 0 ? partial_out(raw, deterministics(T, 0, det)) : raw;
    if (const long j = first_dependent_column(within.leftCols(k), raw.leftCols(k)); j >= 0)
      throw DataError(fmt::format("unit '{}': {} is collinear with {}the regressors before it, over the unit's periods; its slopes are not identified: "
                                  "leave the unit out (--if) or the regressor",
                                  d.units[i], d.x[static_cast<size_t>(j)], terms));
    const Eigen::VectorXd y = within.col(k);
    const Eigen::VectorXd e = y - within.leftCols(k) * within.leftCols(k).colPivHouseholderQr().solve(y);
    if (is_rounding_noise(e, y))
      throw DataError(fmt::format("unit '{}': {} is an exact linear function of {}regressors, so its errors and their long-run variance are 0 and "
                                  "the statistics and weights that divide by them are not defined; leave the unit out (--if)",
                                  d.units[i], d.y, fit));
  }
}

void rethrow_naming_unit(const std::string& unit) {
  try {
    throw;
  } catch (const DataError& e) {
    throw DataError(fmt::format("unit '{}': {}", unit, e.what()));
  } catch (const NumericError& e) {
    throw NumericError(fmt::format("unit '{}': {}", unit, e.what()));
  }
}

Deterministic CointegrationData::deterministic() const {
  return !intercept ? Deterministic::None : trend ? Deterministic::Trend : Deterministic::Constant;
}

Eigen::MatrixXd deterministics(long rows, long first, bool trend) {
  return deterministics(rows, first, trend ? Deterministic::Trend : Deterministic::Constant);
}

Eigen::MatrixXd deterministics(long rows, long first, Deterministic d) {
  Eigen::MatrixXd D(rows, deterministic_count(d));
  if (d != Deterministic::None) D.col(0).setOnes();
  if (d == Deterministic::Trend)
    for (long t = 0; t < rows; ++t) D(t, 1) = static_cast<double>(first + t + 1);
  return D;
}

}  // namespace cbec
