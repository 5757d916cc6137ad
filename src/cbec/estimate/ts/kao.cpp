#include "cbec/estimate/ts/kao.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <cmath>
#include <tuple>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/fm_pieces.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

// t statistic of the first coefficient of the pooled regression of y on X (no constant), s^2 = rss / rows.
std::pair<double, double> first_coef_t(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  const Eigen::LDLT<Eigen::MatrixXd> f(X.transpose() * X);
  const Eigen::VectorXd b = f.solve(X.transpose() * y);
  const double s2 = (y - X * b).squaredNorm() / static_cast<double>(y.size());
  const Eigen::MatrixXd inv = f.solve(Eigen::MatrixXd::Identity(X.cols(), X.cols()));
  return {b[0], (b[0] - 1) / std::sqrt(s2 * inv(0, 0))};
}

}  // namespace

KaoResult kao_test(const CointegrationData& d, int lags, const LongRunSpec& s) {
  if (d.trend) throw SpecError("Kao's test has unit intercepts only; it takes no trend");
  if (!d.intercept) throw SpecError("Kao's (1999) statistics are derived for unit intercepts; they take no no_intercept case");
  if (!d.balanced()) throw DataError("Kao's test needs a balanced panel (every unit over the same periods)");
  const size_t N = d.n_units();
  const long T = d.yi[0].size(), k = static_cast<long>(d.x.size());
  if (N < 2) throw DataError("Kao's test needs at least two units");
  if (T - 1 - lags < 3) throw DataError(fmt::format("Kao's ADF with {} lags needs more than {} periods", lags, T));
  // Within regression.
  std::vector<Eigen::MatrixXd> Xt(N);
  std::vector<Eigen::VectorXd> yt(N);
  Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(k, k);
  Eigen::VectorXd r = Eigen::VectorXd::Zero(k);
  for (size_t i = 0; i < N; ++i) {
    Xt[i] = d.xi[i].rowwise() - d.xi[i].colwise().mean();
    yt[i] = d.yi[i].array() - d.yi[i].mean();
    Q += Xt[i].transpose() * Xt[i];
    r += Xt[i].transpose() * yt[i];
  }
  const Eigen::VectorXd b = Q.ldlt().solve(r);
  KaoResult out;
  out.lags = lags;
  out.units = N;
  out.periods = static_cast<size_t>(T);
  const double Nd = static_cast<double>(N);
  // DF and ADF regressions, pooled; covariances of (e, dx) averaged over units.
  const long n1 = T - 1, n2 = T - 1 - lags;
  Eigen::MatrixXd Xdf(static_cast<long>(N) * n1, 1), Xadf(static_cast<long>(N) * n2, 1 + lags);
  Eigen::VectorXd ydf(Xdf.rows()), yadf(Xadf.rows());
  Eigen::MatrixXd S = Eigen::MatrixXd::Zero(k + 1, k + 1), W = S;
  for (size_t i = 0; i < N; ++i) {
    const Eigen::VectorXd e = yt[i] - Xt[i] * b;
    const long a = static_cast<long>(i);
    Xdf.block(a * n1, 0, n1, 1) = e.head(n1);
    ydf.segment(a * n1, n1) = e.tail(n1);
    const Eigen::VectorXd de = e.tail(n1) - e.head(n1);   // de_t, t = 2..T (index t-2)
    // ADF rows t = lags + 2..T (0-based t = lags + 1..T - 1)
    Xadf.block(a * n2, 0, n2, 1) = e.segment(lags, n2);
    for (int j = 1; j <= lags; ++j) Xadf.block(a * n2, j, n2, 1) = de.segment(lags - j, n2);
    yadf.segment(a * n2, n2) = e.tail(n2);
    // w_it = (u_it, eps_it) = (dy_it, dx_it), the innovations of y and x (Kao 1999, eq. 2), demeaned per unit.
    Eigen::MatrixXd U(n1, k + 1);
    U << d.yi[i].tail(n1) - d.yi[i].head(n1), d.xi[i].bottomRows(n1) - d.xi[i].topRows(n1);
    U = U.rowwise() - U.colwise().mean();
    const LongRunCovariance l = long_run_covariance(U, s);
    S += l.sigma / Nd;
    W += l.omega / Nd;
    out.bandwidth += l.bandwidth / Nd;
  }
  std::tie(out.rho, out.t_rho) = first_coef_t(Xdf, ydf);
  out.t_adf = first_coef_t(Xadf, yadf).second;
  out.sigma2_v = fm_correction(S, S).omega_12;
  out.sigma2_0v = fm_correction(W, W).omega_12;
  const double sv2 = out.sigma2_v, s0v2 = out.sigma2_0v, sv = std::sqrt(sv2), s0v = std::sqrt(s0v2), rN = std::sqrt(Nd);
  const double Tr = static_cast<double>(T) * (out.rho - 1);
  auto star_t = [&](double t) { return (t + std::sqrt(6 * Nd) * sv / (2 * s0v)) / std::sqrt(s0v2 / (2 * sv2) + 3 * sv2 / (10 * s0v2)); };
  const std::vector<std::pair<std::string, double>> stats = {
      {"DF_rho", (rN * Tr + 3 * rN) / std::sqrt(10.2)},
      {"DF_t", std::sqrt(1.25) * out.t_rho + std::sqrt(1.875 * Nd)},
      {"DF*_rho", (rN * Tr + 3 * rN * sv2 / s0v2) / std::sqrt(3 + 36 * sv2 * sv2 / (5 * s0v2 * s0v2))},
      {"DF*_t", star_t(out.t_rho)},
      {"ADF", star_t(out.t_adf)}};
  for (const auto& [name, v] : stats) out.statistics.push_back({name, v, p_normal_upper(-v)});
  return out;
}

}  // namespace cbec
