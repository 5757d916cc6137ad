// Hansen's (1982) J test of the overidentifying restrictions of a GMM model:
//   J = (sum_i Z_i' e_i)' W2 (sum_i Z_i' e_i) ~ chi2(instruments - coefficients),
// e the residuals of the estimates reported and W2 = (sum_i Z_i' e1_i e1_i' Z_i)^-1 the two-step
// weight from the one-step residuals. This is what R plm's sargan() computes (its default weights =
// "twosteps") and Stata xtabond2 calls the Hansen test; robust to heteroskedasticity, weakened by
// many instruments (Roodman 2009).
#include "cbec/estimate/panel/gmm.hpp"
#include "cbec/stats/distributions.hpp"

#include <limits>

namespace cbec {

TestResult gmm_hansen(const GmmSystem& s, const GmmFit& f) {
  Eigen::VectorXd z = Eigen::VectorXd::Zero(f.ZX.rows());
  for (size_t i = 0; i < s.units.size(); ++i) z += s.units[i].Z.transpose() * f.resid[i];
  TestResult t;
  t.stat = z.dot(f.W2 * z);
  t.df1 = static_cast<double>(f.ZX.rows() - f.ZX.cols());
  t.distribution = "chi2";
  t.note = "Hansen J with the two-step weight matrix (plm sargan(); xtabond2's Hansen test)";
  if (t.df1 > 0) {
    t.p_value = p_chi2_upper(t.stat, t.df1);
  } else {  // exactly identified: J is 0 and tests nothing (pgmm prints p = 0, an earlier cbec 1)
    t.p_value = std::numeric_limits<double>::quiet_NaN();
    t.note += "; not defined: the model is exactly identified (as many instruments as parameters)";
  }
  return t;
}

}  // namespace cbec
