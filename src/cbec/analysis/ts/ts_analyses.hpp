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
// What the series of the variables tested leave out (units without values, missing values at a
// unit's ends), as notes for the table and the JSON's "dropped".
struct SeriesLeftOut {
  std::vector<std::string> notes;
  nlohmann::json dropped = nlohmann::json::object();
  // The notes below the outcome's first table, "dropped" in its JSON.
  void report(Outcome& out) const;
};

// The series of `variable` the options ask for: levels, first differences, or both (in that order),
// with their labels "levels" / "differences"; what they leave out is added to `left_out`.
std::vector<std::pair<std::string, UnitSeries>> requested_series(const Frame& frame, const Options& o, const AnalysisContext& ctx,
                                                                 const std::string& variable, SeriesLeftOut& left_out);
Needs ts_needs();

}  // namespace cbec
