// The dynamic spatial panel by quasi-ML with the Yu-de Jong-Lee / Lee-Yu bias correction: see
// spatial_dynamic_panel.hpp for the model, the formulas and their sources.
#include "cbec/estimate/spatial_models/spatial_dynamic_panel.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <cmath>
#include <complex>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "cbec/stats/eigen_threads.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// The transformed panel: y, W*y and Z stacked period after period (observation i + t n*), W*.
struct Transformed {
  MatrixXd w;        // W* (n* x n*)
  VectorXd y, wy;
  MatrixXd z;
  long n = 0, periods = 0;
};

// One variable as an n x T matrix (column t: period t in the order of W's rows).
MatrixXd by_period(const SpatialPanelData& d, const VectorXd& v) {
  MatrixXd m(static_cast<long>(d.n_units), static_cast<long>(d.n_periods));
  for (size_t t = 0; t < d.n_periods; ++t)
    for (size_t i = 0; i < d.period_rows[t].size(); ++i) m(static_cast<long>(i), static_cast<long>(t)) = v[d.period_rows[t][i]];
  return m;
}

// F_{n,n-1}: an orthonormal basis of the vectors orthogonal to l (Helmert's), as LY section 2;
// the estimates do not depend on which basis.
MatrixXd helmert_basis(long n) {
  MatrixXd f = MatrixXd::Zero(n, n - 1);
  for (long j = 1; j < n; ++j) {
    const double s = std::sqrt(static_cast<double>(j) * static_cast<double>(j + 1));
    f.col(j - 1).head(j).setConstant(1.0 / s);
    f(j, j - 1) = -static_cast<double>(j) / s;
  }
  return f;
}

Transformed transform(const SpatialPanelData& d, const SpatialDynamicOptions& o, const MatrixXd& w0) {
  const long k = d.X.cols();
  std::vector<MatrixXd> cols;   // y_{t-1}, W y_{t-1}, X, [W X], each n x T
  cols.push_back(by_period(d, d.X.col(k - 2)));
  cols.push_back(by_period(d, d.X.col(k - 1)));
  for (long j = 0; j < k - 2; ++j) cols.push_back(by_period(d, d.X.col(j)));
  if (o.model == SpatialPanelModel::Sdm)
    for (long j = 0; j < k - 2; ++j) cols.push_back(w0 * cols[static_cast<size_t>(j + 2)]);
  MatrixXd y = by_period(d, d.y);
  Transformed t;
  t.w = w0;
  if (o.effect == SpatialPanelEffect::Twoways) {
    // LY section 2: F' removes the time effects, W* = F'WF
    const MatrixXd f = helmert_basis(w0.rows());
    t.w = f.transpose() * w0 * f;
    y = f.transpose() * y;
    for (auto& c : cols) c = f.transpose() * c;
  }
  // the unit effects: each unit's mean over the periods (YJL section 2)
  auto demean = [](MatrixXd m) { return (m.colwise() - m.rowwise().mean()).eval(); };
  y = demean(y);
  t.n = y.rows();
  t.periods = y.cols();
  t.y = y.reshaped();
  t.wy = (t.w * y).reshaped();
  t.z.resize(t.y.size(), static_cast<long>(cols.size()));
  for (size_t j = 0; j < cols.size(); ++j) t.z.col(static_cast<long>(j)) = demean(cols[j]).reshaped();
  return t;
}

// (I_T x M) v for v stacked period after period.
VectorXd per_period(const MatrixXd& m, const VectorXd& v) {
  return (m * v.reshaped(m.cols(), v.size() / m.cols())).reshaped();
}

struct Information {
  MatrixXd sigma;    // information of (b, rho, sigma2) over N (SDPDmod's f_SIG / (nT))
  MatrixXd omega;    // fourth-moment term (f_OMG)
  MatrixXd s_inv, g; // S^-1, G = W S^-1
};

// YJL theorem 2, as SDPDmod's f_SIG and f_OMG, at (b, rho, sigma2).
Information information(const Transformed& t, const VectorXd& b, double rho, double s2) {
  const long n = t.n, kz = t.z.cols();
  const double nt = static_cast<double>(t.y.size()), T = static_cast<double>(t.periods);
  Information in;
  in.s_inv = (MatrixXd::Identity(n, n) - rho * t.w).partialPivLu().inverse();
  in.g = t.w * in.s_inv;
  const VectorXd zb = t.z * b;
  const VectorXd gzb = per_period(in.g, zb);
  MatrixXd s = MatrixXd::Zero(kz + 2, kz + 2);
  s.topLeftCorner(kz, kz) = t.z.transpose() * t.z / s2;
  s.col(kz).head(kz) = t.z.transpose() * gzb / s2;
  s.row(kz).head(kz) = s.col(kz).head(kz).transpose();
  s(kz, kz) = gzb.squaredNorm() / s2 + T * ((in.g * in.g).trace() + in.g.squaredNorm());
  s(kz + 1, kz + 1) = nt / (2 * s2 * s2);
  s(kz, kz + 1) = s(kz + 1, kz) = T * in.g.trace() / s2;
  in.sigma = s / nt;
  // the fourth moment of SDPDmod's residuals y - (I_T x S^-1) Z b
  const VectorXd r = t.y - per_period(in.s_inv, zb);
  const double mu4 = r.array().square().square().sum() / nt;
  const VectorXd dg = in.g.diagonal();
  in.omega = MatrixXd::Zero(kz + 2, kz + 2);
  in.omega(kz, kz) = dg.squaredNorm() / static_cast<double>(n);
  in.omega(kz, kz + 1) = in.omega(kz + 1, kz) = in.g.trace() / (2 * s2 * static_cast<double>(n));
  in.omega(kz + 1, kz + 1) = 1 / (4 * s2 * s2);
  in.omega *= (mu4 - 3 * s2 * s2) / (s2 * s2);
  return in;
}

// The variance (Sigma^-1 + Sigma^-1 Omega Sigma^-1) / N of (b, rho, sigma2).
MatrixXd sandwich(const Information& in, double nt) {
  const MatrixXd si = in.sigma.inverse();
  return (si + si * in.omega * si) / nt;
}

// SpatialPanelResult of (b, rho, sigma2) with its variance: terms rho, then Z's.
SpatialPanelResult as_result(const std::vector<std::string>& names, const VectorXd& theta, const MatrixXd& v, const SpatialDynamicOptions& o) {
  const long kz = theta.size() - 2;
  SpatialPanelResult r;
  r.reg.estimator = "spatial_dynamic_qml";
  r.reg.terms.push_back("rho");
  r.reg.terms.insert(r.reg.terms.end(), names.begin(), names.end());
  std::vector<long> idx{kz};
  for (long j = 0; j < kz; ++j) idx.push_back(j);
  r.reg.coef.resize(kz + 1);
  r.reg.vcov.resize(kz + 1, kz + 1);
  for (long a = 0; a <= kz; ++a) {
    r.reg.coef[a] = theta[idx[static_cast<size_t>(a)]];
    for (long b = 0; b <= kz; ++b) r.reg.vcov(a, b) = v(idx[static_cast<size_t>(a)], idx[static_cast<size_t>(b)]);
  }
  r.reg.df_resid = std::numeric_limits<double>::infinity();
  r.reg.vcov_info.type = "qml-sandwich";   // YJL theorem 2: Sigma^-1 + Sigma^-1 Omega Sigma^-1
  r.reg.vcov_info.df = std::numeric_limits<double>::infinity();
  r.model = o.model == SpatialPanelModel::Sdm ? "sdm" : "sar";
  r.effect = spatial_panel_effect_name(o.effect);
  r.spatial = theta[kz];
  r.sigma2 = theta[kz + 1];
  r.lags = "within";
  r.log_det = "eigenvalues";
  r.traces = "exact";
  return r;
}

// The impacts at (rho, gamma, eta, beta, theta): columns direct, indirect, total short run, then
// long run; a row per regressor (Elhorst 2014, section 4.3).
MatrixXd impacts_at(const MatrixXd& w, const VectorXd& coef, long px, bool durbin) {
  const long n = w.rows();
  const double rho = coef[0], gamma = coef[1], eta = coef[2], dn = static_cast<double>(n);
  const MatrixXd id = MatrixXd::Identity(n, n);
  const MatrixXd s = (id - rho * w).partialPivLu().inverse();
  const MatrixXd l = ((1 - gamma) * id - (rho + eta) * w).partialPivLu().inverse();
  const MatrixXd sw = s * w, lw = l * w;
  MatrixXd out(px, 6);
  for (long p = 0; p < px; ++p) {
    const double beta = coef[3 + p], theta = durbin ? coef[3 + px + p] : 0.0;
    out(p, 0) = (beta * s.trace() + theta * sw.trace()) / dn;
    out(p, 2) = (beta * s.sum() + theta * sw.sum()) / dn;
    out(p, 3) = (beta * l.trace() + theta * lw.trace()) / dn;
    out(p, 5) = (beta * l.sum() + theta * lw.sum()) / dn;
  }
  out.col(1) = out.col(2) - out.col(0);
  out.col(4) = out.col(5) - out.col(3);
  return out;
}

double standard_normal(Rng& rng) {  // Box-Muller
  const double u1 = uniform01(rng), u2 = uniform01(rng);
  return std::sqrt(-2 * std::log(1 - u1)) * std::cos(2 * M_PI * u2);
}

// Point impacts at the estimates and, with draws, their SEs: the standard deviations over draws of
// (rho, coefficients) from N(estimates, vcov), as SDPDmod's impactsSDPDm (whose point values are
// the draws' means; here the impacts at the estimates), keeping draws with rho in its interval.
DynamicImpacts dynamic_impacts(const MatrixXd& w, const SpatialPanelResult& r, const std::vector<std::string>& x_names, bool durbin, int draws,
                               unsigned long long seed) {
  const long px = static_cast<long>(x_names.size());
  DynamicImpacts im;
  im.terms = x_names;
  const MatrixXd pt = impacts_at(w, r.reg.coef, px, durbin);
  im.direct_short = pt.col(0), im.indirect_short = pt.col(1), im.total_short = pt.col(2);
  im.direct_long = pt.col(3), im.indirect_long = pt.col(4), im.total_long = pt.col(5);
  if (draws <= 0) return im;
  const EigenThreads single(1);   // the draws run in parallel; each inverse is small
  const long p = r.reg.coef.size();
  Eigen::SelfAdjointEigenSolver<MatrixXd> es(0.5 * (r.reg.vcov + r.reg.vcov.transpose()));
  const MatrixXd root = es.eigenvectors() * es.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  const auto sims = replicate(static_cast<size_t>(draws), seed, [&](size_t, Rng& rng) {
    VectorXd z(p);
    for (long i = 0; i < p; ++i) z[i] = standard_normal(rng);
    const VectorXd x = r.reg.coef + root * z;
    if (!(x[0] > r.interval.first && x[0] < r.interval.second)) return MatrixXd();
    return impacts_at(w, x, px, durbin);
  });
  MatrixXd sum = MatrixXd::Zero(px, 6), sq = MatrixXd::Zero(px, 6);
  long kept = 0;
  for (const MatrixXd& m : sims)
    if (m.size()) {
      sum += m;
      sq += m.cwiseProduct(m);
      ++kept;
    }
  if (kept < 2) throw NumericError("impacts: fewer than 2 of the simulated draws have rho inside its interval; the variance of rho is too large");
  const double k = static_cast<double>(kept);
  const MatrixXd sd = ((sq - sum.cwiseProduct(sum) / k) / (k - 1)).cwiseMax(0.0).cwiseSqrt();
  im.se_direct_short = sd.col(0), im.se_indirect_short = sd.col(1), im.se_total_short = sd.col(2);
  im.se_direct_long = sd.col(3), im.se_indirect_long = sd.col(4), im.se_total_long = sd.col(5);
  im.draws = static_cast<int>(kept);
  return im;
}

}  // namespace

SpatialDynamicResult spatial_dynamic_panel(const SpatialPanelData& d, const SpatialDynamicOptions& o) {
  StageLap lap(o.timer);
  if (!d.balanced() || d.weights.size() != 1)
    throw DataError("dynamic: the bias-corrected dynamic spatial panel needs a balanced panel with one W (every unit in every period)");
  if (o.effect != SpatialPanelEffect::Individual && o.effect != SpatialPanelEffect::Twoways)
    throw SpecError("dynamic: the bias correction is for effect individual or twoways");
  if (d.n_periods < 2) throw DataError(fmt::format("dynamic: {} period(s) after the initial one; the unit effects need at least 2", d.n_periods));
  const MatrixXd w0 = MatrixXd(d.weights[0]);
  if (o.effect == SpatialPanelEffect::Twoways && ((w0.rowwise().sum().array() - 1).abs() > 1e-10).any())
    throw SpecError("dynamic with effect twoways: W must be row-standardized (transform R), Lee and Yu's (2010) time transformation needs W l = l");
  const long k = d.X.cols();
  std::vector<std::string> names{d.x_names[static_cast<size_t>(k - 2)], d.x_names[static_cast<size_t>(k - 1)]};
  std::vector<std::string> x_names(d.x_names.begin(), d.x_names.end() - 2);
  names.insert(names.end(), x_names.begin(), x_names.end());
  if (o.model == SpatialPanelModel::Sdm)
    for (const auto& x : x_names) names.push_back("W." + x);

  const Transformed t = transform(d, o, w0);
  // Nothing to explain, or a regressor the effects absorb or collinear: refused by name (their
  // slopes were -nan). The raw sums of squares: y's lags and X from the data, W X's transformed.
  refuse_constant_response(t.y, d.y, d.depvar, o.effect);
  Eigen::VectorXd raw_ss = t.z.colwise().squaredNorm().transpose();
  raw_ss[0] = d.X.col(k - 2).squaredNorm();
  raw_ss[1] = d.X.col(k - 1).squaredNorm();
  for (long j = 0; j < k - 2; ++j) raw_ss[2 + j] = d.X.col(j).squaredNorm();
  refuse_dependent_regressors(t.z, raw_ss, names, o.effect);
  lap.lap(Stage::Design);
  const long kz = t.z.cols();
  const double nt = static_cast<double>(t.y.size()), T = static_cast<double>(t.periods), n = static_cast<double>(t.n);
  // YJL eq. 5: the likelihood concentrated in rho (residuals of y and W*y on Z)
  const Eigen::LDLT<MatrixXd> zz(t.z.transpose() * t.z);
  const VectorXd b0 = zz.solve(t.z.transpose() * t.y), bd = zz.solve(t.z.transpose() * t.wy);
  const VectorXd e0 = t.y - t.z * b0, ed = t.wy - t.z * bd;
  const Eigen::VectorXcd lambda = Eigen::EigenSolver<MatrixXd>(t.w, false).eigenvalues();
  auto ldet = [&](double rho) {
    double s = 0;
    for (long i = 0; i < lambda.size(); ++i) s += std::log(std::abs(1.0 - rho * lambda[i]));
    return s;
  };
  auto loglik = [&](double rho) { return -nt / 2 * std::log((e0 - rho * ed).squaredNorm() / nt) + T * ldet(rho); };
  const double lo = 1 / lambda.real().minCoeff(), hi = 1 / lambda.real().maxCoeff();
  const double rho = detail::maximize(loglik, {lo + 1e-9 * std::abs(lo), hi - 1e-9 * std::abs(hi)}).first;
  VectorXd theta(kz + 2);
  theta.head(kz) = b0 - rho * bd;
  theta[kz] = rho;
  theta[kz + 1] = (e0 - rho * ed).squaredNorm() / nt;
  const Information in = information(t, theta.head(kz), rho, theta[kz + 1]);

  SpatialDynamicResult out;
  out.qml = as_result(names, theta, sandwich(in, nt), o);
  const double s2 = theta[kz + 1];
  out.qml.loglik = -nt / 2 * std::log(2 * M_PI * s2) + T * ldet(rho) - nt / 2;
  out.qml.interval = {lo, hi};
  out.fit = out.qml;
  if (o.bias_correction) {
    // YJL eq. 21-23, LY eq. 3.4: A = S^-1 (gamma I + eta W*), B = A less its unit-root eigenvalues
    const MatrixXd id = MatrixXd::Identity(t.n, t.n);
    const MatrixXd a = in.s_inv * (theta[0] * id + theta[1] * t.w);
    const Eigen::EigenSolver<MatrixXd> ea(a);
    const VectorXd dn = ea.eigenvalues().real();
    MatrixXd jn = MatrixXd::Zero(t.n, t.n);
    for (long i = 0; i < t.n; ++i)
      if (dn[i] > 1 - 1 / n) {
        jn(i, i) = dn[i];
        ++out.unit_root_eigenvalues;
      }
    MatrixXd b = a;
    if (out.unit_root_eigenvalues > 0) {
      const MatrixXd rn = ea.eigenvectors().real();
      b -= rn * jn * rn.partialPivLu().inverse();
    }
    const MatrixXd m = (id - b).partialPivLu().solve(in.s_inv);
    VectorXd bias(kz + 2);
    bias.setZero();
    bias[0] = m.trace() / n;
    bias[1] = (t.w * m).trace() / n;
    bias[kz] = theta[0] * (in.g * m).trace() / n + theta[1] * (in.g * t.w * m).trace() / n + in.g.trace() / n;
    bias[kz + 1] = 1 / (2 * s2);
    if (out.unit_root_eigenvalues > 0) {
      const double u = T / (2 * (1 - rho)) * static_cast<double>(out.unit_root_eigenvalues) / n;
      bias[0] += u;
      bias[1] += u;
      bias[kz] += u;
    }
    const VectorXd theta1 = theta + in.sigma.inverse() * bias / T;
    const Information in1 = information(t, theta1.head(kz), theta1[kz], theta1[kz + 1]);
    out.fit = as_result(names, theta1, sandwich(in1, nt), o);
    out.fit.loglik = out.qml.loglik;   // the corrected estimates maximize nothing: the quasi-ML's
    out.fit.interval = {lo, hi};
    out.bias_corrected = true;
  }
  for (auto* r : {&out.fit, &out.qml}) {
    r->n_units = d.n_units;
    r->n_periods = d.n_periods;
    r->reg.nobs = static_cast<size_t>(d.y.size());
    r->reg.depvar = d.depvar;
    r->lee_yu = o.effect == SpatialPanelEffect::Twoways;
    r->rss = std::numeric_limits<double>::quiet_NaN();
    r->loglik_concentrated = std::numeric_limits<double>::quiet_NaN();
  }
  lap.lap(Stage::Solve);
  out.impacts = dynamic_impacts(w0, out.fit, x_names, o.model == SpatialPanelModel::Sdm, o.impact_draws, o.seed);
  lap.lap(Stage::Impacts);
  return out;
}

}  // namespace cbec
