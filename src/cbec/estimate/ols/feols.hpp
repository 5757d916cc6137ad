// Linear regression with any number of absorbed fixed effects, observation weights and 2SLS
// instrumental variables (fixest's feols). Returns a RegressionResult; never prints.
#pragma once
#include "cbec/core/stage_timer.hpp"
#include "cbec/estimate/ols/demean_cache.hpp"
#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

struct FeolsOptions {
  VcovSpec vcov;
  double demean_tol = 1e-10;
  double collin_tol = 1e-10;
  DemeanCache* cache = nullptr;   // share demeaned columns between models of one command
  StageTimer* timer = nullptr;    // claims design, demean, solve and vcov time (--timing)
  // Not null: receives the frame rows of the estimation sample (feols from a frame), for an
  // estimator that aggregates over the rows the model used (Sun-Abraham's cohort shares).
  std::vector<size_t>* sample_rows = nullptr;
};

RegressionResult feols(const Design& design, const FeolsOptions& options = {});
// The same, consuming the design: a stacked design (DesignOptions::stacked) is demeaned in place and
// its row index freed unless options.cache needs it.
RegressionResult feols(Design&& design, const FeolsOptions& options = {});

// Parses the formula, builds the design (with the grouping variables the vcov needs) and fits.
RegressionResult feols(const Frame& frame, const std::string& formula, const FeolsOptions& options = {},
                       DesignOptions design_options = {});
// The same, consuming the frame (build_design(Frame&&)): for a command that fits one model, so the
// data are released as the design is built.
RegressionResult feols(Frame&& frame, const std::string& formula, const FeolsOptions& options = {},
                       DesignOptions design_options = {});

}  // namespace cbec
