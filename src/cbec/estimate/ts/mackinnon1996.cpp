// MacKinnon (1996, "Numerical distribution functions for unit root and cointegration tests", JAE 11(6),
// 601-618), section 5: the p-value of a statistic tau is read off 221 estimated quantiles q(p_j) of its
// finite-sample distribution, q(p_j) = b_inf + b1/T + b2/T^2 (+ b3/T^3) (eq. 9), by the regression (eq. 11)
//   Phi^-1(p_j) = g0 + g1 q(p_j) + g2 q(p_j)^2 + g3 q(p_j)^3 + e_j
// over the 9 quantiles nearest tau, estimated by GLS with the covariance of estimated quantiles,
//   Omega_jk = s_j s_k sqrt(p_j (1 - p_k) / (p_k (1 - p_j))),  p_j <= p_k  (s_j: their standard errors),
// and evaluated at tau: p = Phi(g0 + g1 tau + g2 tau^2 + g3 tau^3). The cubic term is kept only when its
// GLS t statistic exceeds 2 in absolute value; otherwise the quadratic is fitted. Near the ends of the
// table (the nearest quantile among the first or last 4) the regression uses every quantile from that
// end to 4 beyond the nearest one (at least 5); at the upper end with Omega = I (as urcdist, to avoid
// a nearly singular Omega), and p is kept inside [p_1, p_221] when tau lies beyond the last quantile;
// Phi's argument is bounded to [-16, 16] (here [-16, 8]: p < 1 in double precision).
// This is the procedure of MacKinnon's urcdist (urcrouts.f, routine fpval), which R's
// urca::punitroot and plm's purtest(p.approx = "MacKinnon1996") call; the surfaces q(p_j) are not
// MacKinnon's but cbec's own simulation of his design (df_tau_surfaces.hpp, tools/df_tau_surfaces).
// Two departures from urcdist keep p continuous and increasing in tau with simulated tables (whose
// tail quantiles are noisier than MacKinnon's): between two quantiles the regressions centred at
// each are blended linearly in tau (urcdist switches from one to the other halfway, and p jumps);
// beyond the first or last quantile the end regression is continued along a straight line instead
// of extrapolated (mackinnon1996_p below).
#include "cbec/estimate/ts/mackinnon1996.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "cbec/estimate/ts/df_tau_surfaces.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

constexpr long n_quantiles = static_cast<long>(df_tau_n_probabilities);
constexpr long half_window = 4;         // 9 points: the nearest quantile and 4 either side
constexpr double cubic_t_min = 2.0;     // urcdist's precrt
// urcdist evaluates Phi within [-16, 16]: p >= Phi(-16) = 6.4e-58. Above, 8 instead of 16: Phi(z) rounds
// to 1 in double precision for z > 8.3, and p = 1 would make the Fisher combinations infinite.
constexpr double lowest_probit = -16.0, highest_probit = 8.0;

const DfTauSurface& table_for(Deterministic d) {
  return d == Deterministic::None ? df_tau_nc : d == Deterministic::Constant ? df_tau_c : df_tau_ct;
}

// The smallest sample size the surfaces were estimated at (tools/df_tau_surfaces): below it the
// quadratic in 1/T extrapolated to T = 10 can turn the tail quantiles out of order, so fewer
// observations use the surfaces at this size.
constexpr size_t smallest_simulated_T = 20;

// q(p_j) at sample size T (eq. 9); T = 0: b_inf.
double quantile_at(const std::array<double, 5>& b, int model, size_t T) {
  if (T == 0) return b[0];
  const double x = 1.0 / static_cast<double>(std::max(T, smallest_simulated_T));
  return b[0] + x * (b[1] + x * (b[2] + (model == 3 ? x * b[3] : 0.0)));
}

struct GlsFit {
  Eigen::VectorXd g;
  double t_last = 0;   // |g_last| / se(g_last)
};

// GLS of y on X with covariance Omega; se from (ssr_transformed / (n - k)) (X' Omega^-1 X)^-1. The
// regression is ill-conditioned (a cubic in q over a narrow range of q; neighbouring quantiles nearly
// perfectly correlated), so implementations of it differ in the fifth or sixth significant digit of p
// (with MacKinnon's tables, urcdist and this code agreed to 1e-5 relative), far below the simulation
// error of the tables.
GlsFit gls(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::MatrixXd& omega) {
  const Eigen::MatrixXd omega_inv = omega.llt().solve(Eigen::MatrixXd::Identity(omega.rows(), omega.cols()));
  const Eigen::MatrixXd xox = X.transpose() * omega_inv * X;
  const Eigen::MatrixXd xox_inv = xox.llt().solve(Eigen::MatrixXd::Identity(xox.rows(), xox.cols()));
  GlsFit f;
  f.g = xox_inv * (X.transpose() * (omega_inv * y));
  const Eigen::VectorXd r = y - X * f.g;
  const double ssrt = r.dot(omega_inv * r);
  const long k = X.cols();
  f.t_last = std::abs(f.g[k - 1]) / std::sqrt(ssrt / static_cast<double>(X.rows() - k) * xox_inv(k - 1, k - 1));
  return f;
}

// The local regression of eq. 11 centred at quantile `centre`: the polynomial in q, and the slope of
// the GLS straight line through the same quantiles (used beyond the table).
struct LocalFit {
  Eigen::VectorXd g;
  double line_slope = 0;
  double z(double x) const {
    double v = 0;
    for (long k = g.size() - 1; k >= 0; --k) v = v * x + g[k];
    return v;
  }
};

LocalFit local_fit(const Eigen::VectorXd& q, const DfTauSurface& tab, long centre) {
  // the quantiles used, and whether Omega is the identity
  std::vector<long> used;
  bool identity = false;
  if (centre >= half_window && centre < n_quantiles - half_window - 1) {
    for (long j = centre - half_window; j <= centre + half_window; ++j) used.push_back(j);
  } else if (centre < half_window) {
    for (long j = 0; j < std::max(centre + 1 + half_window, 5L); ++j) used.push_back(j);
  } else {
    identity = true;
    for (long j = n_quantiles - std::max(n_quantiles - centre + half_window, 5L); j < n_quantiles; ++j) used.push_back(j);
  }
  const auto n = static_cast<long>(used.size());
  Eigen::MatrixXd X(n, 4), omega = Eigen::MatrixXd::Identity(n, n);
  Eigen::VectorXd y(n);
  for (long i = 0; i < n; ++i) {
    const auto j = static_cast<size_t>(used[static_cast<size_t>(i)]);
    const double qj = q[static_cast<long>(j)];
    y[i] = df_tau_probits()[j];
    X.row(i) << 1.0, qj, qj * qj, qj * qj * qj;
    if (identity) continue;
    for (long k = 0; k < n; ++k) {
      const auto l = static_cast<size_t>(used[static_cast<size_t>(k)]);
      const double lo = df_tau_probabilities()[std::min(j, l)], hi = df_tau_probabilities()[std::max(j, l)];
      omega(i, k) = tab.rows[j][4] * tab.rows[l][4] * std::sqrt(lo * (1 - hi) / (hi * (1 - lo)));
    }
  }
  GlsFit fit = gls(X, y, omega);
  if (fit.t_last <= cubic_t_min) fit = gls(X.leftCols(3), y, omega);
  return {fit.g, gls(X.leftCols(2), y, omega).g[1]};
}

}  // namespace

double mackinnon1996_p(double tau, Deterministic d, size_t nobs) {
  if (std::isnan(tau)) return std::numeric_limits<double>::quiet_NaN();
  const DfTauSurface& tab = table_for(d);
  Eigen::VectorXd q(n_quantiles);
  for (long j = 0; j < n_quantiles; ++j) q[j] = quantile_at(tab.rows[static_cast<size_t>(j)], tab.model, nobs);
  const long last = n_quantiles - 1;
  double z = 0;
  if (tau <= q[0] || tau >= q[last]) {
    // Beyond the table the end regression is not extrapolated (its curvature, from 5 noisy tail
    // quantiles, turned it back within half a unit of tau of the table's end): z continues from its
    // value at the end quantile along the GLS straight line through the same quantiles (rising
    // quantiles and probits: its slope is positive for the shipped tables, which the test
    // MacKinnon1996.PValueIsMonotoneAndInsideTheTable checks out to tau = -20 and 8).
    const long end = tau <= q[0] ? 0 : last;
    const LocalFit f = local_fit(q, tab, end);
    z = f.z(q[end]) + f.line_slope * (tau - q[end]);
  } else {
    // Between q_j and q_j+1 urcdist uses the regression centred at the nearer one, so p jumps where
    // the nearest quantile changes; with simulated tables those jumps can exceed the rise of p
    // between two switches. The two regressions are blended instead, linearly in tau, so p is
    // continuous; at the quantiles themselves it is urcdist's.
    const long j = static_cast<long>(std::upper_bound(q.data(), q.data() + n_quantiles, tau) - q.data()) - 1;
    const double w = (tau - q[j]) / (q[j + 1] - q[j]);
    z = (1 - w) * local_fit(q, tab, j).z(tau) + w * local_fit(q, tab, j + 1).z(tau);
  }
  z = std::clamp(z, lowest_probit, highest_probit);
  double p = p_normal_upper(-z);   // Phi(z)
  if (tau < q[0]) p = std::min(p, df_tau_probabilities().front());
  if (tau > q[last]) p = std::max(p, df_tau_probabilities().back());
  return p;
}

}  // namespace cbec
