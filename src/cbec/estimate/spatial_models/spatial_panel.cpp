#include "cbec/estimate/spatial_models/spatial_panel.hpp"

#include <fmt/format.h>

#include <Eigen/LU>
#include <Eigen/QR>
#include <boost/math/tools/roots.hpp>

#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/spatial_models/durbin_terms.hpp"
#include "cbec/estimate/spatial_models/panel_jacobian.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_re.hpp"
#include "cbec/estimate/spatial_models/spatial_traces.hpp"

namespace cbec {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

// Per observation, G_t v_t, G_t = W_t (I - rho W_t)^-1.
Eigen::VectorXd g_times(const SpatialPanelData& d, const std::deque<SpatialInverse>& inv, const Eigen::VectorXd& v) {
  Eigen::VectorXd out(v.size());
  for (size_t t = 0; t < d.n_periods; ++t) {
    const auto& rows = d.period_rows[t];
    Eigen::VectorXd vt(static_cast<long>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) vt[static_cast<long>(i)] = v[rows[i]];
    const Eigen::VectorXd gt = inv[d.period_weights[t]].g(vt);
    for (size_t i = 0; i < rows.size(); ++i) out[rows[i]] = gt[static_cast<long>(i)];
  }
  return out;
}

struct Fit {
  double spatial = 0, sigma2 = 0, rss = 0;
  Eigen::VectorXd beta, resid;
};

struct Problem {
  const SpatialPanelData& d;
  const SpatialPanelOptions& o;
  Eigen::VectorXd qy, qwy;            // Qy and the lag of y (Q(Wy) or W(Qy))
  Eigen::MatrixXd qx, qwx;            // QX and, for SEM, the lag of X
  PanelJacobian jacobian;
  double n_obs = 0;
  // SAR: residuals of Qy and of the lag on QX
  Eigen::VectorXd b0, b1, e0, e1;

  Fit fit(double r) const {
    Fit f;
    f.spatial = r;
    if (o.model == SpatialPanelModel::Sem) {
      const Eigen::MatrixXd xs = qx - r * qwx;
      const Eigen::VectorXd ys = qy - r * qwy;
      f.beta = xs.colPivHouseholderQr().solve(ys);
      f.resid = ys - xs * f.beta;
    } else {
      f.beta = b0 - r * b1;
      f.resid = e0 - r * e1;
    }
    f.rss = f.resid.squaredNorm();
    f.sigma2 = f.rss / n_obs;
    return f;
  }
  // ln L concentrated in the spatial parameter, without constants: J(r) - N/2 ln(e'e).
  double concentrated(double r) const { return jacobian(r) - n_obs / 2 * std::log(fit(r).rss); }
  // Its derivative (envelope theorem: the slopes held at their optimum).
  double score(double r) const {
    const Fit f = fit(r);
    double d_rss = 0;
    if (o.model == SpatialPanelModel::Sem) d_rss = -2 * f.resid.dot(qwy - qwx * f.beta);
    else d_rss = -2 * f.resid.dot(e1);
    return jacobian.derivative(r) - n_obs / 2 * d_rss / f.rss;
  }
};

double maximize(const Problem& p, std::pair<double, double> iv) {
  const std::pair<double, double> interior = search_interior(iv);
  const double lo = interior.first, hi = interior.second;
  const double r = detail::maximize_brent([&](double x) { return p.concentrated(x); }, lo, hi).first;
  return polish([&](double x) { return p.score(x); }, r, lo, hi);
}

// The information matrix of (sigma^2, spatial, beta) at `f`, with `n_eff` observations and each
// weights matrix's traces counted `trace_count[k]` times.
Eigen::MatrixXd information(const Problem& p, const Fit& f, double n_eff, const std::vector<double>& trace_count, bool& exact) {
  const SpatialPanelData& d = p.d;
  const long k = p.qx.cols();
  std::deque<SpatialInverse> inv;
  double tr_g = 0, tr_2 = 0;
  exact = true;
  for (size_t j = 0; j < d.weights.size(); ++j) {
    inv.emplace_back(d.weights[j], f.spatial);
    const SpatialTraces t = inv.back().traces(20100 + j);
    exact = exact && t.exact;
    tr_g += trace_count[j] * t.g;
    tr_2 += trace_count[j] * (t.gg + t.gtg);
  }
  const double s2 = f.sigma2;
  Eigen::MatrixXd info = Eigen::MatrixXd::Zero(k + 2, k + 2);
  info(0, 0) = n_eff / (2 * s2 * s2);
  info(0, 1) = info(1, 0) = tr_g / s2;
  info(1, 1) = tr_2;
  if (p.o.model == SpatialPanelModel::Sem) {
    const Eigen::MatrixXd xs = p.qx - f.spatial * p.qwx;
    info.bottomRightCorner(k, k) = xs.transpose() * xs / s2;
  } else {
    // Within lags: the information of the model with the effect dummies D, rho's row partialled on
    // D as well as X: Q G (X beta + D alpha), X beta + D alpha = A y - e. On a balanced panel with
    // unit effects this is G Q X beta (Q and G commute, G D alpha lies in span D); with different
    // W_t it is not. splm's lags: G Q X beta, as splm.
    const Eigen::VectorXd gxb = p.o.lags == PanelLags::Within
                                    ? Eigen::VectorXd(panel_within(d, p.o.effect, g_times(d, inv, d.y - f.spatial * panel_spatial_lag(d, d.y).col(0) - f.resid)))
                                    : g_times(d, inv, p.qx * f.beta);
    info(1, 1) += gxb.squaredNorm() / s2;
    const Eigen::VectorXd cross = p.qx.transpose() * gxb / s2;
    info.block(2, 1, k, 1) = cross;
    info.block(1, 2, 1, k) = cross.transpose();
    info.bottomRightCorner(k, k) = p.qx.transpose() * p.qx / s2;
  }
  return info;
}

}  // namespace

double polish(const std::function<double(double)>& score, double x, double lo, double hi) {
  const double a = std::max(lo, x - 1e-5), b = std::min(hi, x + 1e-5);
  const double sa = score(a), sb = score(b);
  if (!(std::isfinite(sa) && std::isfinite(sb) && sa > 0 && sb < 0)) return x;
  std::uintmax_t it = 100;
  const auto root = boost::math::tools::toms748_solve(score, a, b, sa, sb, boost::math::tools::eps_tolerance<double>(50), it);
  return (root.first + root.second) / 2;
}

void warn_at_bound(const std::vector<double>& spatial, std::pair<double, double> iv, std::vector<std::string>& warnings) {
  const double span = iv.second - iv.first;
  for (double v : spatial)
    if (std::fabs(v - iv.first) < 1e-6 * span || std::fabs(v - iv.second) < 1e-6 * span) {
      warnings.push_back("a spatial parameter is at the bound of its admissible interval: the estimate should not be used");
      return;
    }
}

std::vector<std::pair<std::string, size_t>> absorbed_dimensions(const SpatialPanelData& d, SpatialPanelEffect e) {
  std::vector<std::pair<std::string, size_t>> out;
  if (absorbs_units(e)) out.emplace_back("unit", d.n_units);
  if (absorbs_periods(e)) out.emplace_back("period", d.n_periods);
  return out;
}

// W_t v_t (transposed: W_t' v_t) for every period t, stacked in the observations' order.
Eigen::MatrixXd panel_spatial_lag(const SpatialPanelData& d, const Eigen::MatrixXd& v, bool transposed) {
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(v.rows(), v.cols());
  for (size_t t = 0; t < d.n_periods; ++t) {
    const auto& rows = d.period_rows[t];
    Eigen::MatrixXd vt(static_cast<long>(rows.size()), v.cols());
    for (size_t i = 0; i < rows.size(); ++i) vt.row(static_cast<long>(i)) = v.row(rows[i]);
    const SparseRowMatrix& w = d.weights[d.period_weights[t]];
    const Eigen::MatrixXd lt = transposed ? Eigen::MatrixXd(w.transpose() * vt) : Eigen::MatrixXd(w * vt);
    for (size_t i = 0; i < rows.size(); ++i) out.row(rows[i]) = lt.row(static_cast<long>(i));
  }
  return out;
}

SpatialPanelData with_durbin_regressors(const SpatialPanelData& d, const std::vector<std::string>& terms) {
  SpatialPanelData out = d;
  const std::vector<long> cols = durbin_columns(d.x_names, terms);
  Eigen::MatrixXd x(d.X.rows(), static_cast<long>(cols.size()));
  for (size_t c = 0; c < cols.size(); ++c) x.col(static_cast<long>(c)) = d.X.col(cols[c]);
  const Eigen::MatrixXd wx = panel_spatial_lag(d, x);
  out.X.conservativeResize(Eigen::NoChange, d.X.cols() + wx.cols());
  out.X.rightCols(wx.cols()) = wx;
  for (long c : cols) out.x_names.push_back("W." + d.x_names[static_cast<size_t>(c)]);
  return out;
}

Eigen::MatrixXd panel_within(const SpatialPanelData& d, SpatialPanelEffect e, Eigen::MatrixXd m) {
  if (e == SpatialPanelEffect::Pooled) return m;
  std::vector<Factor> fes;
  if (absorbs_units(e)) fes.push_back({"unit", d.unit, d.n_units, {}});
  if (absorbs_periods(e)) fes.push_back({"period", d.period, d.n_periods, {}});
  const Eigen::VectorXd no_weights;
  Demeaner(fes, no_weights, 1e-12).demean(m);
  return m;
}

void refuse_dependent_regressors(const Eigen::MatrixXd& within, const Eigen::MatrixXd& raw, const std::vector<std::string>& names,
                                 SpatialPanelEffect e) {
  refuse_dependent_regressors(within, Eigen::VectorXd(raw.colwise().squaredNorm().transpose()), names, e);
}

void refuse_constant_response(const Eigen::VectorXd& within, const Eigen::VectorXd& raw, const std::string& name, SpatialPanelEffect e) {
  // Centred: a pooled model's (or random effects') intercept absorbs a constant as fixed effects do.
  if (!is_rounding_noise((within.array() - within.mean()).matrix(), raw)) return;
  throw DataError(fmt::format("the dependent variable '{}' {}: there is nothing to explain (sigma^2 0); check the variable",
                              name, e == SpatialPanelEffect::Pooled || e == SpatialPanelEffect::Random ? "is constant" : "is constant once the fixed effects are removed"));
}

void refuse_dependent_regressors(const Eigen::MatrixXd& within, const Eigen::VectorXd& raw_ss, const std::vector<std::string>& names,
                                 SpatialPanelEffect e) {
  const long j = first_dependent_column_given_ss(within, raw_ss);
  if (j < 0) return;
  const char* absorbed = e == SpatialPanelEffect::Individual ? "absorbed by the unit effects (it does not vary within the units) or "
                         : e == SpatialPanelEffect::Time     ? "absorbed by the time effects (it does not vary across the units of a period) or "
                         : e == SpatialPanelEffect::Twoways  ? "absorbed by the unit and time effects or "
                                                             : "";
  throw DataError(fmt::format("regressor '{}' is {}collinear with the regressors before it; leave it out", names[static_cast<size_t>(j)], absorbed));
}

SpatialPanelModel parse_spatial_panel_model(const std::string& name) {
  if (name == "sar") return SpatialPanelModel::Sar;
  if (name == "sem") return SpatialPanelModel::Sem;
  if (name == "sdm") return SpatialPanelModel::Sdm;
  if (name == "sac") return SpatialPanelModel::Sac;
  throw SpecError(fmt::format("unknown spatial panel model '{}' (sar, sem, sdm, sac)", name));
}

SpatialPanelEffect parse_spatial_panel_effect(const std::string& name) {
  if (name == "pooled") return SpatialPanelEffect::Pooled;
  if (name == "individual") return SpatialPanelEffect::Individual;
  if (name == "time") return SpatialPanelEffect::Time;
  if (name == "twoways") return SpatialPanelEffect::Twoways;
  if (name == "random") return SpatialPanelEffect::Random;
  throw SpecError(fmt::format("unknown effect '{}' (pooled, individual, time, twoways, random)", name));
}

std::string spatial_panel_effect_name(SpatialPanelEffect e) {
  switch (e) {
    case SpatialPanelEffect::Pooled: return "pooled";
    case SpatialPanelEffect::Individual: return "individual";
    case SpatialPanelEffect::Time: return "time";
    case SpatialPanelEffect::Twoways: return "twoways";
    case SpatialPanelEffect::Random: return "random";
  }
  return "";
}

namespace {
// Whether every row of every period's W sums to the same number (row-standardized W without
// islands, whose rows sum to 0): then (I - lambda W) maps the period dummies into their own span.
bool equal_row_sums(const SpatialPanelData& d) {
  for (const auto& w : d.weights) {
    const Eigen::VectorXd sums = w * Eigen::VectorXd::Ones(w.cols());
    if (sums.size() > 0 && (sums.array() - sums[0]).abs().maxCoeff() > 1e-12 * std::max(1.0, std::fabs(sums[0]))) return false;
  }
  return true;
}
}  // namespace

bool SpatialPanelData::balanced() const {
  if (weights.size() != 1) return false;
  for (const auto& rows : period_rows)
    if (rows.size() != n_units) return false;
  return true;
}

SpatialPanelResult spatial_panel(const SpatialPanelData& d, const SpatialPanelOptions& o) {
  const long n = d.y.size();
  const bool pooled = o.effect == SpatialPanelEffect::Pooled;
  const bool balanced = d.balanced();
  if (o.effect == SpatialPanelEffect::Random) return spatial_panel_re(d, o);
  if (o.model == SpatialPanelModel::Sac) return spatial_panel_sac(d, o);
  // The SEM's within likelihood is the one with the effect dummies D only when (I - lambda W) D spans
  // D: not on an unbalanced panel, nor with period effects when W's row sums differ (binary W,
  // islands): then the likelihood with the filtered dummies.
  const bool period_effects = absorbs_periods(o.effect);
  const bool row_sums_equal = equal_row_sums(d);
  if (o.model == SpatialPanelModel::Sem && !pooled && o.lags == PanelLags::Within && (!balanced || (period_effects && !row_sums_equal))) {
    if (o.lee_yu && balanced)
      throw SpecError("lee_yu: the Lee-Yu correction with period effects assumes W's rows all sum to the same number (row-standardized W); "
                      "these weights' do not: drop lee_yu or row-standardize W");
    return spatial_panel_effect_dummies(d, o);
  }
  // splm's lags (W applied to the demeaned variables) are splm's estimator, which is defined on
  // balanced panels only: on an unbalanced one there is nothing to match, and the within lags are
  // the likelihood spatialreg gives with the effect dummies.
  if (o.lags == PanelLags::Splm && !balanced && !pooled)
    throw SpecError(fmt::format("model {} with {} effects on an unbalanced panel: lags = splm (W applied to the demeaned variables, as splm) is defined for "
                                "balanced panels only; give lags = within (the spatial lag demeaned, each period's W restricted to its units)",
                                o.model == SpatialPanelModel::Sem ? "sem" : (o.model == SpatialPanelModel::Sdm ? "sdm" : "sar"), spatial_panel_effect_name(o.effect)));
  if (o.lee_yu && pooled) throw SpecError("the Lee-Yu correction is for fixed effects, not a pooled model");
  if (o.lee_yu && !balanced) throw SpecError("the Lee-Yu correction needs a balanced panel (every unit in every period)");
  const bool has_intercept = !d.x_names.empty() && d.x_names[0] == "(Intercept)";
  if (has_intercept && !pooled) throw SpecError("fixed effects absorb the intercept: drop it from the regressors");

  // Regressors: X, and W X for the Durbin model.
  const SpatialPanelData durbin = o.model == SpatialPanelModel::Sdm ? with_durbin_regressors(d, o.durbin_terms) : SpatialPanelData{};
  const Eigen::MatrixXd& x = o.model == SpatialPanelModel::Sdm ? durbin.X : d.X;
  const std::vector<std::string>& names = o.model == SpatialPanelModel::Sdm ? durbin.x_names : d.x_names;
  const long k = x.cols();
  if (k == 0) throw SpecError("the spatial panel model needs at least one regressor");
  if (n <= k + 1) throw DataError(fmt::format("{} observations are too few for {} regressors", n, k));

  Problem p{d, o, {}, {}, {}, {}, {}, static_cast<double>(n), {}, {}, {}, {}};
  const Eigen::MatrixXd qyx = panel_within(d, o.effect, [&] {
    Eigen::MatrixXd m(n, 1 + k);
    m << d.y, x;
    return m;
  }());
  p.qy = qyx.col(0);
  p.qx = qyx.rightCols(k);
  const bool sem = o.model == SpatialPanelModel::Sem;
  if (o.lags == PanelLags::Splm) {
    Eigen::MatrixXd m(n, sem ? 1 + k : 1);
    m.col(0) = p.qy;
    if (sem) m.rightCols(k) = p.qx;
    const Eigen::MatrixXd l = panel_spatial_lag(d, m);
    p.qwy = l.col(0);
    if (sem) p.qwx = l.rightCols(k);
  } else {
    Eigen::MatrixXd m(n, sem ? 1 + k : 1);
    m.col(0) = d.y;
    if (sem) m.rightCols(k) = x;
    const Eigen::MatrixXd l = panel_within(d, o.effect, panel_spatial_lag(d, m));
    p.qwy = l.col(0);
    if (sem) p.qwx = l.rightCols(k);
  }
  refuse_constant_response(p.qy, d.y, d.depvar, o.effect);
  refuse_dependent_regressors(p.qx, x, names, o.effect);
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(p.qx);
  if (!sem) {
    p.b0 = qr.solve(p.qy);
    p.b1 = qr.solve(p.qwy);
    p.e0 = p.qy - p.qx * p.b0;
    p.e1 = p.qwy - p.qx * p.b1;
  }

  p.jacobian = panel_jacobian(d, o.log_det);
  const std::pair<double, double> iv = p.jacobian.interval;

  Fit f = p.fit(maximize(p, iv));
  SpatialPanelResult r;
  r.model = sem ? "sem" : (o.model == SpatialPanelModel::Sdm ? "sdm" : "sar");
  r.effect = spatial_panel_effect_name(o.effect);
  r.interval = iv;
  r.balanced = balanced;
  r.lee_yu = o.lee_yu;
  r.lags = o.lags == PanelLags::Splm ? "splm: W applied to the demeaned variables" : "within: the spatial lag demeaned";
  r.log_det = log_det_method_name(p.jacobian.logdet.front().method());
  r.n_units = d.n_units;
  r.n_periods = d.n_periods;
  const double jac = p.jacobian(f.spatial);
  r.loglik_concentrated = jac - p.n_obs / 2 * std::log(f.rss);
  r.loglik = jac - p.n_obs / 2 * (std::log(kTwoPi * f.sigma2) + 1);
  r.rss = f.rss;

  // Lee and Yu (2010) correction, as splm 1.6-5 (see the header).
  double n_eff = p.n_obs;
  std::vector<double> trace_count = p.jacobian.count;
  const double nu = static_cast<double>(d.n_units), tp = static_cast<double>(d.n_periods);
  bool exact = true;
  if (o.lee_yu) {
    const double ldet = p.jacobian.logdet.front()(f.spatial);
    if (o.effect == SpatialPanelEffect::Individual) {
      f.sigma2 *= tp / (tp - 1);
      n_eff = nu * (tp - 1);
      trace_count = {tp - 1};
      r.loglik = (tp - 1) * ldet - n_eff / 2 * std::log(kTwoPi * f.sigma2) - f.rss / (2 * f.sigma2);
    } else if (o.effect == SpatialPanelEffect::Time) {
      f.sigma2 *= nu / (nu - 1);
      n_eff = (nu - 1) * tp;
      r.loglik = tp * ldet - n_eff / 2 * std::log(kTwoPi * f.sigma2) - f.rss / (2 * f.sigma2);
    } else {
      // theta + Sigma^-1 a / n with Sigma = I / (nT) the information per observation, then sigma^2
      // x T/(T-1) (Lee and Yu 2010, section 4; Elhorst's sar_panel_FE.m); the variance is the
      // information's inverse at the corrected values, as there.
      const Eigen::MatrixXd info_inverse = information(p, f, p.n_obs, p.jacobian.count, exact).inverse();
      Eigen::VectorXd a = Eigen::VectorXd::Zero(k + 2);
      a[0] = 1 / (2 * f.sigma2);
      a[1] = 1 / (1 - f.spatial);
      const Eigen::VectorXd bias = (p.n_obs / nu) * (info_inverse * a);
      f.sigma2 = tp / (tp - 1) * (f.sigma2 + bias[0]);
      f.spatial += bias[1];
      f.beta += bias.tail(k);
      f.resid = sem ? Eigen::VectorXd(p.qy - f.spatial * p.qwy - (p.qx - f.spatial * p.qwx) * f.beta)
                    : Eigen::VectorXd(p.qy - f.spatial * p.qwy - p.qx * f.beta);  // read by the within lags' information
    }
  }
  const Eigen::MatrixXd info = information(p, f, n_eff, trace_count, exact);
  const Eigen::MatrixXd all = info.inverse();
  r.traces = exact ? "exact" : fmt::format("Hutchinson estimates ({} Rademacher vectors; n > {})", kTraceDraws, kExactTraceUnits);
  r.spatial = f.spatial;
  r.sigma2 = f.sigma2;

  RegressionResult& g = r.reg;
  g.estimator = "spatial_panel_" + r.model;
  g.depvar = d.depvar;
  g.terms.push_back(sem ? "lambda" : "rho");
  g.terms.insert(g.terms.end(), names.begin(), names.end());
  g.coef.resize(k + 1);
  g.coef << f.spatial, f.beta;
  g.vcov = all.bottomRightCorner(k + 1, k + 1);
  g.vcov_info.type = "ml";
  g.vcov_info.df = std::numeric_limits<double>::infinity();
  g.vcov_info.small_sample = "none: inverse of the information matrix, z tests";
  g.nobs = static_cast<size_t>(n);
  g.df_resid = static_cast<double>(n - k - 1);
  g.fit["sigma2"] = f.sigma2;
  g.fit["loglik"] = r.loglik;
  g.fit["rss"] = f.rss;
  g.fixed_effects = absorbed_dimensions(d, o.effect);
  warn_at_bound({f.spatial}, iv, g.warnings);
  if (o.lee_yu && !row_sums_equal)
    g.warnings.push_back("the Lee-Yu correction assumes W's rows all sum to the same number (row-standardized W); these weights' do not");
  return r;
}

}  // namespace cbec
