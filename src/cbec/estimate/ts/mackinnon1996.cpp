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
// Phi's argument is bounded to [-16, 16].
// This is the procedure of MacKinnon's urcdist (urcrouts.f, routine fpval), which R's
// urca::punitroot and plm's purtest(p.approx = "MacKinnon1996") call; the surfaces q(p_j) are not
// MacKinnon's but cbec's own simulation of his design (df_tau_surfaces.hpp, tools/df_tau_surfaces).
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
constexpr double normal_bound = 16.0;   // urcdist evaluates Phi within [-16, 16]: p >= Phi(-16) = 6.4e-58

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

}  // namespace

double mackinnon1996_p(double tau, Deterministic d, size_t nobs) {
  if (std::isnan(tau)) return std::numeric_limits<double>::quiet_NaN();
  const DfTauSurface& tab = table_for(d);
  Eigen::VectorXd q(n_quantiles);
  for (long j = 0; j < n_quantiles; ++j) q[j] = quantile_at(tab.rows[static_cast<size_t>(j)], tab.model, nobs);
  long nearest = 0;
  for (long j = 1; j < n_quantiles; ++j)
    if (std::abs(tau - q[j]) < std::abs(tau - q[nearest])) nearest = j;

  // the quantiles used, and whether Omega is the identity
  std::vector<long> used;
  bool identity = false;
  if (nearest >= half_window && nearest < n_quantiles - half_window - 1) {
    for (long j = nearest - half_window; j <= nearest + half_window; ++j) used.push_back(j);
  } else if (nearest < half_window) {
    for (long j = 0; j < std::max(nearest + 1 + half_window, 5L); ++j) used.push_back(j);
  } else {
    identity = true;
    for (long j = n_quantiles - std::max(n_quantiles - nearest + half_window, 5L); j < n_quantiles; ++j) used.push_back(j);
  }
  const auto n = static_cast<long>(used.size());
  Eigen::MatrixXd X(n, 4), omega = Eigen::MatrixXd::Identity(n, n);
  Eigen::VectorXd y(n);
  for (long i = 0; i < n; ++i) {
    const auto j = static_cast<size_t>(used[static_cast<size_t>(i)]);
    y[i] = df_tau_probits()[j];
    X.row(i) << 1.0, q[static_cast<long>(j)], q[static_cast<long>(j)] * q[static_cast<long>(j)], q[static_cast<long>(j)] * q[static_cast<long>(j)] * q[static_cast<long>(j)];
    if (identity) continue;
    for (long k = 0; k < n; ++k) {
      const auto l = static_cast<size_t>(used[static_cast<size_t>(k)]);
      const double lo = df_tau_probabilities()[std::min(j, l)], hi = df_tau_probabilities()[std::max(j, l)];
      omega(i, k) = tab.rows[j][4] * tab.rows[l][4] * std::sqrt(lo * (1 - hi) / (hi * (1 - lo)));
    }
  }
  GlsFit fit = gls(X, y, omega);
  if (fit.t_last <= cubic_t_min) fit = gls(X.leftCols(3), y, omega);
  double z = 0;
  for (long k = fit.g.size() - 1; k >= 0; --k) z = z * tau + fit.g[k];
  z = std::clamp(z, -normal_bound, normal_bound);
  double p = p_normal_upper(-z);   // Phi(z)
  if (nearest == 0) p = std::min(p, df_tau_probabilities().front());
  if (nearest == n_quantiles - 1) p = std::max(p, df_tau_probabilities().back());
  return p;
}

}  // namespace cbec
