// Tests for individual and time effects in a panel regression (plm 2.6 pFtest and plmtest; Stata's
// "F test that all u_i = 0" after xtreg, fe and xttest0).
//   F test (plm::pFtest(within, pooling)): F = ((RSS_p - RSS_w) / (df_p - df_w)) / (RSS_w / df_w),
//     the pooled OLS against the within model with effect individual, time or twoways.
//   Lagrange multiplier tests on the pooled OLS residuals e (plm::plmtest, unbalanced panels as
//   Baltagi and Li 1990): A1 = sum_i (sum_t e_it)^2 / e'e - 1, A2 the same by period,
//   LM1 = n / sqrt(2 (sum_i T_i^2 - n)) A1, LM2 = n / sqrt(2 (sum_t N_t^2 - n)) A2, n observations.
//     bp (Breusch and Pagan 1980): LM1^2 (individual), LM2^2 (time), LM1^2 + LM2^2 (twoways), chi2;
//     honda (Honda 1985): LM1, LM2, (LM1 + LM2) / sqrt 2, one-sided N(0, 1);
//     kw (King and Wu 1997): as honda one-way; twoways (sqrt(M11 - n) LM1 + sqrt(M22 - n) LM2) /
//       sqrt(M11 + M22 - 2n), M11 = sum_i T_i^2, M22 = sum_t N_t^2;
//     ghm (Gourieroux, Holly and Monfort 1982, twoways only): max(0, LM1)^2 + max(0, LM2)^2,
//       chi-bar-squared with weights 1/4, 1/2, 1/4 on chi2(0), chi2(1), chi2(2).
#pragma once
#include <string>

#include "cbec/estimate/panel/panel_models.hpp"

namespace cbec {

// within: a within model (fe, fe_time or twoways) and pooled: the pooled OLS, on the same sample and
// with the same regressors (the within model's collinear ones left out: PanelOptions::omit_terms).
TestResult effects_f_test(const RegressionResult& within, const RegressionResult& pooled, const std::string& effect);

// effect: individual, time or twoways; type: bp, honda, kw or ghm.
TestResult lm_effects_test(const Frame& frame, const std::string& formula, const PanelOptions& options, const std::string& effect,
                           const std::string& type);

}  // namespace cbec
