// The panel cointegration analyses of the time-series family (`cbec ts --method <name>`, study type
// <name>): coint (Kao's tests), fmols, dols, hansen_lc, jb; one file each, and the options they share.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

Analysis coint_analysis();
Analysis fmols_analysis();
Analysis dols_analysis();
Analysis hansen_lc_analysis();
Analysis jb_analysis();

// variable, regressors, logs, trend (when `trend`), kernel, bandwidth.
std::vector<OptionSpec> cointegration_options(bool trend = true);
CointegrationData cointegration_input(const Frame& frame, const Options& o, const AnalysisContext& ctx);
LongRunSpec long_run_option(const Options& o);
// The rows and units the cointegration data left out (incomplete periods at a unit's ends, units
// without a complete period), as a note on the first table and JSON "dropped"; with `short_units`,
// a warning naming units of fewer than 10 periods (kernel long-run variances from a few
// autocovariances: FMOLS and Hansen's Lc are asymptotic in T).
Outcome with_left_out(Outcome out, const CointegrationData& d, bool short_units = false);
Needs cointegration_needs();

}  // namespace cbec
