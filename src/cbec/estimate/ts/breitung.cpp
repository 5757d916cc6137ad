// Breitung's (2000) unit-root test and Breitung and Das's (2005) robust variant (declared in
// panel_unitroot.hpp). For each unit of a balanced panel with p lags (given, or chosen per unit as
// the ADF tests choose them), on t = p + 2..T:
//   psi          the coefficients of dy_t on dy_t-1..dy_t-p (and, with a trend, a constant: the
//                trend's difference), the serial correlation under H0 (Breitung-Das 2005 sec. 2);
//   e_t, v_t-1   the prewhitened difference and level, psi(L) applied to both:
//                e_t = dy_t - sum_j psi_j dy_t-j, v_t-1 = y_t-1 - sum_j psi_j y_t-1-j (so that
//                v_t - v_t-1 = e_t and a unit's level, or with a trend its line, passes to the
//                deterministic terms removed below), both divided by s, the residual SD of the unit's
//                ADF regression with the test's deterministic terms (rss / rows, LLC's sigma_i);
//   none:     e*_t = e_t, v*_t-1 = v_t-1;  constant: e*_t = e_t, v*_t-1 = v_t-1 - v_0 (the first lagged
//             level; Breitung 2000 sec. 2);
//   trend:    e*_t = sqrt(m_t / (m_t + 1)) (e_t - (e_t+1 + ... + e_n) / m_t), m_t the rows after t
//             (forward orthogonal deviations, removing the drift; the last row dropped),
//             v*_t-1 = v_t-1 - v_0 - (j / (n + 1)) (e_0 + ... + e_n), j = 0..n-1 the row, n + 1 the rows
//             before dropping the last (the level less its trend through the first and last values,
//             Breitung 2000 sec. 3: y_t - y_0 - (t / T)(y_T - y_0) in prewhitened differences);
//   lambda = sum_i sum_t e*_t v*_t-1 / sqrt(sum_i sum_t v*_t-1^2) ~ N(0, 1) under H0, left tail.
// Robust (Breitung and Das 2005, eq. 9-10): rho = sum e* v* / sum v*^2, with the N-vectors of each row
// t_rob = rho / sqrt(sum_t v*_t' Omega v*_t / (sum_t v*_t' v*_t)^2), Omega = (1/n) sum_t u_t u_t',
// u_t = e*_t - rho v*_t-1: robust to cross-sectional dependence, N(0, 1) as T grows (N fixed or large).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/panel_unitroot.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

// The transformed pair (e*, v*) of one unit with p lags.
std::pair<Eigen::VectorXd, Eigen::VectorXd> transformed(const Eigen::VectorXd& y, int p, Deterministic d) {
  const AdfDesign a = adf_design(y, Deterministic::None, p, p + 1);
  Eigen::VectorXd e = a.dy, v = a.X.col(0);
  if (p > 0) {
    Eigen::MatrixXd L(e.size(), p + (d == Deterministic::Trend ? 1 : 0));
    L.leftCols(p) = a.X.rightCols(p);
    if (d == Deterministic::Trend) L.col(p).setOnes();
    const Eigen::VectorXd psi = ts_ols(L, e, false).coef.head(p);
    e -= a.X.rightCols(p) * psi;
    for (long r = 0; r < v.size(); ++r)   // row r holds y_{t-1} with t = p + 1 + r (0-based)
      for (int j = 1; j <= p; ++j) v[r] -= psi[j - 1] * y[p + r - j];
  }
  const AdfDesign full = adf_design(y, d, p, p + 1);
  const double s = std::sqrt(ts_ols(full.X, full.dy, false).rss / static_cast<double>(e.size()));
  e /= s;
  v /= s;
  if (d != Deterministic::Trend) return {e, d == Deterministic::None ? v : Eigen::VectorXd(v.array() - v[0])};
  const long n = e.size() - 1;   // rows with a future
  Eigen::VectorXd es(n), vs(n);
  double tail = e.tail(n).sum();   // e_{t+1} + ... + e_last for t = 0
  const double total = e.sum();     // y_T - y_0 in prewhitened differences
  for (long t = 0; t < n; ++t) {
    const double m = static_cast<double>(n - t);
    es[t] = std::sqrt(m / (m + 1)) * (e[t] - tail / m);
    tail -= e[t + 1];
    vs[t] = v[t] - v[0] - static_cast<double>(t) / static_cast<double>(n + 1) * total;
  }
  return {es, vs};
}

}  // namespace

PanelUnitRootResult breitung_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  if (!s.balanced()) throw DataError("the Breitung test needs a balanced panel: every unit observed over the same periods");
  const size_t N = s.y.size();
  std::vector<int> lags(N);
  for (size_t i = 0; i < N; ++i) lags[i] = s.for_unit(i, [&] { return select_adf_lags(s.y[i], spec.deterministic, spec.lags, spec.dfcor); });
  // a common sample: every unit from the largest lag order on
  const int p = *std::max_element(lags.begin(), lags.end());
  const long T = s.y.front().size();
  if (T - p - 2 < 4) throw DataError(fmt::format("the Breitung test with {} lags needs more than {} periods", p, T));
  std::vector<Eigen::VectorXd> E(N), V(N);
  double num = 0, den = 0;
  for (size_t i = 0; i < N; ++i) {
    // unit i's own lags, trimmed to the common rows
    auto [e, v] = transformed(s.y[i].tail(T - (p - lags[i])), lags[i], spec.deterministic);
    E[i] = e;
    V[i] = v;
    num += e.dot(v);
    den += v.squaredNorm();
  }
  PanelUnitRootResult r;
  r.test = "breitung";
  r.variable = s.variable;
  r.deterministic = spec.deterministic;
  r.n_units = N;
  r.h0 = "all series have a unit root";
  r.mean_T = static_cast<double>(T);
  double lag_sum = 0;
  for (int l : lags) lag_sum += l;
  r.mean_lags = lag_sum / static_cast<double>(N);
  const double lambda = num / std::sqrt(den);
  r.stats.push_back({"lambda", lambda, p_normal_upper(-lambda), "N(0,1)"});
  // Breitung-Das: the rows as N-vectors
  const long n = E[0].size();
  const double rho = num / den;
  Eigen::MatrixXd U(n, static_cast<long>(N)), Vm(n, static_cast<long>(N));
  for (size_t i = 0; i < N; ++i) {
    U.col(static_cast<long>(i)) = E[i] - rho * V[i];
    Vm.col(static_cast<long>(i)) = V[i];
  }
  const Eigen::MatrixXd Omega = U.transpose() * U / static_cast<double>(n);
  double q = 0, vv = 0;
  for (long t = 0; t < n; ++t) {
    q += Vm.row(t) * Omega * Vm.row(t).transpose();
    vv += Vm.row(t).squaredNorm();
  }
  const double t_rob = rho / std::sqrt(q / (vv * vv));
  r.stats.push_back({"t_robust", t_rob, p_normal_upper(-t_rob), "N(0,1), cross-section robust"});
  r.notes.push_back(fmt::format("common sample of {} periods after the largest lag order {}", T - p, p));
  return r;
}

}  // namespace cbec
