// Which variance estimators each estimator supports (issue 12), in one table checked in one place
// before anything runs, as linearmodels' CovarianceManager: an analysis taking `vcov` calls
// `check_vcov` and a refusal reads the same everywhere:
//   'be' supports vcov iid; not hc1
// The estimators keep their own guards for library callers; through the analyses they are never
// reached. `cbec analyses --json` and the README print the table.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/estimate/ols/vcov.hpp"

namespace cbec {

// The variance estimators (the user's spelling): iid, hc0, hc1, hc2, hc3, cluster (CR1), cr2, dk.
const std::vector<std::string>& variance_names();

struct VarianceSupport {
  std::string estimator;                 // feols, xtreg models (pooled, fe, ...), twfe, threshold, ...
  std::vector<std::string> supported;    // subset of variance_names()
  std::string note;                      // conditions, e.g. "hc2/hc3 not with absorbed fixed effects"
};

// The table, one row per estimator.
const std::vector<VarianceSupport>& variance_support();
const VarianceSupport& variance_support(const std::string& estimator);

// What the model is: conditions that remove estimators (HC2/HC3 need the leverage of the fixed
// effects, which is not computed; CR2 is not implemented with observation weights).
struct VarianceCase {
  bool fixed_effects = false;   // absorbed fixed effects
  bool weights = false;         // observation weights
};

// The variance name of a parsed spec ("hc1", "cluster", "cr2", ...).
std::string variance_name(const VcovSpec& v);

// Throws a SpecError "'<analysis>' supports vcov iid, hc1, cluster; not cr2" when `estimator`
// (a row of the table) does not support `v` in the case `c`.
void check_vcov(const std::string& analysis, const std::string& estimator, const VcovSpec& v, VarianceCase c = {});
// The same for the text of a `vcov` option (empty: the analysis's default, not checked).
void check_vcov(const std::string& analysis, const std::string& estimator, const std::string& vcov, VarianceCase c = {},
                const std::string& panel_time = "");

nlohmann::json variance_support_json();

}  // namespace cbec
