// The data of a panel cointegrating regression y_it = a_i (+ d_i t) + x_it' b + u_it (or without a_i): for each unit,
// its consecutive periods with y and every x observed. Leading and trailing incomplete periods are
// dropped; a gap or a missing value inside a unit's span is an error naming the unit and period
// (the long-run estimators need consecutive periods). With `logs`, the natural logs of y and x (a
// value <= 0 is an error naming the unit and period).
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/ts/deterministic.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct CointegrationData {
  std::string y;
  std::vector<std::string> x;
  std::vector<std::string> units;
  std::vector<Eigen::VectorXd> yi;           // per unit, T_i values in time order
  std::vector<Eigen::MatrixXd> xi;           // per unit, T_i x k
  std::vector<int64_t> first_time, last_time;
  bool trend = false;                        // a unit-specific linear trend besides the intercept
  bool intercept = true;                     // false: no deterministic terms (Pedroni's and Westerlund's "none" case)
  bool logs = false;                         // y and x are the logs of the columns
  size_t incomplete_at_ends = 0;             // rows before a unit's first or after its last complete period: left out
  std::vector<std::string> units_without_values;  // units without a complete period: left out

  size_t n_units() const { return units.size(); }
  Deterministic deterministic() const;       // None, Constant or Trend from intercept and trend
  bool balanced() const;
  size_t total_obs() const;
};

CointegrationData cointegration_data(const Frame& frame, const std::string& unit, const std::string& time, const std::string& y,
                                     const std::vector<std::string>& x, bool trend, bool logs = false);

// Refuses, naming the unit and variable, what no cointegration statistic or long-run estimate of a
// unit can be computed from (they printed slopes of 1e26, SEs of 0 or z of 1e15 before): a regressor
// collinear with the unit's deterministic terms or the regressors before it (feols's rule,
// collinearity.hpp), and a response its deterministic terms and regressors fit exactly (residual sum
// of squares below 1e-20 of its own after the deterministic terms: errors and long-run variance 0).
// Call once d.intercept and d.trend are final.
void refuse_degenerate_units(const CointegrationData& d);

// In a handler, rethrows the DataError or NumericError being handled with its message prefixed by
// the unit's name (unit 'u07': ...), others as they are.
[[noreturn]] void rethrow_naming_unit(const std::string& unit);

// The deterministic regressors of one unit, rows t = first..first+rows-1 (0-based periods of the
// unit): a column of ones and, with `trend`, t + 1.
Eigen::MatrixXd deterministics(long rows, long first, bool trend);
// The same for any deterministic case (None: no columns).
Eigen::MatrixXd deterministics(long rows, long first, Deterministic d);

}  // namespace cbec
