#include "cbec/estimate/ts/fmols.hpp"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <Eigen/QR>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/fm_pieces.hpp"
#include "cbec/estimate/ts/hansen_lc.hpp"

namespace cbec {

namespace {

// One unit's data on rows t = 2..T: deterministics D, regressors X, differences dX, response y,
// and X~, y~ with D partialled out.
struct UnitRows {
  Eigen::MatrixXd D, X, dX, Xt;
  Eigen::VectorXd y, yt;
  long n = 0;
};

UnitRows unit_rows(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend) {
  UnitRows r;
  r.n = y.size() - 1;
  if (r.n < X.cols() + (trend ? 2 : 1) + 2) throw DataError("FMOLS needs more periods than regressors plus three");
  r.D = deterministics(r.n, 1, trend);
  r.X = X.bottomRows(r.n);
  r.dX = X.bottomRows(r.n) - X.topRows(r.n);
  r.y = y.tail(r.n);
  r.Xt = partial_out(r.X, r.D);
  r.yt = partial_out(r.y, r.D);
  return r;
}

Eigen::MatrixXd innovations(const Eigen::VectorXd& u1, const Eigen::MatrixXd& dX) {
  Eigen::MatrixXd U(u1.size(), 1 + dX.cols());
  U << u1, dX;
  return U;
}

Eigen::MatrixXd inverse_spd(const Eigen::MatrixXd& A) {
  const Eigen::LDLT<Eigen::MatrixXd> f(A);
  if (f.info() != Eigen::Success || !(f.vectorD().array() > 0).all()) throw NumericError("the regressors are collinear");
  return f.solve(Eigen::MatrixXd::Identity(A.rows(), A.cols()));
}

}  // namespace

LongRunFit fmols_unit(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, const LongRunSpec& s, bool hansen) {
  const UnitRows r = unit_rows(y, X, trend);
  const long k = X.cols();
  const Eigen::MatrixXd Qi = inverse_spd(r.Xt.transpose() * r.Xt);
  const Eigen::VectorXd u1 = r.yt - r.Xt * (Qi * (r.Xt.transpose() * r.yt));   // static OLS residuals
  const LongRunCovariance lrc = long_run_covariance(innovations(u1, r.dX), s);
  const FmCorrection c = fm_correction(lrc.omega, lrc.delta);
  const Eigen::VectorXd y_plus = r.y - r.dX * c.b;
  LongRunFit f;
  f.beta = Qi * (r.Xt.transpose() * y_plus - static_cast<double>(r.n) * c.lambda_plus);
  f.vcov = c.omega_12 * Qi;
  f.omega_12 = c.omega_12;
  f.bandwidth = lrc.bandwidth;
  f.nobs = static_cast<size_t>(r.n);
  // FM residuals: y+ minus the fitted deterministic terms and slopes.
  const Eigen::VectorXd rest = y_plus - r.X * f.beta;
  const Eigen::VectorXd a = r.D.colPivHouseholderQr().solve(rest);
  f.resid = rest - r.D * a;
  if (hansen) {
    Eigen::MatrixXd Z(r.n, r.D.cols() + k);
    Z << r.D, r.X;
    f.hansen_lc = hansen_lc(Z, f.resid, c.lambda_plus, c.omega_12);
  }
  return f;
}

PanelLongRun panel_fmols(const CointegrationData& d, PanelEstimator e, const LongRunSpec& s) {
  PanelLongRun out = panel_long_run("fmols", e, d);
  const size_t N = d.n_units();
  const long k = static_cast<long>(d.x.size());
  std::vector<UnitRows> rows;
  for (size_t i = 0; i < N; ++i) {
    try {
      rows.push_back(unit_rows(d.yi[i], d.xi[i], d.trend));
      out.unit_fits.push_back(fmols_unit(d.yi[i], d.xi[i], d.trend, s));
    } catch (const Error&) {
      rethrow_naming_unit(d.units[i]);
    }
  }
  const double Nd = static_cast<double>(N);
  LongRunFit& p = out.panel;
  p.beta = Eigen::VectorXd::Zero(k);
  p.vcov = Eigen::MatrixXd::Zero(k, k);
  for (const auto& r : rows) p.nobs += static_cast<size_t>(r.n);
  std::vector<FmCorrection> corrections(N);
  if (e == PanelEstimator::GroupMean) {
    group_mean_of_units(out);
  } else {
    Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(k, k);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(k);
    if (e == PanelEstimator::Pooled) {
      // Phillips and Moon (1999): average long-run covariances from the pooled within OLS residuals.
      Eigen::MatrixXd Q0 = Eigen::MatrixXd::Zero(k, k);
      Eigen::VectorXd r0 = Eigen::VectorXd::Zero(k);
      for (const auto& r : rows) {
        Q0 += r.Xt.transpose() * r.Xt;
        r0 += r.Xt.transpose() * r.yt;
      }
      const Eigen::VectorXd b0 = inverse_spd(Q0) * r0;
      Eigen::MatrixXd omega = Eigen::MatrixXd::Zero(k + 1, k + 1), delta = omega;
      for (const auto& r : rows) {
        const LongRunCovariance lrc = long_run_covariance(innovations(r.yt - r.Xt * b0, r.dX), s);
        omega += lrc.omega / Nd;
        delta += lrc.delta / Nd;
        p.bandwidth += lrc.bandwidth / Nd;
      }
      const FmCorrection c = fm_correction(omega, delta);
      for (size_t i = 0; i < N; ++i) {
        corrections[i] = c;
        Q += rows[i].Xt.transpose() * rows[i].Xt;
        rhs += rows[i].Xt.transpose() * (rows[i].y - rows[i].dX * c.b) - static_cast<double>(rows[i].n) * c.lambda_plus;
      }
      p.omega_12 = c.omega_12;
      p.beta = inverse_spd(Q) * rhs;
      p.vcov = c.omega_12 * inverse_spd(Q);
    } else {
      // Weighted: each unit's own correction, its sums divided by its omega_1.2.
      for (size_t i = 0; i < N; ++i) {
        const auto& r = rows[i];
        const Eigen::MatrixXd Qi = inverse_spd(r.Xt.transpose() * r.Xt);
        const Eigen::VectorXd s1 = r.yt - r.Xt * (Qi * (r.Xt.transpose() * r.yt));
        const LongRunCovariance lrc = long_run_covariance(innovations(s1, r.dX), s);
        corrections[i] = fm_correction(lrc.omega, lrc.delta);
        const double w = corrections[i].omega_12;
        Q += r.Xt.transpose() * r.Xt / w;
        rhs += (r.Xt.transpose() * (r.y - r.dX * corrections[i].b) - static_cast<double>(r.n) * corrections[i].lambda_plus) / w;
        p.omega_12 += w / Nd;
        p.bandwidth += lrc.bandwidth / Nd;
      }
      p.beta = inverse_spd(Q) * rhs;
      p.vcov = inverse_spd(Q);
    }
  }
  // The panel residuals, unit by unit: y+ less the unit's deterministic terms and the panel slopes
  // (group_mean: each unit's own FM residuals).
  Eigen::VectorXd resid(static_cast<long>(p.nobs));
  long at = 0;
  for (size_t i = 0; i < N; ++i) {
    const auto& r = rows[i];
    resid.segment(at, r.n) = e == PanelEstimator::GroupMean ? out.unit_fits[i].resid
                                                            : Eigen::VectorXd(partial_out(r.y - r.dX * corrections[i].b - r.X * p.beta, r.D));
    at += r.n;
  }
  p.resid = resid;
  return out;
}

}  // namespace cbec
