// Tests of cross-sectional dependence in panels, on residuals e_it (or a variable), from the pairwise
// correlations rho_ij of units i < j over their T_ij common periods (N units, N(N-1)/2 pairs):
//   LM     = sum T_ij rho_ij^2 ~ chi2(N(N-1)/2)                      Breusch and Pagan (1980)
//   LM_s   = sqrt(1/(N(N-1))) sum (T_ij rho_ij^2 - 1) ~ N(0,1)        Pesaran (2004, eq. 6), scaled LM
//   LM_bc  = LM_s - N / (2 (T - 1)) ~ N(0,1)                        Baltagi, Feng and Kao (2012, eq. 11),
//            T the largest T_ij (for fixed-effects residuals)
//   CD     = sqrt(2/(N(N-1))) sum sqrt(T_ij) rho_ij ~ N(0,1)        Pesaran (2004, eq. 7; 2015 for T_ij)
// Pairs with fewer than 2 common periods are left out (as plm's pcdtest). p-values two-sided for
// the normal statistics, upper tail for LM.
// The residuals: `unit` regresses y on a constant and the controls unit by unit (plm's default for
// a formula), `within` is the fixed-effects (within) regression, `pooling` pooled OLS, `none` tests
// the variable itself.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

struct CdStat {
  std::string name;
  double value = 0, p_value = 0;
  std::string distribution;
};

struct CrossDependenceResult {
  std::string variable, residuals;
  std::vector<std::string> controls;
  size_t n_units = 0, pairs = 0, pairs_dropped = 0;
  std::map<std::string, size_t> dropped;   // rows left out: "missing" (the variable or a control), "missing_id" (no unit or time)
  double mean_abs_rho = 0, mean_rho = 0;
  std::vector<CdStat> stats;   // CD, LM, scaled LM, bias-corrected scaled LM
};

CrossDependenceResult cross_dependence(const Frame& frame, const Panel& panel, const std::string& variable,
                                       const std::vector<std::string>& controls, const std::string& residuals);

}  // namespace cbec
