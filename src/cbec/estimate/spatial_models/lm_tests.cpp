// Moran's I of OLS residuals and the spatial LM tests (formulas in lm_tests.hpp).
#include "cbec/estimate/spatial_models/lm_tests.hpp"

#include <cmath>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {
namespace {

using SparseRM = Eigen::SparseMatrix<double, Eigen::RowMajor>;

TestResult chi2_test(double stat, int df, const std::string& note) {
  TestResult t;
  t.stat = stat;
  t.df1 = df;
  t.distribution = "chi2";
  t.p_value = p_chi2_upper(stat, df);
  t.note = note;
  return t;
}

// Subtracts from each column its mean within the groups of n consecutive rows (by_period) or of
// rows i, i + n, i + 2n, ... (by unit).
void demean(Eigen::MatrixXd& m, Eigen::Index n, int periods, bool by_period) {
  for (Eigen::Index c = 0; c < m.cols(); ++c) {
    if (by_period) {
      for (int t = 0; t < periods; ++t) m.col(c).segment(t * n, n).array() -= m.col(c).segment(t * n, n).mean();
    } else {
      for (Eigen::Index i = 0; i < n; ++i) {
        double s = 0;
        for (int t = 0; t < periods; ++t) s += m(t * n + i, c);
        for (int t = 0; t < periods; ++t) m(t * n + i, c) -= s / periods;
      }
    }
  }
}

}  // namespace

PanelEffect parse_panel_effect(const std::string& name) {
  if (name == "none") return PanelEffect::None;
  if (name == "individual") return PanelEffect::Individual;
  if (name == "time") return PanelEffect::Time;
  if (name == "twoways") return PanelEffect::Twoways;
  throw SpecError("the panel effect must be none, individual, time or twoways, not '" + name + "'");
}

SpatialLmTests panel_spatial_lm_tests(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const SparseRM& w, int periods, PanelEffect effect) {
  const Eigen::Index n = w.rows();
  if (periods < 1 || X.rows() != n * periods || y.size() != n * periods)
    throw SpecError("panel LM tests: a balanced panel of " + std::to_string(n) + " units x " + std::to_string(periods) + " periods needs " +
                    std::to_string(n * periods) + " observations, not " + std::to_string(X.rows()));
  // [y X] demeaned: for a balanced panel the two-way within transformation is x - mean by unit -
  // mean by period + grand mean, i.e. demeaning by unit, then by period (Baltagi 2021, eq. 3.2).
  Eigen::MatrixXd yx(X.rows(), X.cols() + 1);
  yx << y, X;
  if (effect == PanelEffect::Individual || effect == PanelEffect::Twoways) demean(yx, n, periods, false);
  if (effect == PanelEffect::Time || effect == PanelEffect::Twoways) demean(yx, n, periods, true);
  Eigen::MatrixXd design = yx.rightCols(X.cols());
  if (effect == PanelEffect::None) {
    design.resize(X.rows(), X.cols() + 1);
    design << Eigen::VectorXd::Ones(X.rows()), X;
  }
  return spatial_lm_tests(design, yx.col(0), block_diagonal(w, periods));
}

SparseRM block_diagonal(const SparseRM& w, int periods) {
  const Eigen::Index n = w.rows();
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<size_t>(w.nonZeros()) * static_cast<size_t>(periods));
  for (int p = 0; p < periods; ++p)
    for (Eigen::Index i = 0; i < n; ++i)
      for (SparseRM::InnerIterator it(w, i); it; ++it) t.emplace_back(p * n + i, p * n + it.col(), it.value());
  SparseRM out(n * periods, n * periods);
  out.setFromTriplets(t.begin(), t.end());
  return out;
}

SpatialLmTests spatial_lm_tests(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const SparseRM& w, Alternative alt) {
  const Eigen::Index n = X.rows(), k = X.cols();
  if (y.size() != n || w.rows() != n || w.cols() != n)
    throw SpecError("spatial LM tests: " + std::to_string(n) + " observations but weights of " + std::to_string(w.rows()) + " units");
  if (n <= k + 2) throw DataError("spatial LM tests: too few observations (" + std::to_string(n) + ") for " + std::to_string(k) + " regressors");
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < k) throw DataError("spatial LM tests: the regressors are collinear");
  const Eigen::VectorXd b = qr.solve(y), yhat = X * b, e = y - yhat;
  // Residuals of rounding only (a constant y, or one the regressors fit exactly): no dependence to
  // test (Moran's I 0.88 and LM-lag 1.6e16 were printed from the noise).
  if (is_rounding_noise(e, y))
    throw DataError("spatial LM tests: the OLS residuals are 0 (the dependent variable is constant or the regressors fit it exactly): "
                    "there is no spatial dependence of residuals to test");
  const Eigen::MatrixXd xtx_inv = (X.transpose() * X).inverse();
  const double dn = static_cast<double>(n), ee = e.squaredNorm();
  SpatialLmTests out;
  out.n = static_cast<size_t>(n);
  out.k = static_cast<size_t>(k);

  // Moran's I of the residuals with U = (W + W') / 2 (Cliff & Ord 1981, eq. 8.20-8.22):
  // I = (n / S0) e'Ue / e'e, E(I) = -(n / S0) tr(A) / (n - k) with A = (X'X)^{-1} X'UX,
  // Var(I) = (n / S0)^2 [S1 + 2 tr(A^2) - tr(B) - 2 tr(A)^2 / (n - k)] / ((n - k)(n - k + 2)),
  // B = 4 (X'X)^{-1} (UX)'(UX), S1 = sum (2U)^2 / 2; as spdep::lm.morantest. Units without
  // neighbours do not count in n there (zero.policy), nor here.
  const SparseRM u = 0.5 * (w + SparseRM(w.transpose()));
  Eigen::Index n_linked = 0;
  for (Eigen::Index i = 0; i < n; ++i)
    if (w.row(i).nonZeros() > 0) ++n_linked;
  const double nm = static_cast<double>(n_linked), s0 = u.sum(), s1 = 0.5 * (2.0 * u).cwiseAbs2().sum();
  const Eigen::MatrixXd ux = u * X;
  const Eigen::MatrixXd c3 = xtx_inv * (X.transpose() * ux);
  const double tr_a = c3.trace(), tr_a2 = (c3 * c3).trace(), tr_b = 4.0 * (xtx_inv * (ux.transpose() * ux)).trace();
  const double dfree = nm - static_cast<double>(k);
  ResidualMoran& m = out.moran;
  m.alternative = alt;
  const Eigen::VectorXd ue = u * e;
  m.I = (nm / s0) * e.dot(ue) / ee;
  m.expectation = -(nm * tr_a) / (dfree * s0);
  m.variance = (nm * nm) / (s0 * s0 * dfree * (dfree + 2)) * (s1 + 2 * tr_a2 - tr_b - 2 * tr_a * tr_a / dfree);
  m.z = (m.I - m.expectation) / std::sqrt(m.variance);
  m.p_value = alt == Alternative::Greater ? p_normal_upper(m.z) : alt == Alternative::Less ? p_normal_upper(-m.z) : p_normal_two_sided(m.z);

  // LM tests (Anselin, Bera, Florax & Yoon 1996, eq. 11-14), sigma^2 = e'e / n:
  // T = tr(W'W + WW); d_err = e'We / sigma^2; d_lag = e'Wy / sigma^2;
  // nJ = [(WXb)' M (WXb) + T sigma^2] / sigma^2 with M = I - X(X'X)^{-1}X'.
  const double s2 = ee / dn;
  const SparseRM wt = w.transpose();
  const double tw = w.cwiseProduct(w).sum() + w.cwiseProduct(wt).sum();
  const Eigen::VectorXd wyhat = w * yhat, xtwyhat = X.transpose() * wyhat;
  const double nj = (wyhat.squaredNorm() - xtwyhat.dot(xtx_inv * xtwyhat) + tw * s2) / s2;
  const Eigen::VectorXd we = w * e, wy = w * y;
  const double d_err = e.dot(we) / s2, d_lag = e.dot(wy) / s2;
  out.lm_error = chi2_test(d_err * d_err / tw, 1, "LM-error (Burridge 1980)");
  out.lm_lag = chi2_test(d_lag * d_lag / nj, 1, "LM-lag (Anselin 1988)");
  out.robust_lm_error = chi2_test(std::pow(d_err - tw / nj * d_lag, 2) / (tw * (1 - tw / nj)), 1, "Robust LM-error (Anselin et al. 1996)");
  out.robust_lm_lag = chi2_test(std::pow(d_lag - d_err, 2) / (nj - tw), 1, "Robust LM-lag (Anselin et al. 1996)");
  out.sarma = chi2_test(std::pow(d_lag - d_err, 2) / (nj - tw) + d_err * d_err / tw, 2, "SARMA: robust LM-lag + LM-error");
  return out;
}

BskTests baltagi_song_koh(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const SparseRM& w, int periods) {
  const Eigen::Index n = w.rows();
  if (periods < 2 || X.rows() != n * periods || y.size() != n * periods)
    throw SpecError("Baltagi-Song-Koh tests: a balanced panel of " + std::to_string(n) + " units x at least 2 periods is needed");
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < X.cols()) throw DataError("Baltagi-Song-Koh tests: the regressors are collinear");
  const Eigen::VectorXd e = y - X * qr.solve(y);
  const double ee = e.squaredNorm(), T = periods, N = static_cast<double>(n);
  // LM1 = sqrt(NT / (2 (T - 1))) [e'(J_T (x) I_N) e / e'e - 1], J_T the T x T matrix of ones (eq. 2.11).
  Eigen::VectorXd unit_sum = Eigen::VectorXd::Zero(n);
  for (int t = 0; t < periods; ++t) unit_sum += e.segment(t * n, n);
  BskTests out;
  const double lm1 = std::sqrt(N * T / (2 * (T - 1))) * (unit_sum.squaredNorm() / ee - 1);
  // LM2 = sqrt(N^2 T / b) e'(I_T (x) (W + W')/2) e / e'e, b = tr(W^2 + W'W) (eq. 2.13).
  const SparseRM wt = w.transpose();
  const double b = w.cwiseProduct(wt).sum() + w.cwiseProduct(w).sum();
  double q = 0;
  for (int t = 0; t < periods; ++t) {
    const Eigen::VectorXd et = e.segment(t * n, n), wet = w * et;
    q += et.dot(wet);   // e_t' W e_t = e_t' (W + W')/2 e_t
  }
  const double lm2 = std::sqrt(N * N * T / b) * q / ee;
  auto normal = [](double z, const std::string& note) {
    TestResult r;
    r.stat = z;
    r.distribution = "normal";
    r.p_value = p_normal_upper(z);
    r.note = note;
    return r;
  };
  out.lm1 = normal(lm1, "BSK LM1: random unit effects (one-sided)");
  out.lm2 = normal(lm2, "BSK LM2: spatial error correlation (one-sided)");
  // LM-H = LM1^2 [LM1 > 0] + LM2^2 [LM2 > 0] (eq. 2.16, Gourieroux, Holly & Monfort 1982).
  const double h = (lm1 > 0 ? lm1 * lm1 : 0) + (lm2 > 0 ? lm2 * lm2 : 0);
  out.lmh.stat = h;
  out.lmh.df1 = 2;
  out.lmh.distribution = "chi-bar-squared";
  out.lmh.p_value = h <= 0 ? 1 : 0.5 * p_chi2_upper(h, 1) + 0.25 * p_chi2_upper(h, 2);
  out.lmh.note = "BSK LM-H: random effects and spatial error correlation (one-sided joint, 1/4, 1/2, 1/4 chi-bar-squared)";
  return out;
}

}  // namespace cbec
