#include "cbec/estimate/ts/westerlund.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"
#include "cbec/estimate/ts/westerlund_moments.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

// The ECM of one unit on rows t = first..last (0-based periods): response dy_t, regressors
// [y_{t-1}, d_t, x_{t-1}, dy_{t-1..t-p}, dx_{t+q..t-p}].
struct EcmDesign {
  Eigen::VectorXd dy;
  Eigen::MatrixXd X;
  long gamma_col = 0;   // first column of the dx_{t-j} block
};

EcmDesign ecm_design(const Eigen::VectorXd& y, const Eigen::MatrixXd& x, Deterministic det, int p, int q, long first, long last) {
  const long n = last - first + 1, k = x.cols(), nd = deterministic_count(det);
  EcmDesign a;
  a.dy.resize(n);
  a.X.resize(n, 1 + nd + k + p + (p + q + 1) * k);
  a.gamma_col = 1 + nd + k + p;
  for (long r = 0; r < n; ++r) {
    const long t = first + r;
    a.dy[r] = y[t] - y[t - 1];
    long c = 0;
    a.X(r, c++) = y[t - 1];
    if (det != Deterministic::None) a.X(r, c++) = 1;
    if (det == Deterministic::Trend) a.X(r, c++) = static_cast<double>(t + 1);
    for (long j = 0; j < k; ++j) a.X(r, c++) = x(t - 1, j);
    for (int j = 1; j <= p; ++j) a.X(r, c++) = y[t - j] - y[t - j - 1];
    for (int j = -q; j <= p; ++j)
      for (long m = 0; m < k; ++m) a.X(r, c++) = x(t - j, m) - x(t - j - 1, m);
  }
  return a;
}

// Rows a unit with p lags and q leads can use: t = p + 1 .. T - 1 - q.
EcmDesign unit_design(const Eigen::VectorXd& y, const Eigen::MatrixXd& x, Deterministic det, int p, int q) {
  return ecm_design(y, x, det, p, q, p + 1, y.size() - 1 - q);
}

std::pair<int, int> choose(const Eigen::VectorXd& y, const Eigen::MatrixXd& x, Deterministic det, const EcmLagChoice& c) {
  if (c.rule == "fixed") return {c.lags, c.leads};
  // the common rows of every candidate
  const long first = c.max_lags + 1, last = y.size() - 1 - c.max_leads;
  std::pair<int, int> best{0, 0};
  double best_ic = std::numeric_limits<double>::infinity();
  for (int p = 0; p <= c.max_lags; ++p)
    for (int q = 0; q <= c.max_leads; ++q) {
      const EcmDesign a = ecm_design(y, x, det, p, q, first, last);
      if (a.dy.size() <= a.X.cols() + 2) continue;  // the rule fit_unit holds the chosen ECM to
      const TsOls f = ts_ols(a.X, a.dy);
      const double n = static_cast<double>(f.n), K = static_cast<double>(f.k);
      const double ic = std::log(f.rss / n) + (c.rule == "aic" ? 2 * K / n : K * std::log(n) / n);
      if (ic < best_ic) {
        best_ic = ic;
        best = {p, q};
      }
    }
  return best;
}

struct UnitFit {
  WesterlundUnit out;
  double sigma = 0, yy = 0, ydy = 0;   // s_i, sum y~^2, sum y~ dy~
};

UnitFit fit_unit(const Eigen::VectorXd& y, const Eigen::MatrixXd& x, Deterministic det, int p, int q, const LongRunSpec& s) {
  const EcmDesign a = unit_design(y, x, det, p, q);
  if (a.dy.size() <= a.X.cols() + 2)
    throw DataError(fmt::format("Westerlund's ECM with {} lags and {} leads has {} regressors and only {} rows: use fewer lags or leads", p, q, a.X.cols(), a.dy.size()));
  const TsOls f = ts_ols(a.X, a.dy);
  UnitFit u;
  u.out.alpha = f.coef[0];
  u.out.se = f.se[0];
  u.out.lags = p;
  u.out.leads = q;
  u.sigma = std::sqrt(f.sigma2);
  // a_i(1) = w_u / w_y
  const long gk = a.X.cols() - a.gamma_col;
  const Eigen::VectorXd uu = a.X.rightCols(gk) * f.coef.tail(gk) + f.resid;
  const long T = y.size();
  const Eigen::VectorXd dy = y.tail(T - 1) - y.head(T - 1);
  const Eigen::VectorXd dyd = det == Deterministic::None ? dy : Eigen::VectorXd(dy.array() - dy.mean());
  const double wu = long_run_covariance(Eigen::MatrixXd(uu), s).omega(0, 0), wy = long_run_covariance(Eigen::MatrixXd(dyd), s).omega(0, 0);
  u.out.alpha1 = std::sqrt(wu / wy);
  // y~_{t-1} and dy~_t: the other regressors partialled out
  const Eigen::MatrixXd W = a.X.rightCols(a.X.cols() - 1);
  const Eigen::VectorXd yt = ts_ols(W, a.X.col(0)).resid, dyt = ts_ols(W, a.dy).resid;
  u.yy = yt.squaredNorm();
  u.ydy = yt.dot(dyt);
  return u;
}

struct Raw {
  std::vector<UnitFit> fits;
  std::array<double, 4> stat{};   // Gt, Ga, Pt, Pa
};

Raw raw_statistics(const CointegrationData& d, const std::vector<std::pair<int, int>>& pq, const LongRunSpec& s) {
  const size_t N = d.n_units();
  const double Nd = static_cast<double>(N), T = static_cast<double>(d.yi[0].size());
  Raw r;
  double gt = 0, ga = 0, num = 0, den = 0, sn = 0;
  for (size_t i = 0; i < N; ++i) {
    UnitFit u = fit_unit(d.yi[i], d.xi[i], d.deterministic(), pq[i].first, pq[i].second, s);
    u.out.unit = d.units[i];
    gt += u.out.alpha / u.out.se / Nd;
    ga += T * u.out.alpha / u.out.alpha1 / Nd;
    num += u.ydy / u.out.alpha1;
    den += u.yy;
    sn += u.sigma / u.out.alpha1 / Nd;
    r.fits.push_back(std::move(u));
  }
  const double a = num / den;
  r.stat = {gt, ga, a / (sn / std::sqrt(den)), T * a};
  return r;
}

void check(const CointegrationData& d) {
  if (!d.balanced())
    throw DataError("Westerlund's tests need a balanced panel (every unit over the same periods): restrict the sample to common periods");
  if (d.n_units() < 2) throw DataError("Westerlund's tests need at least two units");
}

}  // namespace

std::vector<double> westerlund_raw(const CointegrationData& d, const std::vector<std::pair<int, int>>& lags_leads, const LongRunSpec& s) {
  const Raw r = raw_statistics(d, lags_leads, s);
  return {r.stat.begin(), r.stat.end()};
}

WesterlundResult westerlund_test(const CointegrationData& d, const EcmLagChoice& c, const LongRunSpec& s) {
  check(d);
  const int k = static_cast<int>(d.x.size());
  const WesterlundMoments m = westerlund_moments(k, d.deterministic());
  std::vector<std::pair<int, int>> pq;
  for (size_t i = 0; i < d.n_units(); ++i) pq.push_back(choose(d.yi[i], d.xi[i], d.deterministic(), c));
  const Raw r = raw_statistics(d, pq, s);
  WesterlundResult out;
  out.periods = static_cast<size_t>(d.yi[0].size());
  out.regressors = k;
  out.trend = d.trend;
  out.intercept = d.intercept;
  for (const auto& u : r.fits) out.units.push_back(u.out);
  const double rN = std::sqrt(static_cast<double>(d.n_units()));
  const char* names[4] = {"Gt", "Ga", "Pt", "Pa"};
  for (size_t j = 0; j < 4; ++j) {
    WesterlundStatistic st;
    st.name = names[j];
    st.raw = r.stat[j];
    // Pt grows with sqrt(N); the others are averages (Westerlund 2007, sec. 4.2)
    const double centred = j == 2 ? r.stat[j] - rN * m.mean[j] : rN * (r.stat[j] - m.mean[j]);
    st.stat = centred / std::sqrt(m.variance[j]);
    st.p_value = p_normal_upper(-st.stat);   // left tail
    out.statistics.push_back(st);
  }
  return out;
}

}  // namespace cbec
