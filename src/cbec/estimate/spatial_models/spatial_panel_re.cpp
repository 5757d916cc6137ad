#include "cbec/estimate/spatial_models/spatial_panel_re.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <Eigen/QR>
#include <Eigen/SparseCholesky>
#include <boost/math/tools/minima.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/numeric_hessian.hpp"
#include "cbec/estimate/spatial_models/panel_jacobian.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"

namespace cbec {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;
// splm's bounds on phi (sarREmod: 1e-8 to 1e8)
constexpr double kPhiMin = 1e-8, kPhiMax = 1e8;

// The regression's columns z = [y, W y (lag models), X] summarized for Sigma^-1 (see the header):
// with D_t = Z_t - Zbar the deviations from the unit means Zbar (n x m), and W applied per period,
//   dev0 = sum_t D_t'D_t, dev1 = sum_t D_t'W D_t, dev2 = sum_t (W D_t)'(W D_t),
//   mean0 = Zbar'Zbar,    mean1 = Zbar'W Zbar,    mean2 = (W Zbar)'(W Zbar),
// so that sum_t (B D_t)'(B D_t) = dev0 - lambda (dev1 + dev1') + lambda^2 dev2, and the same for Zbar.
struct Moments {
  Eigen::MatrixXd zbar, wzbar;
  Eigen::MatrixXd dev0, dev1, dev2, mean0, mean1, mean2;
};

Moments moments(const SpatialPanelData& d, const Eigen::MatrixXd& z) {
  const SparseRowMatrix& w = d.weights[0];
  const long n = static_cast<long>(d.n_units), m = z.cols();
  const double tp = static_cast<double>(d.n_periods);
  auto block = [&](size_t t) {
    Eigen::MatrixXd b(n, m);
    for (long i = 0; i < n; ++i) b.row(i) = z.row(d.period_rows[t][static_cast<size_t>(i)]);
    return b;
  };
  Moments s;
  s.zbar = Eigen::MatrixXd::Zero(n, m);
  for (size_t t = 0; t < d.n_periods; ++t) s.zbar += block(t);
  s.zbar /= tp;
  s.wzbar = w * s.zbar;
  s.dev0 = s.dev1 = s.dev2 = Eigen::MatrixXd::Zero(m, m);
  for (size_t t = 0; t < d.n_periods; ++t) {
    const Eigen::MatrixXd dt = block(t) - s.zbar;
    const Eigen::MatrixXd wdt = w * dt;
    s.dev0 += dt.transpose() * dt;
    s.dev1 += dt.transpose() * wdt;
    s.dev2 += wdt.transpose() * wdt;
  }
  s.mean0 = s.zbar.transpose() * s.zbar;
  s.mean1 = s.zbar.transpose() * s.wzbar;
  s.mean2 = s.wzbar.transpose() * s.wzbar;
  return s;
}

// Without a spatial error (SAR-RE, SDM-RE) Sigma^-1 is block-diagonal by unit, so an unbalanced
// panel needs only each unit's number of periods T_i: Sigma_i^-1 = E_{T_i} + Jbar_{T_i} / (T_i phi + 1)
// and ln|Sigma|^-1/2 = -1/2 sum_i ln(T_i phi + 1) (Baltagi 2013, Econometric Analysis of Panel Data,
// 5th ed., section 9.2, the unbalanced one-way error component model). With D the deviations from
// the unit means zbar_i: dev0 = D'D and, per distinct T_i, the units' count and sum_i zbar_i zbar_i',
// so that z'Sigma^-1 z = dev0 + sum over T_i of T_i / (T_i phi + 1) sum_i zbar_i zbar_i'.
struct UnitMoments {
  Eigen::MatrixXd dev0;
  std::vector<double> length, units;   // per distinct T_i: T_i and its number of units
  std::vector<Eigen::MatrixXd> means;  // per distinct T_i: sum_i zbar_i zbar_i'
};

UnitMoments unit_moments(const SpatialPanelData& d, const Eigen::MatrixXd& z) {
  const long m = z.cols();
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(static_cast<long>(d.n_units), m);
  std::vector<double> periods(d.n_units, 0.0);
  for (long r = 0; r < z.rows(); ++r) {
    sum.row(d.unit[static_cast<size_t>(r)]) += z.row(r);
    periods[static_cast<size_t>(d.unit[static_cast<size_t>(r)])] += 1;
  }
  UnitMoments u;
  u.dev0 = Eigen::MatrixXd::Zero(m, m);
  for (long r = 0; r < z.rows(); ++r) {
    const long i = d.unit[static_cast<size_t>(r)];
    const Eigen::RowVectorXd dev = z.row(r) - sum.row(i) / periods[static_cast<size_t>(i)];
    u.dev0 += dev.transpose() * dev;
  }
  for (size_t i = 0; i < d.n_units; ++i) {
    if (periods[i] == 0) continue;
    const Eigen::RowVectorXd mean = sum.row(static_cast<long>(i)) / periods[i];
    size_t g = 0;
    while (g < u.length.size() && u.length[g] != periods[i]) ++g;
    if (g == u.length.size()) u.length.push_back(periods[i]), u.units.push_back(0), u.means.push_back(Eigen::MatrixXd::Zero(m, m));
    u.units[g] += 1;
    u.means[g] += mean.transpose() * mean;
  }
  return u;
}

struct Problem {
  const SpatialPanelData& d;
  bool lag = false, error = false, kkp = false;
  Moments mom;                         // the spatial error models (balanced panels)
  UnitMoments unit_mom;                // the models without a spatial error (balanced or not)
  PanelJacobian jacobian;              // sum_t ln|I - r W_t|
  Eigen::SparseMatrix<double> w, id;   // W and I_n (column-major, for the sparse Cholesky)
  double n = 0, tp = 0, nt = 0;
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

  // z'Sigma^-1 z and ln|Sigma|^-1/2 at (phi, lambda) (Baltagi et al. 2003, eq. 2.9; see the header).
  std::pair<Eigen::MatrixXd, double> weighted(double phi, double lambda) const {
    if (!error) {
      Eigen::MatrixXd g = unit_mom.dev0;
      double ldet = 0;
      for (size_t j = 0; j < unit_mom.length.size(); ++j) {
        const double ci = unit_mom.length[j] * phi + 1;
        g += unit_mom.length[j] / ci * unit_mom.means[j];
        ldet -= unit_mom.units[j] / 2 * std::log(ci);
      }
      return {g, ldet};
    }
    const double c = tp * phi + 1;
    const Eigen::MatrixXd dev = mom.dev0 - lambda * (mom.dev1 + mom.dev1.transpose()) + lambda * lambda * mom.dev2;
    const double jac = jacobian(lambda);
    if (kkp) {
      // Kapoor et al. (2007): (Jbar / (T phi + 1) + E) (x) B'B
      const Eigen::MatrixXd mean = mom.mean0 - lambda * (mom.mean1 + mom.mean1.transpose()) + lambda * lambda * mom.mean2;
      return {dev + tp / c * mean, -n / 2 * std::log(c) + jac};
    }
    // Baltagi et al. (2003, eq. 2.9): the means' block T Zbar' (T phi I + (B'B)^-1)^-1 Zbar
    // = T Zbar' (I + T phi B'B)^-1 B'B Zbar, with ln|T phi I + (B'B)^-1| = ln|I + T phi B'B| - 2 ln|B|.
    const Eigen::SparseMatrix<double> b = id - lambda * w;
    const Eigen::SparseMatrix<double> btb = Eigen::SparseMatrix<double>(b.transpose()) * b;
    const Eigen::SparseMatrix<double> kmat = id + tp * phi * btb;
    Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> ldlt(kmat);
    if (ldlt.info() != Eigen::Success) throw NumericError("I + T phi B'B could not be factorized");
    const Eigen::MatrixXd bz = mom.zbar - lambda * mom.wzbar;
    const Eigen::MatrixXd btbz = Eigen::MatrixXd(b.transpose() * bz);
    const Eigen::MatrixXd solved = ldlt.solve(btbz);
    const double ldet_k = ldlt.vectorD().array().log().sum();
    return {dev + tp * mom.zbar.transpose() * solved, -0.5 * ldet_k + jac};
  }

  // GLS at (phi, lambda, rho) and the log-likelihood concentrated in beta and sigma^2.
  Gls gls(double phi, double lambda, double rho) const {
    const auto [g, ldet] = weighted(phi, lambda);
    const long off = lag ? 2 : 1;
    Gls r;
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

template <class F>
std::pair<double, double> brent_max(F f, double lo, double hi) {
  std::uintmax_t it = 500;
  const auto r = boost::math::tools::brent_find_minima([&](double x) { return -f(x); }, lo, hi, std::numeric_limits<double>::digits / 2, it);
  return {r.first, -r.second};
}

}  // namespace

SpatialPanelResult spatial_panel_re(const SpatialPanelData& d, const SpatialPanelOptions& o) {
  if (o.model == SpatialPanelModel::Sdm) {   // the Durbin model: the SAR-RE likelihood with W X among the regressors
    SpatialPanelOptions sar = o;
    sar.model = SpatialPanelModel::Sar;
    SpatialPanelResult r = spatial_panel_re(with_durbin_regressors(d), sar);
    r.model = "sdm";
    r.reg.estimator = "spatial_panel_re_sdm";
    return r;
  }
  if (o.lee_yu) throw SpecError("lee_yu: the Lee-Yu correction is for fixed effects, not random effects");
  const bool error = o.model == SpatialPanelModel::Sem || o.model == SpatialPanelModel::Sac;
  if (error && !d.balanced()) {
    size_t present = 0;
    for (const auto& rows : d.period_rows) present += rows.size();
    throw DataError(fmt::format("effect random with a spatial error (sem, sac) needs a balanced panel (every unit in every period, as splm's spml): {} of {} "
                                "unit-periods are present; sar and sdm with random effects, and fixed effects (individual, time, twoways), take unbalanced panels",
                                present, d.n_units * d.n_periods));
  }
  Problem p{d, o.model == SpatialPanelModel::Sar || o.model == SpatialPanelModel::Sac, error, o.re_errors == SpatialReErrors::Kkp, {}, {}, {}, {}, {}, 0, 0, 0, d.X.cols(), {}, {}};
  p.n = static_cast<double>(d.n_units);
  p.tp = static_cast<double>(d.n_periods);
  p.nt = static_cast<double>(d.y.size());
  if (p.k == 0) throw SpecError("the spatial panel model needs at least one regressor");
  if (p.nt <= static_cast<double>(p.k + 2)) throw DataError(fmt::format("{} observations are too few for {} regressors", d.y.size(), p.k));
  if (d.n_periods < 2) throw DataError("effect random needs at least two periods");
  p.jacobian = panel_jacobian(d, o.log_det);
  const std::pair<double, double> iv = p.jacobian.interval;
  p.w = Eigen::SparseMatrix<double>(d.weights[0]);
  p.id.resize(p.w.rows(), p.w.cols());
  p.id.setIdentity();

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
  Eigen::MatrixXd zz;   // z'z, to check the regressors
  if (p.error) {
    p.mom = moments(d, z);
    zz = p.mom.dev0 + p.tp * p.mom.mean0;
  } else {
    p.unit_mom = unit_moments(d, z);
    zz = p.unit_mom.dev0;
    for (size_t j = 0; j < p.unit_mom.length.size(); ++j) zz += p.unit_mom.length[j] * p.unit_mom.means[j];
  }
  {
    Eigen::LDLT<Eigen::MatrixXd> check(zz.bottomRightCorner(p.k, p.k));
    if (check.info() != Eigen::Success || check.vectorD().minCoeff() <= 1e-12 * check.vectorD().maxCoeff())
      throw NumericError("the regressors are collinear: drop one");
  }

  // Nested Brent searches: ln phi given the spatial parameters, then the error's lambda, then the
  // lag's rho (SAC: all three levels).
  const double span = iv.second - iv.first;
  const double lo = iv.first + 1e-9 * span, hi = iv.second - 1e-9 * span;
  auto best_phi = [&](double lambda, double rho) {
    return brent_max([&](double lp) { return p.gls(std::exp(lp), lambda, rho).loglik; }, std::log(kPhiMin), std::log(kPhiMax));
  };
  auto best_lambda = [&](double rho) {
    if (!p.error) return std::make_pair(0.0, best_phi(0, rho).second);
    return brent_max([&](double l) { return best_phi(l, rho).second; }, lo, hi);
  };
  const double rho = p.lag ? brent_max([&](double x) { return best_lambda(x).second; }, lo, hi).first : 0.0;
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
  r.errors = !p.error ? "re" : (p.kkp ? "kkp" : "baltagi");
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
  for (double v : {p.lag ? rho : 0.0, p.error ? lambda : 0.0})
    if (std::fabs(v - iv.first) < 1e-6 * span || std::fabs(v - iv.second) < 1e-6 * span)
      g.warnings.push_back("a spatial parameter is at the bound of its admissible interval: the estimate should not be used");
  if (phi < 1e-6) g.warnings.push_back("phi is at its lower bound: no individual random effect is found (a pooled model fits as well)");
  return r;
}

}  // namespace cbec
