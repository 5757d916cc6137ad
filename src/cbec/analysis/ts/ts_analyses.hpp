// The time-series analyses of panels (`cbec ts --method <name>`, study type <name>): unit-root
// tests per unit and for the panel, cross-section dependence tests; one file each, and the
// options they share.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/unit_series.hpp"

namespace cbec {

Analysis urtest_analysis();
Analysis unitroot_analysis();
Analysis cd_analysis();
Analysis cips_analysis();

// The options every unit-root analysis takes: variable, deterministic, lags, max_lags, series
// (levels, differences or both), demean, mle_variance, p_approx.
std::vector<OptionSpec> unit_root_options(const std::string& default_deterministic);
Deterministic deterministic_option(const Options& o);
LagChoice lag_option(const Options& o);
PApprox p_approx_option(const Options& o);
// The series of `variable` the options ask for: levels, first differences, or both (in that order),
// with their labels "levels" / "differences".
std::vector<std::pair<std::string, UnitSeries>> requested_series(const Frame& frame, const Options& o, const AnalysisContext& ctx,
                                                                 const std::string& variable);
Needs ts_needs();

}  // namespace cbec
