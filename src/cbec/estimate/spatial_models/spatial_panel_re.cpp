#include "cbec/estimate/spatial_models/spatial_panel_re.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <Eigen/QR>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/numeric_hessian.hpp"
#include "cbec/estimate/spatial_models/panel_jacobian.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"
#include "cbec/estimate/spatial_models/spatial_re_covariance.hpp"

namespace cbec {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;
// splm's bounds on phi (sarREmod: 1e-8 to 1e8)
constexpr double kPhiMin = 1e-8, kPhiMax = 1e8;

struct Problem {
  bool lag = false, error = false;
  PanelJacobian jacobian;              // sum_t ln|I - r W_t|
  std::optional<SpatialReCovariance> sigma;   // z'Sigma^-1 z and ln|Sigma|^-1/2 (spatial_re_covariance.hpp)
  double nt = 0;
  long k = 0;
  // y and W y enter the moments as their residuals from least squares on X, y - X c_y and
  // W y - X c_wy: beta's GLS estimate moves by c_y - rho c_wy and nothing else changes, but
  // e'Sigma^-1 e = y'Sigma^-1 y - y'Sigma^-1 X beta no longer cancels the digits of the levels'
  // squares (on Produc that left noise of ~1e-9 in ln L, 1e-3 in the numerical Hessian in phi).
  Eigen::VectorXd shift_y, shift_wy;

  struct Gls {
    Eigen::VectorXd beta;
    Eigen::MatrixXd xsx;               // X'Sigma^-1 X
    double sigma2 = 0, loglik = 0;
  };

  // GLS at (phi, lambda, rho) and the log-likelihood concentrated in beta and sigma^2.
  Gls gls(double phi, double lambda, double rho) const {
    const auto [g, ldet] = (*sigma)(phi, lambda);
    const long off = lag ? 2 : 1;
    Gls r;
    if (std::isinf(ldet)) {   // lambda not admissible (spatial_re_covariance.cpp)
      r.loglik = -std::numeric_limits<double>::infinity();
      return r;
    }
    r.xsx = g.bottomRightCorner(k, k);
    Eigen::VectorXd xsy = g.block(off, 0, k, 1);
    double ysy = g(0, 0);
    if (lag) {
      xsy -= rho * g.block(off, 1, k, 1);
      ysy += -2 * rho * g(0, 1) + rho * rho * g(1, 1);
    }
    r.beta = r.xsx.ldlt().solve(xsy);
    r.sigma2 = (ysy - xsy.dot(r.beta)) / nt;
    r.beta += shift_y;
    if (lag) r.beta -= rho * shift_wy;
    r.loglik = -nt / 2 * (std::log(kTwoPi) + 1 + std::log(r.sigma2)) + ldet + (lag ? jacobian(rho) : 0.0);
    return r;
  }
};

}  // namespace

SpatialPanelResult spatial_panel_re(const SpatialPanelData& d, const SpatialPanelOptions& o) {
  if (o.model == SpatialPanelModel::Sdm) {   // the Durbin model: the SAR-RE likelihood with W X among the regressors
    SpatialPanelOptions sar = o;
    sar.model = SpatialPanelModel::Sar;
    SpatialPanelResult r = spatial_panel_re(with_durbin_regressors(d, o.durbin_terms), sar);
    r.model = "sdm";
    r.reg.estimator = "spatial_panel_re_sdm";
    return r;
  }
  if (o.lee_yu) throw SpecError("lee_yu: the Lee-Yu correction is for fixed effects, not random effects");
  refuse_constant_response(d.y, d.y, d.depvar, SpatialPanelEffect::Random);
  const bool error = o.model == SpatialPanelModel::Sem || o.model == SpatialPanelModel::Sac;
  Problem p{o.model == SpatialPanelModel::Sar || o.model == SpatialPanelModel::Sac, error, {}, {}, 0, d.X.cols(), {}, {}};
  p.nt = static_cast<double>(d.y.size());
  if (p.k == 0) throw SpecError("the spatial panel model needs at least one regressor");
  if (p.nt <= static_cast<double>(p.k + 2)) throw DataError(fmt::format("{} observations are too few for {} regressors", d.y.size(), p.k));
  if (d.n_periods < 2) throw DataError("effect random needs at least two periods");
  p.jacobian = panel_jacobian(d, o.log_det);
  const std::pair<double, double> iv = p.jacobian.interval;

  // z = [y, W y, X]: W_t y_t per period (the lag models only)
  Eigen::MatrixXd z(d.y.size(), (p.lag ? 2 : 1) + p.k);
  z.col(0) = d.y;
  if (p.lag) z.col(1) = panel_spatial_lag(d, d.y);
  z.rightCols(p.k) = d.X;
  {
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(d.X);
    p.shift_y = qr.solve(d.y);
    z.col(0) -= d.X * p.shift_y;
    if (p.lag) {
      p.shift_wy = qr.solve(z.col(1));
      z.col(1) -= d.X * p.shift_wy;
    }
  }
  const Eigen::MatrixXd zz = z.transpose() * z;   // to check the regressors
  p.sigma.emplace(d, z, !error ? SpatialErrorProcess::None : (o.re_errors == SpatialReErrors::Kkp ? SpatialErrorProcess::Kkp : SpatialErrorProcess::Baltagi), p.jacobian);
  {
    Eigen::LDLT<Eigen::MatrixXd> check(zz.bottomRightCorner(p.k, p.k));
    if (check.info() != Eigen::Success || check.vectorD().minCoeff() <= 1e-12 * check.vectorD().maxCoeff())
      throw NumericError("the regressors are collinear: drop one");
  }

  // Nested searches: ln phi given the spatial parameters (Brent), then the error's lambda, then the
  // lag's rho (SAC: all three levels), each spatial one from the best of a grid of cell midpoints: a
  // Brent search over the whole interval stopped at a lower peak (SAC with KKP errors) or ran to
  // lambda -> 1, where the Baltagi covariance loses its digits and ln L rises by rounding. The SAC's
  // two nested grids are coarser (8 cells each) and unpolished: about 1.7 times the nested Brent
  // searches' cost.
  const std::pair<double, double> interior = search_interior(iv);
  const double lo = interior.first, hi = interior.second;
  const bool nested = p.lag && p.error;
  const int cells = nested ? 8 : kSpatialPanelGridCells;
  auto best_phi = [&](double lambda, double rho) {
    return detail::maximize_brent([&](double lp) { return p.gls(std::exp(lp), lambda, rho).loglik; }, std::log(kPhiMin), std::log(kPhiMax));
  };
  auto on_grid = [&](const std::function<double(double)>& f, int peaks) {
    return detail::maximize_on_grid(f, {lo, hi}, cells, detail::GridPlacement::Midpoints, !nested, peaks);
  };
  auto best_lambda = [&](double rho) {
    if (!p.error) return std::make_pair(0.0, best_phi(0, rho).second);
    return on_grid([&](double l) { return best_phi(l, rho).second; }, 1);
  };
  // rho from the grid's two best peaks: the SAC's likelihood has two with rho and lambda swapped
  const double rho = p.lag ? on_grid([&](double x) { return best_lambda(x).second; }, 2).first : 0.0;
  const double lambda = best_lambda(rho).first;
  const double phi = std::exp(best_phi(lambda, rho).first);
  const Problem::Gls f = p.gls(phi, lambda, rho);

  // Variance of the spatial parameters and phi, in the terms' order (rho, lambda, phi): the
  // numerical Hessian of the concentrated log-likelihood (splm's fdHess).
  std::vector<std::string> theta_names;
  std::vector<double> theta;
  if (p.lag) theta_names.push_back("rho"), theta.push_back(rho);
  if (p.error) theta_names.push_back("lambda"), theta.push_back(lambda);
  theta_names.push_back("phi"), theta.push_back(phi);
  const long m = static_cast<long>(theta.size());
  auto loglik_at = [&](const Eigen::VectorXd& v) {
    long j = 0;
    const double r = p.lag ? v[j++] : 0.0, l = p.error ? v[j++] : 0.0;
    return p.gls(v[j], l, r).loglik;
  };
  const Eigen::MatrixXd cov_theta = (-numeric_hessian(loglik_at, Eigen::Map<const Eigen::VectorXd>(theta.data(), m))).inverse();
  const long k = p.k;
  const bool sac = p.lag && p.error;
  const double s = p.lag ? rho : lambda;

  SpatialPanelResult r;
  r.model = sac ? "sac" : (p.error ? "sem" : "sar");
  r.effect = "random";
  r.errors = !p.error ? "re" : (o.re_errors == SpatialReErrors::Kkp ? "kkp" : "baltagi");
  r.spatial = s;
  r.spatial_error = sac ? lambda : 0.0;
  r.phi = phi;
  r.sigma2 = f.sigma2;
  r.sigma2_mu = phi * f.sigma2;
  r.loglik = r.loglik_concentrated = f.loglik;
  r.rss = f.sigma2 * p.nt;
  r.interval = iv;
  r.balanced = d.balanced();
  r.lags = "W y per period";
  r.log_det = log_det_method_name(p.jacobian.logdet.front().method());
  r.traces = sac ? "none: numerical Hessian of (rho, lambda, phi)" : "none: numerical Hessian of (phi, spatial parameter)";
  r.n_units = d.n_units;
  r.n_periods = d.n_periods;

  RegressionResult& g = r.reg;
  g.estimator = "spatial_panel_re_" + r.model;
  g.depvar = d.depvar;
  g.terms = theta_names;
  g.terms.insert(g.terms.end(), d.x_names.begin(), d.x_names.end());
  g.coef.resize(k + m);
  g.coef << Eigen::Map<const Eigen::VectorXd>(theta.data(), m), f.beta;
  g.vcov = Eigen::MatrixXd::Zero(k + m, k + m);
  g.vcov.topLeftCorner(m, m) = cov_theta;
  g.vcov.bottomRightCorner(k, k) = f.sigma2 * f.xsx.inverse();
  g.vcov_info.type = "ml";
  g.vcov_info.df = std::numeric_limits<double>::infinity();
  g.vcov_info.small_sample = "none: beta's sigma2 (X'Sigma^-1 X)^-1 given phi and the spatial parameter, theirs the numerical Hessian (as splm); z tests";
  g.nobs = d.y.size();
  g.df_resid = p.nt - static_cast<double>(k + m);
  g.fit["sigma2"] = f.sigma2;
  g.fit["sigma2_mu"] = r.sigma2_mu;
  g.fit["phi"] = phi;
  g.fit["loglik"] = f.loglik;
  warn_at_bound({p.lag ? rho : 0.0, p.error ? lambda : 0.0}, iv, g.warnings);
  if (phi < 1e-6) g.warnings.push_back("phi is at its lower bound: no individual random effect is found (a pooled model fits as well)");
  return r;
}

}  // namespace cbec
