#include "cbec/stats/distributions.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace cbec {

namespace bm = boost::math;

namespace {
bool use_normal(double df) { return !(df > 0) || std::isinf(df); }
const double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

// An infinite statistic (a zero variance: a constant outcome, say) has tail probability 0; Boost's
// distributions refuse infinite arguments with an exception.
double p_normal_two_sided(double z) {
  if (std::isnan(z)) return kNaN;
  if (std::isinf(z)) return 0.0;
  return 2 * bm::cdf(bm::complement(bm::normal(), std::fabs(z)));
}

double p_normal_upper(double z) {
  if (std::isnan(z)) return kNaN;
  if (std::isinf(z)) return z > 0 ? 0.0 : 1.0;
  return bm::cdf(bm::complement(bm::normal(), z));
}

double p_t_two_sided(double t, double df) {
  if (std::isnan(t)) return kNaN;
  if (use_normal(df) || std::isinf(t)) return p_normal_two_sided(t);
  return 2 * bm::cdf(bm::complement(bm::students_t(df), std::fabs(t)));
}

double p_chi2_upper(double x, double df) {
  if (std::isnan(x) || !(df > 0)) return kNaN;
  if (x <= 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  if (std::isinf(df)) return kNaN;
  return bm::cdf(bm::complement(bm::chi_squared(df), x));
}

double p_f_upper(double f, double df1, double df2) {
  if (std::isnan(f) || !(df1 > 0) || !(df2 > 0)) return kNaN;
  if (f <= 0) return 1.0;
  if (std::isinf(f)) return 0.0;
  if (std::isinf(df2)) return p_chi2_upper(f * df1, df1);  // F(df1, inf) = chi2(df1) / df1
  if (std::isinf(df1)) return kNaN;
  return bm::cdf(bm::complement(bm::fisher_f(df1, df2), f));
}

double q_normal(double p) { return bm::quantile(bm::normal(), p); }

double q_t(double p, double df) {
  if (use_normal(df)) return q_normal(p);
  return bm::quantile(bm::students_t(df), p);
}

double q_chi2(double p, double df) { return bm::quantile(bm::chi_squared(df), p); }

}  // namespace cbec
