// Wald test that coefficients are equal across k independent samples (the same model fitted in each
// group of --split-by).
//
// CONVENTION: the groups share no observation and no cluster, so the joint variance of the stacked
// estimates is block-diagonal, diag(V_1, ..., V_k), each V_g the group's own variance with its own
// small-sample factor (Stata's suest for independent samples). With the differences
// d = (b_2 - b_1, ..., b_k - b_1) of the p tested coefficients,
//   W = d' [Var d]^-1 d,  Var(d_g, d_h) = V_1 + 1[g = h] V_g,  W ~ chi2((k - 1) p),
// and F = W / ((k - 1) p) on ((k - 1) p, df2) with df2 the fully interacted pooled model's: the sum
// of the groups' residual df, or with clustered variances the groups' clusters less one (as each
// group's own clustered tests use G - 1). With HC0 (no small-sample
// factor) W equals the Wald test of the group interactions in the fully interacted pooled model with
// its HC0 variance (tests/reference/panel/split_equality.R); with iid, HC1 or CR1 the pooled model
// differs by its one error variance or small-sample factor.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"

namespace cbec {

// A SpecError names a term some group lacks; a NumericError a singular variance of the differences.
// The returned test has the chi2 statistic in `stat` (df1 = (k - 1) p) and the F form in
// values["F"], values["F_df2"], values["F_p_value"].
TestResult equal_coefficients(const std::vector<RegressionResult>& groups, const std::vector<std::string>& terms);

}  // namespace cbec
