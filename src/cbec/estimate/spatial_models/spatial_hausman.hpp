// The spatial Hausman test of random against fixed effects for spatial panel models estimated by
// ML (Mutl and Pfaffermayr 2011, Econometrics J. 14(1); Millo and Piras 2012, J. Stat. Softw.
// 47(1), the spatial Hausman test of splm's sphtest):
//   H = | (b_FE - b_RE)' (V_RE - V_FE)^-1 (b_FE - b_RE) |  ~ chi2(k)
// over the k slopes the two models share (not the spatial parameter, phi or the intercept), with
// V the slopes' ML variances. As sphtest, the absolute value is taken (V_RE - V_FE need not be
// positive definite in a finite sample; a warning says when it is not).
// GM fits (spatial_panel_gm.hpp), as sphtest on two spgm fits: the spatial lag's rho is among the
// compared coefficients (splm matches the within fit's coefficient names, its lag "lambda"
// included); the error's lambda is not a coefficient there.
#pragma once
#include "cbec/estimate/result.hpp"

namespace cbec {

TestResult spatial_hausman(const RegressionResult& fixed, const RegressionResult& random, bool gm = false);

}  // namespace cbec
