// The series of one variable for each unit of a panel, in time order, as the unit-root tests take
// them: leading and trailing missing values are dropped; a missing value or a missing period
// inside a unit's span is an error naming the unit (the tests need consecutive periods).
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/frame/frame.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

struct UnitSeries {
  std::string variable;
  std::vector<std::string> units;
  std::vector<Eigen::VectorXd> y;
  std::vector<int64_t> first_time, last_time;   // each unit's first and last period
  std::vector<int64_t> times;                    // the panel's periods, sorted
  std::vector<std::string> units_without_values; // units with no value of the variable: left out
  size_t missing_at_ends = 0;                    // missing values before a unit's first or after its last value: left out

  // Every unit observed over the same periods.
  bool balanced() const;
  // Runs f() on unit i's series; a DataError it throws is thrown again naming the variable and unit.
  template <class F>
  auto for_unit(size_t i, F&& f) const -> decltype(f()) {
    try {
      return f();
    } catch (const DataError& e) {
      throw DataError(variable + ", unit '" + units[i] + "': " + e.what());
    }
  }
};

// Whether a series is constant (its range within 1e-12 of its largest magnitude): unit-root and
// cointegration statistics divide by its variance (plm and tseries return NaN), so a constant unit
// is refused by name.
bool constant_series(const Eigen::Ref<const Eigen::VectorXd>& v);

// `demean`: subtract from each value the mean over the units observed at its period (cross-
// sectional demeaning, Levin, Lin and Chu 2002, sec. 5; Stata's xtunitroot option demean).
// `difference`: the first differences (of the demeaned series when both are set).
UnitSeries unit_series(const Frame& frame, const Panel& panel, const std::string& variable, bool demean = false,
                       bool difference = false);

// The first differences of every series.
UnitSeries differenced(const UnitSeries& s);

}  // namespace cbec
