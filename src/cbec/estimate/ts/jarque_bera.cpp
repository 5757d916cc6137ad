#include "cbec/estimate/ts/jarque_bera.hpp"

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

JarqueBera jarque_bera(const Eigen::VectorXd& x) {
  if (x.size() < 3) throw DataError("the Jarque-Bera test needs at least three values");
  const Eigen::ArrayXd c = x.array() - x.mean();
  const double m2 = c.square().mean(), m3 = c.cube().mean(), m4 = c.square().square().mean();
  if (!(m2 > 0)) throw NumericError("the Jarque-Bera test needs values that are not all equal");
  JarqueBera r;
  r.n = static_cast<size_t>(x.size());
  r.skewness = m3 / std::pow(m2, 1.5);
  r.kurtosis = m4 / (m2 * m2);
  r.stat = static_cast<double>(r.n) / 6 * (r.skewness * r.skewness + std::pow(r.kurtosis - 3, 2) / 4);
  r.p_value = p_chi2_upper(r.stat, 2);
  return r;
}

}  // namespace cbec
