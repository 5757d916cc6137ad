// Arellano and Bond's (1991, eq. 8-9) test of serial correlation of order m in the residuals of the
// differenced equation, as R plm's mtest(): with r_i the differenced residuals and l_i the same
// lagged m periods (zero where unavailable),
//   m = sum_i r_i'l_i / sqrt( sum_i (r_i'l_i)^2 - 2 (sum_i l_i'X_i) B X'Z W (sum_i Z_i' r_i r_i'l_i)
//                            + (sum_i l_i'X_i) V (sum_i X_i'l_i) ),
// B and W the classic variance and the weight of the estimator, V the variance chosen for the
// coefficients; N(0, 1) under no AR(m). In system GMM the levels equation's rows are left out.
#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "cbec/estimate/panel/gmm.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

TestResult gmm_ar_test(const GmmSystem& s, const GmmFit& f, int order, const Eigen::MatrixXd& vcov) {
  const long p = f.ZX.rows(), K = f.ZX.cols(), d = static_cast<long>(s.diff_rows), m = order;
  double num = 0, eve = 0;
  Eigen::RowVectorXd ex = Eigen::RowVectorXd::Zero(K);
  Eigen::VectorXd zve = Eigen::VectorXd::Zero(p);
  for (size_t i = 0; i < s.units.size(); ++i) {
    const GmmUnit& u = s.units[i];
    const Eigen::VectorXd& e = f.resid[i];
    const long n = e.size();
    Eigen::VectorXd r = Eigen::VectorXd::Zero(n), l = Eigen::VectorXd::Zero(n);
    r.head(d) = e.head(d);
    if (d > m) l.segment(m, d - m) = e.head(d - m);
    const double rl = r.dot(l);
    num += rl;
    eve += rl * rl;
    ex += l.transpose() * u.X;
    zve += u.Z.transpose() * r * rl;
  }
  const double denom = eve - 2 * (ex * f.classic_vcov() * f.ZX.transpose() * f.weight() * zve)(0) + (ex * vcov * ex.transpose())(0);
  TestResult t;
  t.distribution = "normal";
  if (!(denom > 0)) {  // a difference of estimated terms: not positive in some samples (pgmm's mtest gives NaN too)
    t.stat = t.p_value = std::numeric_limits<double>::quiet_NaN();
    t.note = fmt::format("AR({}) not computable: its estimated variance is {:.4g}, not positive, with this variance estimator "
                         "(Arellano and Bond 1991, eq. 8; plm's mtest gives NaN); try the other --se",
                         order, denom);
    return t;
  }
  t.stat = num / std::sqrt(denom);
  t.p_value = p_normal_two_sided(t.stat);
  return t;
}

}  // namespace cbec
