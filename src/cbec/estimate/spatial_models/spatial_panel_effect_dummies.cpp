// The SAC (SARAR) and the SEM spatial panel models by ML on an unbalanced panel, with unit, period
// or two-way fixed effects or pooled: the likelihood with the effect dummies D (Lee and Yu 2010, J.
// Econometrics 154, section 2, the direct approach; Elhorst 2014, Spatial Econometrics, eq. 3.9 and
// 3.21 combined), each period t with its n_t units and their weights W_t (the SEM: rho = 0):
//   y_t = rho W_t y_t + X_t beta + D_t alpha + u_t,  u_t = lambda W_t u_t + v_t,  v ~ N(0, sigma^2 I)
//   ln L = sum_t ln|A_t| + sum_t ln|B_t| - N/2 ln(2 pi sigma^2) - e'e / (2 sigma^2),  N = sum_t n_t,
//   e = B (A y - X beta - D alpha),  A_t = I - rho W_t,  B_t = I - lambda W_t.
// The effects enter filtered, B D alpha: what is projected out depends on lambda, and on an
// unbalanced panel B D no longer spans D (the within transformation is not the likelihood's, for
// the SEM as for the SAC). alpha
// and beta are concentrated out exactly by least squares of B A y on [B X, B D]: with
// M = I - B D ((B D)'(B D))^-1 (B D)' (a sparse Cholesky of the p x p (B D)'(B D), p the number of
// dummies) and c0, c1 the residuals of M B y and M B W y on M B X, e(rho) = c0 - rho c1 for a given
// lambda, so rho is searched (Brent) on a closed-form sum of squares inside a Brent search over
// lambda, as for the balanced SAC (spatial_panel_sac.cpp), both then polished on their scores
// (Brent locates a maximum only to about 1e-8): d ln L / d rho = J'(rho) + N (c0'c1 - rho c1'c1) / e'e
// given lambda, and, the other parameters at their optimum (envelope theorem), the profile's
// d ln L / d lambda = J'(lambda) + N e'W u / e'e with u = A y - X beta - D alpha (e = B u), where
// J'(r) = -sum_t tr(W_t (I - r W_t)^-1). The Jacobians are PanelJacobian's
// (one log-determinant per distinct W_t). Two-way: the first period's dummy is left out (the unit
// dummies sum to one); pooled: no dummies, the intercept among the regressors.
//
// Variance: the inverse of minus the Hessian of ln L in (rho, lambda, beta, ln sigma^2), alpha
// concentrated out (a likelihood profiled over alpha has the same block of the inverse observed
// information as the full one), by central differences (numeric_hessian.hpp): e'e is quadratic in
// (rho, beta) given lambda, so their differences are exact but for the Jacobian's, and ln sigma^2
// keeps the step in scale. The balanced SAC's analytic (expected) information (Lee and Yu 2010,
// eq. 39) assumes one W and the within transformation; on the balanced Produc panel with unit
// effects the two fits coincide and the observed information's SEs differ from splm's by 13% (rho),
// 18% (lambda) and 1% to 4% (beta). Like every fixed-effects ML without the Lee-Yu correction,
// sigma^2 = e'e / N is biased down by the effects (about (T-1)/T with unit effects).
#include <fmt/format.h>

#include <Eigen/LU>
#include <Eigen/QR>
#include <Eigen/SparseCholesky>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/numeric_hessian.hpp"
#include "cbec/estimate/spatial_models/panel_jacobian.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"

namespace cbec {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

using SparseColMatrix = Eigen::SparseMatrix<double>;

// The block-diagonal W of the stacked observations: W_t on the rows of period t.
SparseColMatrix stacked_weights(const SpatialPanelData& d) {
  std::vector<Eigen::Triplet<double>> entries;
  for (size_t t = 0; t < d.n_periods; ++t) {
    const auto& rows = d.period_rows[t];
    const SparseRowMatrix& w = d.weights[d.period_weights[t]];
    for (long i = 0; i < w.outerSize(); ++i)
      for (SparseRowMatrix::InnerIterator it(w, i); it; ++it) entries.emplace_back(rows[static_cast<size_t>(i)], rows[static_cast<size_t>(it.col())], it.value());
  }
  SparseColMatrix m(d.y.size(), d.y.size());
  m.setFromTriplets(entries.begin(), entries.end());
  return m;
}

// The effect dummies D, one column per unit (individual, twoways) and per period (time; twoways:
// all but the first); none when pooled.
SparseColMatrix effect_dummies(const SpatialPanelData& d, SpatialPanelEffect e) {
  const bool units = absorbs_units(e), periods = absorbs_periods(e);
  const long first = e == SpatialPanelEffect::Twoways ? 1 : 0;
  const long unit_cols = units ? static_cast<long>(d.n_units) : 0;
  const long cols = unit_cols + (periods ? static_cast<long>(d.n_periods) - first : 0);
  std::vector<Eigen::Triplet<double>> entries;
  for (long r = 0; r < d.y.size(); ++r) {
    if (units) entries.emplace_back(r, d.unit[static_cast<size_t>(r)], 1.0);
    const long t = d.period[static_cast<size_t>(r)];
    if (periods && t >= first) entries.emplace_back(r, unit_cols + t - first, 1.0);
  }
  SparseColMatrix m(d.y.size(), cols);
  m.setFromTriplets(entries.begin(), entries.end());
  return m;
}

struct SacLikelihood {
  const SpatialPanelData& d;
  PanelJacobian jacobian;         // sum_t ln|I - r W_t|, for rho and lambda alike
  SparseColMatrix w, dummies, lagged_dummies;   // the block-diagonal W, D and W D
  Eigen::MatrixXd v, wv;          // [y, W y, X] and W [y, W y, X]
  double n = 0;
  long k = 0;

  // M B [y, W y, X]: the columns filtered by B = I - lambda W and residualized on B D, with their
  // coefficients on B D.
  struct Filtered {
    Eigen::MatrixXd f, coef;
  };
  Filtered filtered(double lambda) const {
    Filtered out{v - lambda * wv, Eigen::MatrixXd::Zero(dummies.cols(), v.cols())};
    if (dummies.cols() == 0) return out;
    const SparseColMatrix bd = dummies - lambda * lagged_dummies;
    const Eigen::SimplicialLDLT<SparseColMatrix> chol(SparseColMatrix(bd.transpose() * bd));
    if (chol.info() != Eigen::Success) throw NumericError(fmt::format("the effect dummies filtered by (I - lambda W_t) are singular at lambda = {}", lambda));
    // normal equations, then one step of iterative refinement
    for (int step = 0; step < 2; ++step) {
      const Eigen::MatrixXd a = chol.solve(Eigen::MatrixXd(bd.transpose() * out.f));
      out.f -= bd * a;
      out.coef += a;
    }
    return out;
  }

  // Given lambda, the residuals c0, c1 of M B y and M B W y on M B X: e(rho) = c0 - rho c1.
  struct Given {
    double lambda = 0, c00 = 0, c01 = 0, c11 = 0;
    Eigen::VectorXd b0, b1, c0, c1;
    Eigen::MatrixXd coef;         // the columns' coefficients on B D
  };
  Given given(double lambda) const {
    Filtered fl = filtered(lambda);
    const Eigen::MatrixXd x = fl.f.rightCols(k);
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
    Given g;
    g.lambda = lambda;
    g.b0 = qr.solve(fl.f.col(0));
    g.b1 = qr.solve(fl.f.col(1));
    g.c0 = fl.f.col(0) - x * g.b0;
    g.c1 = fl.f.col(1) - x * g.b1;
    g.c00 = g.c0.squaredNorm();
    g.c01 = g.c0.dot(g.c1);
    g.c11 = g.c1.squaredNorm();
    g.coef = std::move(fl.coef);
    return g;
  }
  static double rss(const Given& g, double rho) { return g.c00 - 2 * rho * g.c01 + rho * rho * g.c11; }
  // ln L with sigma^2 = e'e / N
  double concentrated(const Given& g, double rho) const {
    return jacobian(rho) + jacobian(g.lambda) - n / 2 * (std::log(kTwoPi * rss(g, rho) / n) + 1);
  }
  double rho_score(const Given& g, double rho) const { return jacobian.derivative(rho) + n * (g.c01 - rho * g.c11) / rss(g, rho); }
  // d ln L / d lambda at rho, beta and alpha optimal given lambda: J'(lambda) + N e'W u / e'e
  double lambda_score(const Given& g, double rho) const {
    Eigen::VectorXd c(k + 2);
    c << 1, -rho, -(g.b0 - rho * g.b1);
    const Eigen::VectorXd u = v * c - dummies * (g.coef * c);
    const Eigen::VectorXd e = g.c0 - rho * g.c1, wu = w * u;
    return jacobian.derivative(g.lambda) + n * e.dot(wu) / e.squaredNorm();
  }
  // ln L at theta = (rho, lambda, beta, ln sigma^2), alpha concentrated out
  double loglik(const Eigen::VectorXd& theta) const {
    const Eigen::MatrixXd f = filtered(theta[1]).f;
    const Eigen::VectorXd e = f.col(0) - theta[0] * f.col(1) - f.rightCols(k) * theta.segment(2, k);
    const double ls2 = theta[k + 2];
    return jacobian(theta[0]) + jacobian(theta[1]) - n / 2 * (std::log(kTwoPi) + ls2) - e.squaredNorm() / (2 * std::exp(ls2));
  }
};

}  // namespace

SpatialPanelResult spatial_panel_effect_dummies(const SpatialPanelData& d, const SpatialPanelOptions& o) {
  const bool lag = o.model == SpatialPanelModel::Sac;   // else the SEM: rho = 0
  const std::string model = lag ? "sac" : "sem";
  if (o.lags == PanelLags::Splm)
    throw SpecError(fmt::format("model {} on an unbalanced panel: lags = splm (W applied to the demeaned variables) is defined for balanced panels only; "
                                "give lags = within (the likelihood with the effect dummies)", model));
  if (o.lee_yu) throw SpecError(fmt::format("lee_yu: the Lee-Yu correction needs a balanced panel (every unit in every period); model {} on an unbalanced panel is not corrected", model));
  const long k = d.X.cols();
  if (k == 0) throw SpecError("the spatial panel model needs at least one regressor");
  const bool has_intercept = !d.x_names.empty() && d.x_names[0] == "(Intercept)";
  if (has_intercept && o.effect != SpatialPanelEffect::Pooled) throw SpecError("fixed effects absorb the intercept: drop it from the regressors");

  SacLikelihood p{d, panel_jacobian(d, o.log_det), stacked_weights(d), effect_dummies(d, o.effect), {}, {}, {}, static_cast<double>(d.y.size()), k};
  const long n_dummies = p.dummies.cols();
  if (d.y.size() <= k + 2 + n_dummies)
    throw DataError(fmt::format("{} observations are too few for {} regressors, the spatial parameters and {} effects", d.y.size(), k, n_dummies));
  p.lagged_dummies = SparseColMatrix(p.w * p.dummies);
  p.v.resize(d.y.size(), k + 2);
  p.v.col(0) = d.y;
  p.v.col(1) = p.w * d.y;
  p.v.rightCols(k) = d.X;
  p.wv = p.w * p.v;
  refuse_dependent_regressors(p.filtered(0).f.rightCols(k), d.X, d.x_names, o.effect);

  const auto iv = p.jacobian.interval;
  const std::pair<double, double> interior = search_interior(iv);
  const double lo = interior.first, hi = interior.second;
  // Each search from the best of a grid of cell midpoints: the profiles can have two peaks.
  auto best_rho = [&](const SacLikelihood::Given& g) {
    if (!lag) return 0.0;
    const double r =
        detail::maximize_on_grid([&](double x) { return p.concentrated(g, x); }, {lo, hi}, kSpatialPanelGridCells, detail::GridPlacement::Midpoints).first;
    return polish([&](double x) { return p.rho_score(g, x); }, r, lo, hi);
  };
  const double lambda0 = detail::maximize_on_grid([&](double l) {
    const SacLikelihood::Given g = p.given(l);
    return p.concentrated(g, best_rho(g));
  }, {lo, hi}, kSpatialPanelGridCells, detail::GridPlacement::Midpoints, true, 2).first;
  const double lambda = polish([&](double l) {
    const SacLikelihood::Given g = p.given(l);
    return p.lambda_score(g, best_rho(g));
  }, lambda0, lo, hi);
  const SacLikelihood::Given g = p.given(lambda);
  const double rho = best_rho(g);
  const Eigen::VectorXd beta = g.b0 - rho * g.b1;
  const double rss = SacLikelihood::rss(g, rho), s2 = rss / p.n;

  // The observed information in (rho, lambda, beta, ln sigma^2), or without rho for the SEM.
  const long first = lag ? 0 : 1;
  Eigen::VectorXd theta(k + 3);
  theta << rho, lambda, beta, std::log(s2);
  const Eigen::VectorXd free = theta.tail(k + 3 - first);
  const Eigen::MatrixXd hess = numeric_hessian([&](const Eigen::VectorXd& t) {
    Eigen::VectorXd all(k + 3);
    all << (lag ? t[0] : 0.0), t.tail(k + 2);
    return p.loglik(all);
  }, free);
  const Eigen::MatrixXd cov = (-hess).inverse().topLeftCorner(k + 2 - first, k + 2 - first);

  SpatialPanelResult r;
  r.model = model;
  r.effect = spatial_panel_effect_name(o.effect);
  r.spatial = lag ? rho : lambda;   // as the other models: the SEM's lambda is its spatial parameter
  if (lag) r.spatial_error = lambda;
  r.sigma2 = s2;
  r.loglik = r.loglik_concentrated = p.concentrated(g, rho);
  r.rss = rss;
  r.interval = iv;
  r.balanced = d.balanced();
  r.lags = "within: the likelihood with the effect dummies filtered by (I - lambda W_t)";
  r.log_det = log_det_method_name(p.jacobian.logdet.front().method());
  r.traces = "none: observed information by numerical Hessian";
  r.n_units = d.n_units;
  r.n_periods = d.n_periods;

  RegressionResult& reg = r.reg;
  reg.estimator = "spatial_panel_" + model;
  reg.depvar = d.depvar;
  reg.terms = lag ? std::vector<std::string>{"rho", "lambda"} : std::vector<std::string>{"lambda"};
  reg.terms.insert(reg.terms.end(), d.x_names.begin(), d.x_names.end());
  reg.coef = theta.segment(first, k + 2 - first);
  reg.vcov = cov;
  reg.vcov_info.type = "ml";
  reg.vcov_info.df = std::numeric_limits<double>::infinity();
  reg.vcov_info.small_sample = "none: inverse of the observed information (numerical Hessian of the log-likelihood, the effects concentrated out), z tests";
  reg.nobs = static_cast<size_t>(d.y.size());
  reg.df_resid = p.n - static_cast<double>(k + 2 - first + n_dummies);
  reg.fit["sigma2"] = s2;
  reg.fit["loglik"] = r.loglik;
  reg.fit["rss"] = rss;
  reg.fixed_effects = absorbed_dimensions(d, o.effect);
  warn_at_bound({lag ? rho : 0.0, lambda}, iv, reg.warnings);
  if (!(cov.diagonal().array() > 0).all())
    reg.warnings.push_back("the numerical Hessian of the log-likelihood is not negative definite here: the standard errors should not be used");
  return r;
}

}  // namespace cbec
