// From a Frame and a parsed formula to the matrices an estimator needs, recording every dropped
// observation and why (missing values, invalid log, unavailable lag, non-positive weight, singletons).
#pragma once
#include <Eigen/Core>

#include <map>
#include <string>
#include <vector>

#include "cbec/formula/ast.hpp"
#include "cbec/frame/factor.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct DesignOptions {
  std::string panel_unit, panel_time;   // needed by l(), f(), d() in formulas
  std::vector<std::string> groups;      // extra grouping variables to carry (clusters, time for DK)
  std::string weights;                  // observation weights column (must be > 0)
  bool drop_singletons = true;          // drop observations alone in a fixed-effect level (as reghdfe)
  // Build y, X, endog and instruments as the one matrix Design::stacked (what feols demeans in
  // place) instead of the separate members: no second copy of the variables.
  bool stacked = false;
  // The frame holds one process's share of the rows (estimate/ols/design_across_processes.hpp):
  // no usable row here is not an error, the other processes may have some.
  bool share_of_rows = false;
};

struct Design {
  ModelSpec spec;
  std::string depvar;
  Eigen::VectorXd y;
  Eigen::MatrixXd X;                    // exogenous regressors; "(Intercept)" first when present
  std::vector<std::string> x_names;
  Eigen::MatrixXd endog, instruments;   // IV part (empty otherwise)
  std::vector<std::string> endog_names, instrument_names;
  std::vector<Factor> fixed_effects;
  std::map<std::string, Factor> groups; // by variable name, restricted to the estimation sample
  // With DesignOptions::stacked, y, X, endog and instruments stay empty and their columns are here,
  // in that order: n x (1 + n_x + n_endog + n_instruments).
  Eigen::MatrixXd stacked;
  long n_x = 0, n_endog = 0, n_instruments = 0;
  Eigen::VectorXd weights;              // empty when unweighted
  std::vector<size_t> rows;             // frame rows in the estimation sample
  std::map<std::string, size_t> dropped;
  size_t n_input = 0;                   // rows in the frame

  size_t nobs() const { return rows.size(); }
  bool weighted() const { return weights.size() > 0; }
  bool is_stacked() const { return stacked.size() > 0; }
  // The grouping carried for a cluster or DK's time variable (DesignOptions::groups); an internal
  // error when the model did not ask for it.
  const Factor& grouping(const std::string& name) const;
};

// The factor over the given rows (indices into its codes), re-coded to the levels present there in
// their order; moved, not copied, when every row is kept and every level occurs.
Factor restrict_factor(Factor&& f, const std::vector<size_t>& rows);

Design build_design(const Frame& frame, const ModelSpec& spec, const DesignOptions& options = {});
// The same, consuming the frame: each column's storage is released as soon as the design no longer
// needs it (and returned to the system), so the data and the design are not both held in full.
// The frame is left with its columns empty; use it only for one model.
Design build_design(Frame&& frame, const ModelSpec& spec, const DesignOptions& options = {});

// The DataError for a model left without observations: the data has no rows, or all `n_input`
// were dropped, for the reasons counted in `dropped`.
[[noreturn]] void throw_no_observations(const std::string& formula, size_t n_input, const std::map<std::string, size_t>& dropped);

// Groups observations by one or more variables (interacted): codes over all frame rows, -1 when
// any is missing.

}  // namespace cbec
