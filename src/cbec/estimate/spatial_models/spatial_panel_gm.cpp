// GM spatial panel models as splm's spgm: see spatial_panel_gm.hpp.
#include "cbec/estimate/spatial_models/spatial_panel_gm.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>

#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/durbin_terms.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"
#include "cbec/estimate/spatial_models/spatial_tsls.hpp"

namespace cbec {

namespace {

// The panel stacked period by period (the rows of period t are t n .. t n + n - 1, in the order of
// W's rows), as splm orders it.
struct Stacked {
  const SparseRowMatrix& w;
  long n, tp;
  Eigen::VectorXd y;
  Eigen::MatrixXd x;   // the regressors but the intercept
  std::vector<std::string> names;

  // (I_T (x) W) m
  Eigen::MatrixXd lag(const Eigen::MatrixXd& m) const {
    Eigen::MatrixXd out(m.rows(), m.cols());
    for (long t = 0; t < tp; ++t) out.middleRows(t * n, n) = w * m.middleRows(t * n, n);
    return out;
  }
  // The unit means (n rows), and repeated over the periods (Q1 m).
  Eigen::MatrixXd means(const Eigen::MatrixXd& m) const {
    Eigen::MatrixXd s = Eigen::MatrixXd::Zero(n, m.cols());
    for (long t = 0; t < tp; ++t) s += m.middleRows(t * n, n);
    return s / static_cast<double>(tp);
  }
  Eigen::MatrixXd repeat(const Eigen::MatrixXd& per_unit) const { return per_unit.replicate(tp, 1); }
  Eigen::MatrixXd within(const Eigen::MatrixXd& m) const { return m - repeat(means(m)); }
  // m - theta Q1 m: the feasible GLS transformation of KKP (2007, eq. 20).
  Eigen::MatrixXd quasi(const Eigen::MatrixXd& m, double theta) const { return m - theta * repeat(means(m)); }
  // The within moments of residuals already in deviations from their unit means (KKP eq. 9, Q0).
  KkpBlock within_block(const Eigen::VectorXd& u) const {
    return kkp_block(Eigen::Map<const Eigen::MatrixXd>(u.data(), n, tp), w, static_cast<double>(n * (tp - 1)));
  }
  // The between moments of sqrt(T) times the residuals' unit means (KKP eq. 9, Q1).
  KkpBlock between_block(const Eigen::VectorXd& sqrt_t_means) const { return kkp_block(sqrt_t_means, w, static_cast<double>(n)); }
  double sqrt_t() const { return std::sqrt(static_cast<double>(tp)); }
};

Eigen::MatrixXd hcat(std::initializer_list<Eigen::MatrixXd> parts) {
  long cols = 0, rows = parts.begin()->rows();
  for (const auto& p : parts) cols += p.cols();
  Eigen::MatrixXd out(rows, cols);
  long c = 0;
  for (const auto& p : parts) out.middleCols(c, p.cols()) = p, c += p.cols();
  return out;
}

Eigen::VectorXd ols(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const char* what) {
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  if (qr.rank() < x.cols()) throw NumericError(fmt::format("{}: the regressors are perfectly collinear", what));
  return qr.solve(y);
}

// The within instruments of the spatial lag (splm's ivplm.w2sls): [Q0 X, W Q0 X, W^2 Q0 X].
Eigen::MatrixXd within_instruments(const Stacked& s, const Eigen::MatrixXd& qx) {
  const Eigen::MatrixXd wqx = s.lag(qx);
  return hcat({qx, wqx, s.lag(wqx)});
}

// The first-stage within 2SLS of Q0 y on Q0 W y and Q0 X (splm's ivplm.w2sls, lag = TRUE).
SpatialTslsFit within_2sls(const Stacked& s) {
  const Eigen::VectorXd qy = s.within(s.y);
  const Eigen::MatrixXd qx = s.within(s.x);
  return spatial_tsls_on(qy, s.lag(qy), qx, within_instruments(s, qx), "spxt gm (within 2SLS)");
}

// The between 2SLS of sqrt(T) ybar on sqrt(T) W ybar and sqrt(T) [1, Xbar] with the instruments
// sqrt(T) [1, Xbar, W [1, Xbar], W^2 [1, Xbar]] (splm's ivplm.b2sls with instr = FALSE).
SpatialTslsFit between_2sls(const Stacked& s) {
  Eigen::MatrixXd xb(s.n, s.x.cols() + 1);
  xb << Eigen::VectorXd::Ones(s.n), s.means(s.x);
  const Eigen::VectorXd yb = s.means(s.y);
  const Eigen::MatrixXd wxb = s.w * xb;
  const double r = s.sqrt_t();
  return spatial_tsls_on(r * yb, r * (s.w * yb), r * xb, r * hcat({xb, wxb, s.w * wxb}), "spxt gm (between 2SLS)");
}

// The random-effects instruments of the spatial lag (splm's Hgls and ec2sls's A):
// [1, Q0 X, Q1 X, W Q0 X, W^2 Q0 X, W Q1 X, W^2 Q1 X] (columns collinear with others dropped later).
Eigen::MatrixXd random_instruments(const Stacked& s) {
  const Eigen::MatrixXd qx = s.within(s.x);
  Eigen::MatrixXd xb(s.n, s.x.cols() + 1);
  xb << Eigen::VectorXd::Ones(s.n), s.means(s.x);
  const Eigen::MatrixXd wxb = s.w * xb;
  return hcat({Eigen::VectorXd::Ones(s.n * s.tp), within_instruments(s, qx), s.repeat(xb), s.repeat(wxb), s.repeat(s.w * wxb)});
}

struct Fit {
  Eigen::VectorXd coef;   // [rho,] then the regressors
  Eigen::MatrixXd vcov;
  double rho = 0, lambda = 0, sigma2_v = 0, sigma2_1 = 0, theta = 0;
};

// Moves the 2SLS's (X, rho) into the terms' order (rho, X).
void rho_first(Fit& f, const SpatialTslsFit& t, const Eigen::MatrixXd& vcov) {
  const long k = t.coef.size() - 1;
  Eigen::PermutationMatrix<Eigen::Dynamic> p(k + 1);
  for (long j = 0; j < k; ++j) p.indices()[j] = static_cast<int>(j + 1);
  p.indices()[k] = 0;
  f.coef = p * t.coef;
  f.vcov = p * vcov * p.transpose();
  f.rho = f.coef[0];
}

// [1, X] for random effects
Eigen::MatrixXd with_intercept(const Eigen::MatrixXd& x) {
  Eigen::MatrixXd out(x.rows(), x.cols() + 1);
  out << Eigen::VectorXd::Ones(x.rows()), x;
  return out;
}

Fit sem(const Stacked& s, bool random, GmMoments moments) {
  Fit f;
  const double nt = static_cast<double>(s.n * s.tp);
  if (!random) {
    const Eigen::VectorXd qy = s.within(s.y);
    const Eigen::MatrixXd qx = s.within(s.x);
    const Eigen::VectorXd u = qy - qx * ols(qx, qy, "spxt gm");
    const KkpEstimate e = kkp_within_estimate(s.within_block(u));
    f.lambda = e.lambda;
    f.sigma2_v = e.sigma2_v;
    const Eigen::VectorXd yf = s.within(s.y - e.lambda * s.lag(s.y));
    const Eigen::MatrixXd xf = s.within(s.x - e.lambda * s.lag(s.x));
    f.coef = ols(xf, yf, "spxt gm");
    const double s2 = (yf - xf * f.coef).squaredNorm() / (nt - static_cast<double>(xf.cols()));
    f.vcov = s2 * (xf.transpose() * xf).inverse();
    return f;
  }
  const Eigen::MatrixXd x = with_intercept(s.x);
  const Eigen::VectorXd u = s.y - x * ols(x, s.y, "spxt gm");
  const KkpEstimate e = kkp_estimate(s.within_block(s.within(u)), s.between_block(s.sqrt_t() * s.means(u)), moments, s.w, static_cast<double>(s.tp));
  f.lambda = e.lambda;
  f.sigma2_v = e.sigma2_v;
  f.sigma2_1 = e.sigma2_1;
  f.theta = 1 - std::sqrt(e.sigma2_v / e.sigma2_1);
  const Eigen::VectorXd yf = s.quasi(s.y - e.lambda * s.lag(s.y), f.theta);
  const Eigen::MatrixXd xf = s.quasi(x - e.lambda * s.lag(x), f.theta);
  f.coef = ols(xf, yf, "spxt gm");
  f.vcov = e.sigma2_v * (xf.transpose() * xf).inverse();
  return f;
}

Fit sac(const Stacked& s, bool random, GmMoments moments) {
  Fit f;
  const SpatialTslsFit first = within_2sls(s);
  KkpEstimate e;
  if (!random) {
    e = kkp_within_estimate(s.within_block(first.residuals));
  } else {
    const SpatialTslsFit between = between_2sls(s);
    e = kkp_estimate(s.within_block(first.residuals), s.between_block(between.residuals), moments, s.w, static_cast<double>(s.tp));
    f.sigma2_1 = e.sigma2_1;
    f.theta = 1 - std::sqrt(e.sigma2_v / e.sigma2_1);
  }
  f.lambda = e.lambda;
  f.sigma2_v = e.sigma2_v;
  // The spatial Cochrane-Orcutt transformation B = I - lambda W of y, W y and X.
  const Eigen::MatrixXd x = random ? with_intercept(s.x) : s.x;
  const Eigen::VectorXd wy = s.lag(s.y);
  const Eigen::VectorXd yt = s.y - e.lambda * wy, wyt = wy - e.lambda * s.lag(wy);
  const Eigen::MatrixXd xt = x - e.lambda * s.lag(x);
  SpatialTslsFit t;
  if (!random) {
    t = spatial_tsls_on(s.within(yt), s.within(wyt), s.within(xt), within_instruments(s, s.within(s.x)), "spxt gm");
  } else {
    const Eigen::MatrixXd xf = s.quasi(xt, f.theta);
    t = spatial_tsls_on(s.quasi(yt, f.theta), s.quasi(wyt, f.theta), xf, hcat({xf, random_instruments(s)}), "spxt gm");
  }
  rho_first(f, t, e.sigma2_v * t.bread);
  return f;
}

Fit sar(const Stacked& s, bool random) {
  Fit f;
  const SpatialTslsFit first = within_2sls(s);
  const double n = static_cast<double>(s.n), tp = static_cast<double>(s.tp), k = static_cast<double>(s.x.cols());
  if (!random) {
    rho_first(f, first, first.vcov);
    f.sigma2_v = first.sse / first.df;
    return f;
  }
  // EC2SLS: the variance components from the within and between 2SLS, then 2SLS on
  // Q0 z / sigma_v + Q1 z / sigma_1.
  const SpatialTslsFit between = between_2sls(s);
  f.sigma2_v = first.sse / (n * (tp - 1) - k - 1);
  f.sigma2_1 = between.sse / between.df;
  f.theta = 1 - std::sqrt(f.sigma2_v / f.sigma2_1);
  const double sv = std::sqrt(f.sigma2_v), s1 = std::sqrt(f.sigma2_1);
  const auto star = [&](const Eigen::MatrixXd& m) -> Eigen::MatrixXd { return s.within(m) / sv + s.repeat(s.means(m)) / s1; };
  const Eigen::MatrixXd x = with_intercept(s.x);
  const SpatialTslsFit t = spatial_tsls_on(star(s.y), star(s.lag(s.y)), star(x), random_instruments(s), "spxt gm (EC2SLS)");
  rho_first(f, t, t.vcov);
  return f;
}

}  // namespace

SpatialPanelResult spatial_panel_gm(const SpatialPanelData& d, const SpatialPanelOptions& o) {
  const bool random = o.effect == SpatialPanelEffect::Random;
  if (!random && o.effect != SpatialPanelEffect::Individual)
    throw SpecError("estimator gm: the GM spatial panel takes effect individual (splm's within) or random, not " + spatial_panel_effect_name(o.effect));
  if (o.model == SpatialPanelModel::Sdm)
    throw SpecError("estimator gm: the models are sar, sem and sac (splm's spgm), not sdm; for the SDM by GM use model sar with durbin (W x of every regressor)");
  if (!random && o.moments != GmMoments::Initial)
    throw SpecError("moments: with fixed effects only the initial moments exist (weights and fullweights weight the between moments of random effects)");
  if (o.lee_yu) throw SpecError("estimator gm: the Lee-Yu correction is for the ML fixed-effects estimates");
  if (!d.balanced() || d.weights.size() != 1) throw SpecError("estimator gm: the GM spatial panel needs a balanced panel (every unit in every period), as splm");
  const bool has_intercept = !d.x_names.empty() && d.x_names[0] == "(Intercept)";
  if (random != has_intercept)
    throw SpecError(random ? "estimator gm: random effects need the intercept among the regressors" : "estimator gm: fixed effects absorb the intercept: drop it from the regressors");
  const long n = static_cast<long>(d.n_units), tp = static_cast<long>(d.n_periods);
  if (tp < 2) throw SpecError("estimator gm: the panel needs at least two periods");
  const long k = d.X.cols() - (has_intercept ? 1 : 0);
  if (k == 0) throw SpecError("estimator gm: the model needs at least one regressor besides the intercept");
  if (n <= 2 * k + 2) throw DataError(fmt::format("estimator gm: {} units are too few for {} regressors and their spatial instruments", n, k));

  Stacked s{d.weights[0], n, tp, Eigen::VectorXd(n * tp), Eigen::MatrixXd(n * tp, k), {}};
  for (long t = 0; t < tp; ++t)
    for (long i = 0; i < n; ++i) {
      const long row = d.period_rows[static_cast<size_t>(t)][static_cast<size_t>(i)];
      s.y[t * n + i] = d.y[row];
      s.x.row(t * n + i) = d.X.row(row).tail(k);
    }
  // Durbin terms: X becomes [X, (I_T (x) W) X] (splm's spgm, Durbin = TRUE), or W x of the
  // regressors in durbin_terms only (Durbin = ~ x1 + x2).
  if (!o.durbin && !o.durbin_terms.empty()) throw SpecError("durbin_terms: with estimator gm they choose the W x terms of durbin; add --durbin");
  const std::vector<long> lagged = o.durbin ? durbin_columns(d.x_names, o.durbin_terms) : std::vector<long>{};
  if (o.durbin) {
    Eigen::MatrixXd x(s.x.rows(), static_cast<long>(lagged.size()));
    for (size_t c = 0; c < lagged.size(); ++c) x.col(static_cast<long>(c)) = s.x.col(lagged[c] - (has_intercept ? 1 : 0));
    s.x = hcat({s.x, s.lag(x)});
  }
  refuse_constant_response(random ? s.y : Eigen::VectorXd(s.within(s.y)), s.y, d.depvar, o.effect);
  if (!random) {
    std::vector<std::string> names(d.x_names.begin(), d.x_names.end());
    for (long c : lagged) names.push_back("W." + d.x_names[static_cast<size_t>(c)]);
    refuse_dependent_regressors(s.within(s.x), s.x, names, o.effect);
  }
  Fit f;
  switch (o.model) {
    case SpatialPanelModel::Sem: f = sem(s, random, o.moments); break;
    case SpatialPanelModel::Sac: f = sac(s, random, o.moments); break;
    default: f = sar(s, random); break;
  }

  SpatialPanelResult r;
  const bool lag = o.model != SpatialPanelModel::Sem;
  RegressionResult& g = r.reg;
  g.estimator = "spatial_panel_gm";
  g.depvar = d.depvar;
  if (lag) g.terms.push_back("rho");
  g.terms.insert(g.terms.end(), d.x_names.begin(), d.x_names.end());
  for (long c : lagged) g.terms.push_back("W." + d.x_names[static_cast<size_t>(c)]);
  g.coef = f.coef;
  g.vcov = f.vcov;
  g.vcov_info.type = "gm";
  g.vcov_info.df = std::numeric_limits<double>::infinity();
  g.nobs = static_cast<size_t>(n * tp);
  g.df_resid = static_cast<double>(n * tp - f.coef.size());
  g.fixed_effects = random ? std::vector<std::pair<std::string, size_t>>{} : std::vector<std::pair<std::string, size_t>>{{"unit", d.n_units}};
  r.model = o.model == SpatialPanelModel::Sem ? "sem" : o.model == SpatialPanelModel::Sac ? "sac" : "sar";
  r.effect = spatial_panel_effect_name(o.effect);
  r.estimator = "gm";
  r.durbin = o.durbin;
  r.moments = o.model == SpatialPanelModel::Sar ? "" : gm_moments_name(o.moments);
  r.spatial = lag ? f.rho : f.lambda;
  r.spatial_error = o.model == SpatialPanelModel::Sar ? 0 : f.lambda;
  r.sigma2 = f.sigma2_v;
  r.loglik = r.loglik_concentrated = std::numeric_limits<double>::quiet_NaN();
  // GM does not bound the spatial parameters (nor does splm): a lag coefficient outside W's
  // interval (1/lambda_min, 1/lambda_max) is an explosive, non-stationary process, said here.
  r.interval = LogDeterminant(d.weights[0], o.log_det).rho_interval();
  for (const auto& [name, value] : {std::pair<const char*, double>{"rho", lag ? f.rho : 0.0}, {"lambda", o.model == SpatialPanelModel::Sar ? 0.0 : f.lambda}})
    if (!(value > r.interval.first && value < r.interval.second))
      g.warnings.push_back(fmt::format("{} = {:.4f} is outside W's interval ({:.4f}, {:.4f}), where I - {} W is invertible with a stationary process: "
                                       "the model is explosive at this estimate (GM does not bound it); its impacts are not computed",
                                       name, value, r.interval.first, r.interval.second, name));
  r.n_units = d.n_units;
  r.n_periods = d.n_periods;
  if (random) {
    r.sigma2_1 = f.sigma2_1;
    r.theta = f.theta;
    r.sigma2_mu = (f.sigma2_1 - f.sigma2_v) / static_cast<double>(tp);
    r.phi = r.sigma2_mu / f.sigma2_v;
    r.errors = o.model == SpatialPanelModel::Sar ? "re" : "kkp";
    g.fit["theta"] = f.theta;
    g.fit["sigma2_1"] = f.sigma2_1;
  }
  g.fit["sigma2_v"] = f.sigma2_v;
  if (o.model != SpatialPanelModel::Sar) g.fit["lambda"] = f.lambda;
  return r;
}

}  // namespace cbec
