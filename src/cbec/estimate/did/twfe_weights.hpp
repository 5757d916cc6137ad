// Diagnostic of the TWFE DID coefficient under heterogeneous effects (de Chaisemartin and
// D'Haultfoeuille 2020, AER 110(9), Theorem 1 and Corollary 1): beta_fe is a weighted sum of the
// treated cells' effects with weights w_gt proportional to the residual of D from a regression on
// unit and period effects (and the regression's controls); some weights can be negative. Reports the number and sum of positive and
// negative weights, the smallest SD of effects compatible with beta_fe and an ATT of zero, and the
// smallest SD compatible with effects of the opposite sign in every cell (when weights are
// negative); as the R package TwoWayFEWeights (type feTR, one observation per cell).
#pragma once

#include <string>

#include "cbec/estimate/did/staggered.hpp"

namespace cbec {

struct TwfeWeightsResult {
  double beta = 0;                       // TWFE coefficient of the treatment dummy
  size_t n_positive = 0, n_negative = 0;
  double sum_positive = 0, sum_negative = 0;
  double sd_for_zero_att = 0;            // Corollary 1 (i)
  double sd_for_opposite_sign = 0;       // Corollary 1 (ii); NaN without negative weights
  std::string verdict;                   // plain words
};

// Uses spec.y, unit, time, first_treat, weights, and the controls and further fixed effects of the
// TWFE regression (D residualized on all of them, as TwoWayFEWeights with controls).
TwfeWeightsResult twfe_weights(const Frame& frame, const StaggeredSpec& spec);

}  // namespace cbec
