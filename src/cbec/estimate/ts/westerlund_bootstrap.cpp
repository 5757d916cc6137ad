#include "cbec/estimate/ts/westerlund_bootstrap.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

// The H0 regression of one unit (step 1): coefficients of dy lags and dx leads/lags, and the
// residuals e_t of rows t = p + 1 .. T - 1 - q.
struct NullFit {
  Eigen::VectorXd a;        // dy_{t-1..t-p}
  Eigen::MatrixXd g;        // row j + q: dx_{t-j}', j = -q..p
  Eigen::VectorXd e;        // residuals, indexed by t - first
  long first = 0;
  int p = 0, q = 0;
};

NullFit null_fit(const Eigen::VectorXd& y, const Eigen::MatrixXd& x, Deterministic det, int p, int q) {
  const long T = y.size(), k = x.cols(), first = p + 1, n = T - 1 - q - first + 1, nd = deterministic_count(det);
  Eigen::MatrixXd X(n, nd + p + (p + q + 1) * k);
  Eigen::VectorXd dy(n);
  for (long r = 0; r < n; ++r) {
    const long t = first + r;
    dy[r] = y[t] - y[t - 1];
    long c = 0;
    if (det != Deterministic::None) X(r, c++) = 1;
    if (det == Deterministic::Trend) X(r, c++) = static_cast<double>(t + 1);
    for (int j = 1; j <= p; ++j) X(r, c++) = y[t - j] - y[t - j - 1];
    for (int j = -q; j <= p; ++j)
      for (long m = 0; m < k; ++m) X(r, c++) = x(t - j, m) - x(t - j - 1, m);
  }
  const TsOls f = ts_ols(X, dy);
  NullFit out;
  out.a = f.coef.segment(nd, p);
  out.g = Eigen::Map<const Eigen::MatrixXd>(f.coef.tail((p + q + 1) * k).data(), k, p + q + 1).transpose();
  out.e = f.resid;
  out.first = first;
  out.p = p;
  out.q = q;
  return out;
}

}  // namespace

void westerlund_bootstrap(const CointegrationData& d, WesterlundResult& r, const LongRunSpec& s, int draws, uint64_t seed, int threads) {
  if (draws < 1) throw SpecError("bootstrap: give a positive number of draws, e.g. 999");
  const size_t N = d.n_units();
  const long T = d.yi[0].size(), k = static_cast<long>(d.x.size());
  std::vector<std::pair<int, int>> pq;
  std::vector<NullFit> fits;
  long lo = 1, hi = T - 1;   // periods t every unit's residual covers
  for (size_t i = 0; i < N; ++i) {
    pq.emplace_back(r.units[i].lags, r.units[i].leads);
    fits.push_back(null_fit(d.yi[i], d.xi[i], d.deterministic(), r.units[i].lags, r.units[i].leads));
    lo = std::max(lo, fits.back().first);
    hi = std::min(hi, T - 1 - r.units[i].leads);
  }
  const long m = hi - lo + 1;
  if (m < 5) throw DataError(fmt::format("the bootstrap has only {} common periods to resample: use fewer lags or leads", m));
  // step 2: the centred w_t of the common periods
  std::vector<Eigen::VectorXd> e(N);
  std::vector<Eigen::MatrixXd> dx(N);
  for (size_t i = 0; i < N; ++i) {
    e[i] = fits[i].e.segment(lo - fits[i].first, m);
    e[i].array() -= e[i].mean();
    dx[i] = (d.xi[i].middleRows(lo, m) - d.xi[i].middleRows(lo - 1, m)).eval();
    dx[i] = dx[i].rowwise() - dx[i].colwise().mean();
  }
  const auto boot = replicate(static_cast<size_t>(draws), seed, [&](size_t, Rng& rng) {
    std::vector<long> pick(static_cast<size_t>(T));
    for (long t = 1; t < T; ++t) pick[static_cast<size_t>(t)] = static_cast<long>(uniform01(rng) * static_cast<double>(m));
    CointegrationData b = d;
    for (size_t i = 0; i < N; ++i) {
      const NullFit& f = fits[i];
      Eigen::MatrixXd dxs = Eigen::MatrixXd::Zero(T, k);   // row t: dx*_t (row 0 unused)
      Eigen::VectorXd dys = Eigen::VectorXd::Zero(T);
      for (long t = 1; t < T; ++t) dxs.row(t) = dx[i].row(pick[static_cast<size_t>(t)]);
      for (long t = 1; t < T; ++t) {
        double v = e[i][pick[static_cast<size_t>(t)]];
        for (int j = 1; j <= f.p && t - j >= 1; ++j) v += f.a[j - 1] * dys[t - j];
        for (int j = -f.q; j <= f.p; ++j)
          if (t - j >= 1 && t - j < T) v += f.g.row(j + f.q).dot(dxs.row(t - j));
        dys[t] = v;
      }
      b.yi[i][0] = 0;
      b.xi[i].row(0).setZero();
      for (long t = 1; t < T; ++t) {
        b.yi[i][t] = b.yi[i][t - 1] + dys[t];
        b.xi[i].row(t) = b.xi[i].row(t - 1) + dxs.row(t);
      }
    }
    return westerlund_raw(b, pq, s);
  }, threads);
  for (size_t j = 0; j < 4; ++j) {
    const double obs = r.statistics[j].raw;
    const auto below = std::count_if(boot.begin(), boot.end(), [&](const std::vector<double>& v) { return v[j] <= obs; });
    r.statistics[j].boot_p_value = static_cast<double>(below) / static_cast<double>(draws);
  }
  r.bootstrap = draws;
}

}  // namespace cbec
