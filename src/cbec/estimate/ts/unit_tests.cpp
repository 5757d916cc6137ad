#include "cbec/estimate/ts/unit_tests.hpp"

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/pp_kpss.hpp"

namespace cbec {

UnitTests unit_tests(const UnitSeries& s, const UnitTestSpec& spec) {
  UnitTests out;
  out.test = spec.test;
  out.variable = s.variable;
  out.deterministic = spec.deterministic;
  out.p_approx = spec.p_approx;
  out.lags = spec.test == "adf" ? describe(spec.adf_lags, s.y, spec.deterministic) : "Bartlett lag " + spec.bandwidth;
  out.units = s.units;
  for (size_t i = 0; i < s.y.size(); ++i) {
    const Eigen::VectorXd& y = s.y[i];
    UnivariateTest t;
    if (spec.test == "adf") {
      const AdfResult r = s.for_unit(i, [&] { return adf_test(y, spec.deterministic, spec.adf_lags, spec.dfcor, spec.p_approx); });
      t = {r.stat, r.p_value, r.critical, r.lags, r.nobs};
    } else if (spec.test == "pp") {
      const PpResult r = pp_test(y, spec.deterministic, spec.bandwidth, spec.p_approx);
      t = {r.stat, r.p_value, r.critical, r.lags, r.nobs};
    } else if (spec.test == "kpss") {
      const KpssResult r = kpss_test(y, spec.deterministic, spec.bandwidth);
      t = {r.stat, r.p_value, r.critical, r.lags, r.nobs};
    } else {
      throw SpecError("test '" + spec.test + "': use adf, pp or kpss");
    }
    out.results.push_back(t);
  }
  return out;
}

}  // namespace cbec
