// Variable transforms for panel data, usable from the command line (`cbec transform`) and the
// study file: log, lags/leads/differences and growth rates (gap-aware), linear interpolation and
// extrapolation within a unit, winsorizing, min-max and z standardization, pooled or by group.
// Every function returns the new values and counts what it could not compute, so nothing is lost
// silently.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

struct TransformReport {
  std::string column, description;
  size_t computed = 0;            // non-missing results
  size_t missing_input = 0;       // input missing
  size_t invalid = 0;             // e.g. log of a value <= 0, lag not observed
  size_t changed = 0;             // values winsorized / filled by interpolation
};

// log(x); values <= 0 become missing and are counted in `invalid`.
std::vector<double> log_values(const std::vector<double>& x, TransformReport& rep);
// Growth rate x_t / x_{t-1} - 1 (gap-aware; missing when x_{t-1} = 0).
std::vector<double> panel_growth(const Panel& p, const std::vector<double>& x, TransformReport& rep);
// x_t - x_{t-k} and the growth rate from x and its lag (panel_shift: gap-aware), which may be read
// in the whole a part belongs to (part_of_whole.hpp).
std::vector<double> difference(const std::vector<double>& x, const std::vector<double>& lagged, TransformReport& rep);
std::vector<double> growth(const std::vector<double>& x, const std::vector<double>& lagged, TransformReport& rep);
// Linear interpolation in time of missing values between observed values of the same unit (Stata
// ipolate); with `extrapolate`, values before the first or after the last observation follow the
// line through the two nearest observations (Stata ipolate, epolate).
std::vector<double> interpolate(const Panel& p, const std::vector<double>& x, bool extrapolate, TransformReport& rep);
// Winsorizing at the lower and upper percentiles (in percent), pooled or within groups. Percentiles
// follow Stata's _pctile / winsor2 (R quantile type 2: the average of the two order statistics
// when n p / 100 is whole).
std::vector<double> winsorize(const std::vector<double>& x, double lower, double upper, const std::vector<int32_t>* groups,
                              TransformReport& rep);
// The p-th percentile (0-100) by Stata's definition (R type 2).
double percentile_stata(std::vector<double> sorted_values, double p);
// Standardization, pooled or within groups: "z" (x - mean) / sd (sd with n - 1), "minmax"
// (x - min) / (max - min), "minmax_neg" (max - x) / (max - min) for indicators where less is better.
std::vector<double> standardize(const std::vector<double>& x, const std::string& method, const std::vector<int32_t>* groups,
                                TransformReport& rep);

}  // namespace cbec
