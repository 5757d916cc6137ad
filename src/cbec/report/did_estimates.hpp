// The overall effect of each staggered DID estimator as a column of estimates
// (estimate_column.hpp) of the outcome, so that a study's [[table]] puts TWFE and the heterogeneity-robust
// estimators side by side in one robustness table. The row is named `did`, as TWFE's coefficient of
// the treatment indicator cbec builds, so that all of them share one row (label it with
// [labels] did = "ATT"). p-values and intervals are the estimators' own; where an estimator gives
// only a standard error, p = 2 (1 - Phi(|att / se|)) (normal, as their packages report).
#pragma once
#include <string>

#include "cbec/estimate/did/callaway_santanna.hpp"
#include "cbec/estimate/did/did_multiplegt.hpp"
#include "cbec/estimate/did/imputation.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/report/estimate_column.hpp"

namespace cbec {

// The simple aggregation ATT (did's aggte(type = "simple")).
EstimateColumn att_column(const CallawaySantAnnaResult& r, const std::string& outcome);
// The ATT averaged over periods >= 0, weighted by observations (fixest's aggregate(att = TRUE)).
EstimateColumn att_column(const SunAbrahamResult& r, const std::string& outcome);
// The overall ATT of the imputation estimator (Borusyak-Jaravel-Spiess).
EstimateColumn att_column(const ImputationResult& r, const std::string& outcome);
// DID_M (de Chaisemartin-D'Haultfoeuille 2020), with its bootstrap standard error when drawn.
EstimateColumn att_column(const DidMultiplegtResult& r, const std::string& outcome);

}  // namespace cbec
