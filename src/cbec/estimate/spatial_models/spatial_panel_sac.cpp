// The fixed-effects SAC (SARAR) spatial panel model by ML, as splm 1.6-5's spml(model = "within",
// lag = TRUE, spatial.error = "b") (spfeml, spsararlm; Lee and Yu 2010, J. Econometrics 154,
// section 3 and eq. 39), on a balanced panel with one W:
//   y_t = rho W y_t + X_t beta + alpha + u_t,  u_t = lambda W u_t + v_t,  v ~ N(0, sigma^2 I)
// with the effects removed by the within transformation Q and W applied to the demeaned variables
// (splm's lags). With A = I - rho W and B = I - lambda W, e = B (A Qy - QX beta) and
//   ln L = T ln|A| + T ln|B| - NT/2 (ln 2 pi + 1) - NT/2 ln(e'e / NT),
// concentrated in (rho, lambda): beta is the least-squares fit of B A Qy on B QX. For a given
// lambda the residual is c0 - rho c1 (c0, c1 the residuals of B Qy and B W Qy on B QX), so rho is
// searched on a closed-form sum of squares inside a search over lambda, each from the best point of
// a grid (spatial_ml_search.hpp: the profiles can have two peaks).
//
// Variance: the inverse of the information matrix of (beta, rho, lambda, sigma^2) (Lee and Yu 2010,
// eq. 39, as splm), with G = W A^-1, H = W B^-1, Gdot = B G B^-1, Xdot = B QX:
//   I_bb = Xdot'Xdot / s2, I_rb = (B G QX b)'Xdot / s2, I_rr = |B G QX b|^2 / s2 + T tr((Gdot' + Gdot) Gdot),
//   I_rl = T tr((H' + H) Gdot), I_rs = T tr(G) / s2, I_ll = T tr((H' + H) H), I_ls = T tr(H) / s2,
//   I_ss = NT / (2 s2^2); the traces from dense n x n inverses (n <= kExactTraceUnits).
// Lee-Yu correction (individual or time effects, as splm): sigma^2 x T/(T-1) (x n/(n-1)) and
// T - 1 (n - 1) in the information.
// splm's reported logLik for this model divides e'e by n instead of NT (sacsarpanel): it is
// cbec's log-likelihood - NT/2 ln T; the estimates are the same.
// Unbalanced panels: the likelihood with the effect dummies and each period's W_t
// (spatial_panel_effect_dummies.cpp).
#include <fmt/format.h>

#include <Eigen/LU>
#include <Eigen/QR>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"
#include "cbec/estimate/spatial_models/spatial_traces.hpp"

namespace cbec {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

struct Sac {
  Eigen::VectorXd qy, wqy, wwqy;   // Qy, W Qy, W W Qy
  Eigen::MatrixXd qx, wqx;         // QX, W QX
  const LogDeterminant& logdet;
  double nt = 0, tp = 0;

  // Given lambda, the residuals c0, c1 of B Qy and B W Qy on B QX: e(rho) = c0 - rho c1.
  struct Given {
    double lambda = 0, c00 = 0, c01 = 0, c11 = 0;
    Eigen::VectorXd b0, b1;        // the coefficients of B Qy and B W Qy on B QX
  };
  Given given(double lambda) const {
    Given g;
    g.lambda = lambda;
    const Eigen::MatrixXd bx = qx - lambda * wqx;
    const Eigen::VectorXd y0 = qy - lambda * wqy, y1 = wqy - lambda * wwqy;
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(bx);
    g.b0 = qr.solve(y0);
    g.b1 = qr.solve(y1);
    const Eigen::VectorXd c0 = y0 - bx * g.b0, c1 = y1 - bx * g.b1;
    g.c00 = c0.squaredNorm();
    g.c01 = c0.dot(c1);
    g.c11 = c1.squaredNorm();
    return g;
  }
  double loglik(const Given& g, double rho) const {
    const double rss = g.c00 - 2 * rho * g.c01 + rho * rho * g.c11;
    return tp * (logdet(rho) + logdet(g.lambda)) - nt / 2 * (std::log(kTwoPi) + 1 + std::log(rss / nt));
  }
  double best_rho(const Given& g, double lo, double hi) const {
    return detail::maximize_on_grid([&](double r) { return loglik(g, r); }, {lo, hi}, kSpatialPanelGridCells, detail::GridPlacement::Midpoints).first;
  }
};

}  // namespace

SpatialPanelResult spatial_panel_sac(const SpatialPanelData& d, const SpatialPanelOptions& o) {
  if (!d.balanced()) return spatial_panel_effect_dummies(d, o);
  if (o.lags == PanelLags::Within && absorbs_periods(o.effect))
    throw SpecError("model sac applies W to the demeaned variables (splm's lags): give lags = splm with time or two-way effects");
  if (o.lee_yu && (o.effect == SpatialPanelEffect::Twoways || o.effect == SpatialPanelEffect::Pooled))
    throw SpecError("lee_yu: for model sac the Lee-Yu correction is implemented for individual or time effects");
  const long n = static_cast<long>(d.n_units), k = d.X.cols();
  if (n > kExactTraceUnits) throw SpecError(fmt::format("model sac: the variance needs dense traces, up to {} units ({} here)", kExactTraceUnits, n));
  if (k == 0) throw SpecError("the spatial panel model needs at least one regressor");
  const bool has_intercept = !d.x_names.empty() && d.x_names[0] == "(Intercept)";
  if (has_intercept && o.effect != SpatialPanelEffect::Pooled) throw SpecError("fixed effects absorb the intercept: drop it from the regressors");
  if (d.y.size() <= k + 2) throw DataError(fmt::format("{} observations are too few for {} regressors", d.y.size(), k));

  const LogDeterminant logdet(d.weights[0], o.log_det);
  Sac p{{}, {}, {}, {}, {}, logdet, static_cast<double>(d.y.size()), static_cast<double>(d.n_periods)};
  {
    Eigen::MatrixXd m(d.y.size(), 1 + k);
    m << d.y, d.X;
    const Eigen::MatrixXd q = panel_within(d, o.effect, m);
    p.qy = q.col(0);
    p.qx = q.rightCols(k);
    const Eigen::MatrixXd wq = panel_spatial_lag(d, q);
    p.wqy = wq.col(0);
    p.wqx = wq.rightCols(k);
    p.wwqy = panel_spatial_lag(d, p.wqy);
  }
  refuse_constant_response(p.qy, d.y, d.depvar, o.effect);
  refuse_dependent_regressors(p.qx, d.X, d.x_names, o.effect);

  const auto iv = logdet.rho_interval();
  const std::pair<double, double> interior = search_interior(iv);
  const double lo = interior.first, hi = interior.second;
  auto profile = [&](double lambda) {
    const Sac::Given g = p.given(lambda);
    return p.loglik(g, p.best_rho(g, lo, hi));
  };
  const double lambda = detail::maximize_on_grid(profile, {lo, hi}, kSpatialPanelGridCells, detail::GridPlacement::Midpoints, true, 2).first;
  const Sac::Given g = p.given(lambda);
  const double rho = p.best_rho(g, lo, hi);
  const Eigen::VectorXd beta = g.b0 - rho * g.b1;
  const double rss = g.c00 - 2 * rho * g.c01 + rho * rho * g.c11;
  double s2 = rss / p.nt;

  SpatialPanelResult r;
  r.model = "sac";
  r.effect = spatial_panel_effect_name(o.effect);
  r.spatial = rho;
  r.spatial_error = lambda;
  r.loglik = r.loglik_concentrated = p.loglik(g, rho);
  r.rss = rss;
  r.interval = iv;
  r.balanced = true;
  r.lee_yu = o.lee_yu;
  r.lags = "splm: W applied to the demeaned variables";
  r.log_det = log_det_method_name(logdet.method());
  r.traces = "exact";
  r.n_units = d.n_units;
  r.n_periods = d.n_periods;

  // Lee and Yu (2010) as splm: sigma^2 rescaled, T - 1 or n - 1 in the information.
  double t_eff = p.tp, nt_eff = p.nt;
  if (o.lee_yu && o.effect == SpatialPanelEffect::Individual) {
    s2 *= p.tp / (p.tp - 1);
    t_eff = p.tp - 1;
    nt_eff = static_cast<double>(n) * t_eff;
  } else if (o.lee_yu && o.effect == SpatialPanelEffect::Time) {
    s2 *= static_cast<double>(n) / static_cast<double>(n - 1);
    nt_eff = static_cast<double>(n - 1) * p.tp;
  }
  r.sigma2 = s2;

  // Information (Lee and Yu 2010, eq. 39), order (beta, rho, lambda, sigma^2).
  const Eigen::MatrixXd w = Eigen::MatrixXd(d.weights[0]);
  const Eigen::MatrixXd id = Eigen::MatrixXd::Identity(n, n);
  const Eigen::MatrixXd a = id - rho * w, b = id - lambda * w;
  const Eigen::MatrixXd gm = w * a.inverse(), hm = w * b.inverse();
  const Eigen::MatrixXd gdot = b * gm * b.inverse();
  const Eigen::MatrixXd xdot = p.qx - lambda * p.wqx;
  // B G QX_t beta per period (= Gdot Xdot_t beta)
  const Eigen::MatrixXd bg = b * gm;
  const Eigen::VectorXd xb = p.qx * beta;
  Eigen::VectorXd gxb(xb.size());
  for (size_t t = 0; t < d.n_periods; ++t) {
    const auto& rows = d.period_rows[t];
    Eigen::VectorXd vt(n);
    for (long i = 0; i < n; ++i) vt[i] = xb[rows[static_cast<size_t>(i)]];
    const Eigen::VectorXd ut = bg * vt;
    for (long i = 0; i < n; ++i) gxb[rows[static_cast<size_t>(i)]] = ut[i];
  }
  const Eigen::MatrixXd gs = gdot.transpose() + gdot, hs = hm.transpose() + hm;
  Eigen::MatrixXd info = Eigen::MatrixXd::Zero(k + 3, k + 3);
  info.topLeftCorner(k, k) = xdot.transpose() * xdot / s2;
  const Eigen::VectorXd bela = xdot.transpose() * gxb / s2;
  info.block(0, k, k, 1) = bela;
  info.block(k, 0, 1, k) = bela.transpose();
  info(k, k) = gxb.squaredNorm() / s2 + t_eff * (gs * gdot).trace();
  info(k, k + 1) = info(k + 1, k) = t_eff * (hs * gdot).trace();
  info(k, k + 2) = info(k + 2, k) = t_eff * gm.trace() / s2;
  info(k + 1, k + 1) = t_eff * (hs * hm).trace();
  info(k + 1, k + 2) = info(k + 2, k + 1) = t_eff * hm.trace() / s2;
  info(k + 2, k + 2) = nt_eff / (2 * s2 * s2);
  const Eigen::MatrixXd inv = info.inverse();

  RegressionResult& reg = r.reg;
  reg.estimator = "spatial_panel_sac";
  reg.depvar = d.depvar;
  reg.terms = {"rho", "lambda"};
  reg.terms.insert(reg.terms.end(), d.x_names.begin(), d.x_names.end());
  reg.coef.resize(k + 2);
  reg.coef << rho, lambda, beta;
  // reorder (beta, rho, lambda) to (rho, lambda, beta)
  std::vector<long> idx{k, k + 1};
  for (long j = 0; j < k; ++j) idx.push_back(j);
  reg.vcov.resize(k + 2, k + 2);
  for (long i = 0; i < k + 2; ++i)
    for (long j = 0; j < k + 2; ++j) reg.vcov(i, j) = inv(idx[static_cast<size_t>(i)], idx[static_cast<size_t>(j)]);
  reg.vcov_info.type = "ml";
  reg.vcov_info.df = std::numeric_limits<double>::infinity();
  reg.vcov_info.small_sample = "none: inverse of the information matrix, z tests";
  reg.nobs = d.y.size();
  reg.df_resid = p.nt - static_cast<double>(k) - 2;
  reg.fit["sigma2"] = s2;
  reg.fit["loglik"] = r.loglik;
  reg.fit["rss"] = rss;
  reg.fixed_effects = absorbed_dimensions(d, o.effect);
  warn_at_bound({rho, lambda}, iv, reg.warnings);
  return r;
}

}  // namespace cbec
