#include "cbec/estimate/ts/pedroni.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/pedroni_moments.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

Eigen::VectorXd residuals(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) { return ts_ols(X, y, false).resid; }

// Kernel long-run variance of one series and the bandwidth it used.
std::pair<double, double> long_run(const Eigen::VectorXd& u, const LongRunSpec& s) {
  const LongRunCovariance l = long_run_covariance(Eigen::MatrixXd(u), s);
  return {l.omega(0, 0), l.bandwidth};
}

// The pieces of one unit (Table 1, steps 1-5).
struct UnitPieces {
  PedroniUnit out;
  double A = 0, B = 0;             // sum e_{t-1}^2, sum (e_{t-1} de_t - lambda)
  double adf_num = 0, adf_den = 0; // sum e*_{t-1} de*_t, sum e*_{t-1}^2
  double s2_star = 0;
  double bandwidth = 0;
};

UnitPieces unit_pieces(const Eigen::VectorXd& y, const Eigen::MatrixXd& x, Deterministic det, const LagChoice& lags, const LongRunSpec& s) {
  const long T = y.size(), k = x.cols(), n = T - 1;
  UnitPieces p;
  const bool trend = det == Deterministic::Trend;
  Eigen::MatrixXd Z(T, k + deterministic_count(det));
  Z << deterministics(T, 0, det), x;
  const Eigen::VectorXd e = residuals(Z, y);
  // step 3: differenced regression, an intercept when the levels have a trend
  Eigen::MatrixXd dZ(n, k + (trend ? 1 : 0));
  if (trend) dZ.col(0).setOnes();
  dZ.rightCols(k) = x.bottomRows(n) - x.topRows(n);
  const Eigen::VectorXd eta = residuals(dZ, y.tail(n) - y.head(n));
  double b1 = 0, b2 = 0;
  std::tie(p.out.long_run_y, b1) = long_run(eta, s);
  // step 4: AR(1) of the residuals
  const Eigen::VectorXd lag = e.head(n), de = e.tail(n) - e.head(n);
  const double g = lag.dot(e.tail(n)) / lag.squaredNorm();
  const Eigen::VectorXd u = e.tail(n) - g * lag;
  p.out.rho = g - 1;
  p.out.s2 = u.squaredNorm() / static_cast<double>(n);
  std::tie(p.out.sigma2, b2) = long_run(u, s);
  const double lambda = (p.out.sigma2 - p.out.s2) / 2;
  p.A = lag.squaredNorm();
  p.B = lag.dot(de) - static_cast<double>(n) * lambda;
  p.bandwidth = (b1 + b2) / 2;
  // step 5: ADF of the residuals; e* and de* by Frisch-Waugh on the lagged differences
  p.out.lags = select_adf_lags(e, Deterministic::None, lags, false);
  const AdfDesign a = adf_design(e, Deterministic::None, p.out.lags, p.out.lags + 1);
  const TsOls f = ts_ols(a.X, a.dy, false);
  p.s2_star = f.sigma2;
  p.adf_den = f.sigma2 / (f.se[0] * f.se[0]);   // sum e*^2 = s^2 / se^2
  p.adf_num = f.coef[0] * p.adf_den;
  p.out.adf_t = f.coef[0] / f.se[0];
  return p;
}

}  // namespace

PedroniResult pedroni_test(const CointegrationData& d, const LagChoice& lags, const LongRunSpec& s) {
  if (!d.balanced())
    throw DataError("Pedroni's tests need a balanced panel (every unit over the same periods): restrict the sample to common periods");
  const size_t N = d.n_units();
  if (N < 2) throw DataError("Pedroni's tests need at least two units");
  const int k = static_cast<int>(d.x.size());
  const PedroniMoments m = pedroni_moments(k, d.deterministic());
  const long T = d.yi[0].size();
  const int nd = deterministic_count(d.deterministic());
  if (T < k + nd + 6)
    throw DataError(fmt::format("Pedroni's tests with {} regressors need at least {} periods; the panel has {}", k, k + nd + 6, T));
  PedroniResult r;
  r.periods = static_cast<size_t>(T);
  r.regressors = k;
  r.trend = d.trend;
  r.intercept = d.intercept;
  r.simulated_moments = m.simulated;
  double wA = 0, wB = 0, w_sigma = 0, s2_star = 0, w_num = 0, w_den = 0, g_rho = 0, g_t = 0, g_adf = 0;
  const double Nd = static_cast<double>(N), Td = static_cast<double>(T);
  for (size_t i = 0; i < N; ++i) {
    UnitPieces p = unit_pieces(d.yi[i], d.xi[i], d.deterministic(), lags, s);
    p.out.unit = d.units[i];
    const double w = 1 / p.out.long_run_y;
    wA += w * p.A;
    wB += w * p.B;
    w_sigma += w * p.out.sigma2 / Nd;
    s2_star += w * p.s2_star / Nd;
    w_num += w * p.adf_num;
    w_den += w * p.adf_den;
    g_rho += p.B / p.A;
    g_t += p.B / std::sqrt(p.out.sigma2 * p.A);
    g_adf += p.adf_num / std::sqrt(p.s2_star * p.adf_den);
    r.bandwidth += p.bandwidth / Nd;
    r.units.push_back(p.out);
  }
  const double rN = std::sqrt(Nd);
  const double raw[7] = {Td * Td * Nd * rN / wA,        Td * rN * wB / wA,     wB / std::sqrt(w_sigma * wA),
                         w_num / std::sqrt(s2_star * w_den), Td * g_rho / rN,   g_t / rN,
                         g_adf / rN};
  const char* names[7] = {"panel_v", "panel_rho", "panel_pp", "panel_adf", "group_rho", "group_pp", "group_adf"};
  for (size_t j = 0; j < 7; ++j) {
    PedroniStatistic st;
    st.name = names[j];
    st.raw = raw[j];
    st.mean = m.mean[j];
    st.variance = m.variance[j];
    st.stat = (raw[j] - m.mean[j] * rN) / std::sqrt(m.variance[j]);
    st.p_value = p_normal_upper(j == 0 ? st.stat : -st.stat);   // panel v: right tail
    r.statistics.push_back(st);
  }
  return r;
}

}  // namespace cbec
