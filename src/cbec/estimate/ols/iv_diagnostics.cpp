#include "cbec/estimate/ols/iv_diagnostics.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <cmath>

#include "cbec/estimate/wald.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

struct Fit {
  Eigen::VectorXd beta, resid;
  double rss = 0;
};

// Weighted least squares of y on A (rows scaled by sqrt(w)); residuals on the original scale.
Fit wls(const Eigen::MatrixXd& A, const Eigen::VectorXd& y, const Eigen::VectorXd& w) {
  Eigen::MatrixXd As = A;
  Eigen::VectorXd ys = y;
  if (w.size()) {
    const Eigen::VectorXd s = w.cwiseSqrt();
    As = s.asDiagonal() * A;
    ys = s.cwiseProduct(y);
  }
  Fit f;
  f.beta = As.colPivHouseholderQr().solve(ys);
  f.resid = y - A * f.beta;
  f.rss = w.size() ? f.resid.cwiseAbs2().dot(w) : f.resid.squaredNorm();
  return f;
}

Eigen::MatrixXd inverse_spd(const Eigen::MatrixXd& M) { return M.ldlt().solve(Eigen::MatrixXd::Identity(M.rows(), M.cols())); }

// S of Hansen's J (see the header), or an empty matrix when the variance has no such form here.
Eigen::MatrixXd moment_variance(const Eigen::MatrixXd& Z, const Eigen::VectorXd& u, const VcovSpec& v, const Design& d) {
  const double n = static_cast<double>(Z.rows());
  if (v.type == "iid") return (u.squaredNorm() / n) * (Z.transpose() * Z) / n;
  if (v.type.rfind("HC", 0) == 0) return Z.transpose() * u.cwiseAbs2().asDiagonal() * Z / n;
  if ((v.type == "CR1" || v.type == "CR2") && v.cluster.size() == 1) {
    const Factor& g = d.groups.at(v.cluster[0]);
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(static_cast<long>(g.n_levels), Z.cols());
    for (long i = 0; i < Z.rows(); ++i) sums.row(g.codes[static_cast<size_t>(i)]) += u[i] * Z.row(i);
    return sums.transpose() * sums / n;
  }
  return {};
}

}  // namespace

void iv_diagnostics(const IvDiagnosticsInput& in, const VcovSpec& vcov, RegressionResult& r) {
  const Eigen::MatrixXd& X = in.regressors;
  const Eigen::MatrixXd& V = in.first_stage_resid;
  const Eigen::MatrixXd& Z = in.instruments;
  const Eigen::VectorXd& w = in.weights;
  const long n = X.rows(), K = X.cols(), Ke = V.cols();
  const double nn = static_cast<double>(n);

  // Wu-Hausman: y on [X, V] against y on X.
  Eigen::MatrixXd XV(n, K + Ke);
  XV << X, V;
  const Fit f0 = wls(X, in.y, w), f1 = wls(XV, in.y, w);
  const double df2 = nn - static_cast<double>(K + Ke) - static_cast<double>(in.absorbed);
  TestResult wh;
  wh.stat = ((f0.rss - f1.rss) / static_cast<double>(Ke)) / (f1.rss / df2);
  wh.df1 = static_cast<double>(Ke);
  wh.df2 = df2;
  wh.distribution = "F";
  wh.p_value = p_f_upper(wh.stat, wh.df1, wh.df2);
  wh.note = "Wu-Hausman F (iid): H0: the endogenous regressors are exogenous";
  r.tests["wu_hausman"] = wh;

  // Its robust form: Wald F on the coefficients of V with the model's variance.
  Eigen::MatrixXd XVw = XV;
  if (w.size()) XVw = w.cwiseSqrt().asDiagonal() * XV;
  const Eigen::MatrixXd bread = inverse_spd(XVw.transpose() * XVw);
  const VcovOutput vo = compute_vcov(vcov, {XV, f1.resid, w, bread, in.design, static_cast<size_t>(K + Ke), in.absorbed});
  std::vector<long> idx;
  for (long j = 0; j < Ke; ++j) idx.push_back(K + j);
  TestResult whr = wald_f(f1.beta, vo.V, idx, vo.info.df, fmt::format("endogeneity test, Wald F on the first-stage residuals in the structural equation, variance {}: "
                         "H0: the endogenous regressors are exogenous",
                         vcov.describe()));
  r.tests["wu_hausman_robust"] = whr;

  const long overid = in.n_excluded - Ke;
  if (overid <= 0) return;
  // Sargan: n R^2 of the 2SLS residuals on all instruments (centered, as AER).
  const Fit fs = wls(Z, in.resid, w);
  const double sw = w.size() ? w.sum() : nn;
  const double mean_u = (w.size() ? in.resid.dot(w) : in.resid.sum()) / sw;
  const Eigen::VectorXd uc = in.resid.array() - mean_u;
  const double tss = w.size() ? uc.cwiseAbs2().dot(w) : uc.squaredNorm();
  TestResult sg;
  sg.stat = nn * (1 - fs.rss / tss);
  sg.df1 = static_cast<double>(overid);
  sg.distribution = "chi2";
  sg.p_value = p_chi2_upper(sg.stat, sg.df1);
  sg.note = "Sargan test of overidentifying restrictions (iid): H0: the instruments are valid";
  r.tests["sargan"] = sg;

  // Hansen J at the two-step efficient GMM estimate (unweighted data only).
  if (w.size()) return;
  const Eigen::MatrixXd S = moment_variance(Z, in.resid, vcov, in.design);
  if (S.size() == 0) return;
  const Eigen::MatrixXd W = inverse_spd(S);
  const Eigen::MatrixXd ZX = Z.transpose() * X;
  const Eigen::VectorXd Zy = Z.transpose() * in.y;
  const Eigen::VectorXd b2 = (ZX.transpose() * W * ZX).ldlt().solve(ZX.transpose() * W * Zy);
  const Eigen::VectorXd gbar = (Zy - ZX * b2) / nn;
  TestResult hj;
  hj.stat = nn * gbar.dot(W * gbar);
  hj.df1 = static_cast<double>(overid);
  hj.distribution = "chi2";
  hj.p_value = p_chi2_upper(hj.stat, hj.df1);
  hj.note = fmt::format("Hansen J test of overidentifying restrictions (two-step GMM, moment variance {}): H0: the instruments are valid",
                        vcov.describe());
  r.tests["hansen_j"] = hj;
}

}  // namespace cbec
