#include "cbec/estimate/did/drdid_panel.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cbec/core/error.hpp"
#include "cbec/estimate/glm/binary_choice.hpp"

namespace cbec {

DrDidMethod parse_drdid_method(const std::string& name) {
  if (name == "dr") return DrDidMethod::dr;
  if (name == "ipw") return DrDidMethod::ipw;
  if (name == "reg") return DrDidMethod::reg;
  throw SpecError(fmt::format("estimation method '{}' is unknown; use dr, ipw or reg", name));
}

const char* to_string(DrDidMethod m) { return m == DrDidMethod::dr ? "dr" : m == DrDidMethod::ipw ? "ipw" : "reg"; }

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Weighted least squares of dy on X among the comparison units, and the asymptotically linear
// representation of its coefficients: w (1 - D) e_i x_i' (X' W0 X / n)^-1.
struct ComparisonRegression {
  VectorXd fitted;        // X beta for every unit
  MatrixXd linear_rep;    // n x k
};

ComparisonRegression comparison_regression(const VectorXd& dy, const VectorXd& d, const MatrixXd& X, const VectorXd& w) {
  const double n = static_cast<double>(dy.size());
  const VectorXd w0 = w.cwiseProduct((1.0 - d.array()).matrix());
  const MatrixXd XtWX = X.transpose() * w0.asDiagonal() * X;
  Eigen::ColPivHouseholderQR<MatrixXd> qr(XtWX);
  if (qr.rank() < X.cols())
    throw NumericError("the outcome regression among comparison units is singular: a covariate is constant or collinear with the others among them, or they are too few for the covariates");
  ComparisonRegression r;
  const VectorXd beta = qr.solve(X.transpose() * w0.cwiseProduct(dy));
  r.fitted = X * beta;
  const VectorXd e = w0.cwiseProduct(dy - r.fitted);
  r.linear_rep = e.asDiagonal() * X * qr.solve(MatrixXd::Identity(X.cols(), X.cols())) * n;
  return r;
}

// Logit propensity score and its linear representation w (D - p) x_i' (n vcov).
struct PropensityScore {
  VectorXd p;
  MatrixXd linear_rep;
};

PropensityScore propensity_score(const VectorXd& d, const MatrixXd& X, const VectorXd& w) {
  BinaryChoiceFit fit = fit_binary_choice(X, d, w, BinaryLink::logit);
  PropensityScore ps;
  ps.p = fit.fitted.cwiseMin(1.0 - 1e-16);
  const VectorXd s = w.cwiseProduct(d - ps.p);
  ps.linear_rep = s.asDiagonal() * X * fit.inv_information * static_cast<double>(d.size());
  return ps;
}

}  // namespace

DidTwoByTwo drdid_panel(const VectorXd& dy, const VectorXd& d, const MatrixXd& X, const VectorXd& w_in,
                        DrDidMethod method) {
  const Eigen::Index n = dy.size();
  const VectorXd w = w_in.size() ? w_in : VectorXd::Ones(n);
  DidTwoByTwo out;
  const VectorXd w_treat = w.cwiseProduct(d);
  const double mean_w_treat = w_treat.mean();

  if (method == DrDidMethod::reg) {
    // Outcome regression: ATT = E[dy | D=1] - E[X beta | D=1].
    const ComparisonRegression reg = comparison_regression(dy, d, X, w);
    const VectorXd att_treat = w_treat.cwiseProduct(dy), att_cont = w_treat.cwiseProduct(reg.fitted);
    const double eta_treat = att_treat.mean() / mean_w_treat, eta_cont = att_cont.mean() / mean_w_treat;
    out.att = eta_treat - eta_cont;
    const VectorXd inf_treat = (att_treat - w_treat * eta_treat) / mean_w_treat;
    const VectorXd M1 = (X.transpose() * w_treat) / static_cast<double>(n);
    const VectorXd inf_cont = (att_cont - w_treat * eta_cont + reg.linear_rep * M1) / mean_w_treat;
    out.influence = inf_treat - inf_cont;
    return out;
  }

  const PropensityScore ps = propensity_score(d, X, w);
  out.max_pscore = ps.p.maxCoeff();
  VectorXd w_cont(n);
  for (Eigen::Index i = 0; i < n; ++i) w_cont[i] = w[i] * ps.p[i] * (1 - d[i]) / (1 - ps.p[i]);
  const double mean_w_cont = w_cont.mean();

  if (method == DrDidMethod::ipw) {
    // Normalized (Hajek) IPW: weights of the comparison units p / (1 - p), rescaled to mean one.
    const VectorXd att_treat = w_treat.cwiseProduct(dy), att_cont = w_cont.cwiseProduct(dy);
    const double eta_treat = att_treat.mean() / mean_w_treat, eta_cont = att_cont.mean() / mean_w_cont;
    out.att = eta_treat - eta_cont;
    const VectorXd inf_treat = (att_treat - w_treat * eta_treat) / mean_w_treat;
    const VectorXd M2 = X.transpose() * w_cont.cwiseProduct((dy.array() - eta_cont).matrix()) / static_cast<double>(n);
    const VectorXd inf_cont = (att_cont - w_cont * eta_cont + ps.linear_rep * M2) / mean_w_cont;
    out.influence = inf_treat - inf_cont;
    return out;
  }

  // Doubly robust: IPW applied to the residuals of the comparison-group outcome regression.
  const ComparisonRegression reg = comparison_regression(dy, d, X, w);
  const VectorXd resid = dy - reg.fitted;
  const VectorXd dr_treat = w_treat.cwiseProduct(resid), dr_cont = w_cont.cwiseProduct(resid);
  const double eta_treat = dr_treat.mean() / mean_w_treat, eta_cont = dr_cont.mean() / mean_w_cont;
  out.att = eta_treat - eta_cont;
  const double nd = static_cast<double>(n);
  const VectorXd M1 = X.transpose() * w_treat / nd;
  const VectorXd inf_treat = (dr_treat - w_treat * eta_treat - reg.linear_rep * M1) / mean_w_treat;
  const VectorXd M2 = X.transpose() * w_cont.cwiseProduct((resid.array() - eta_cont).matrix()) / nd;
  const VectorXd M3 = X.transpose() * w_cont / nd;
  const VectorXd inf_cont = (dr_cont - w_cont * eta_cont + ps.linear_rep * M2 - reg.linear_rep * M3) / mean_w_cont;
  out.influence = inf_treat - inf_cont;
  return out;
}

}  // namespace cbec
