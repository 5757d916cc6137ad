#include "cbec/estimate/glm/binary_choice.hpp"

#include <boost/math/distributions/normal.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

BinaryLink parse_binary_link(const std::string& name) {
  if (name == "logit") return BinaryLink::logit;
  if (name == "probit") return BinaryLink::probit;
  throw SpecError(fmt::format("link '{}' is unknown; use logit or probit", name));
}

namespace {

struct LinkValues {
  double p, dp;  // probability and its derivative with respect to the linear index
};

LinkValues inverse_link(double eta, BinaryLink link) {
  constexpr double eps = 2.220446e-16;  // R's binomial()$linkinv bounds, so fitted values match glm
  if (link == BinaryLink::logit) {
    const double e = std::exp(-std::abs(eta));
    double p = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    p = std::clamp(p, eps, 1.0 - eps);
    return {p, std::max(e / ((1.0 + e) * (1.0 + e)), eps)};
  }
  static const boost::math::normal normal;
  const double thresh = -boost::math::quantile(normal, eps);
  const double z = std::clamp(eta, -thresh, thresh);
  return {boost::math::cdf(normal, z), std::max(boost::math::pdf(normal, eta), eps)};
}

double deviance(const Eigen::VectorXd& y, const Eigen::VectorXd& p, const Eigen::VectorXd& w) {
  double d = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) d -= 2 * w[i] * (y[i] > 0.5 ? std::log(p[i]) : std::log1p(-p[i]));
  return d;
}

}  // namespace

BinaryChoiceFit fit_binary_choice(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w_in,
                                  BinaryLink link) {
  const Eigen::Index n = X.rows(), k = X.cols();
  const Eigen::VectorXd w = w_in.size() ? w_in : Eigen::VectorXd::Ones(n);
  BinaryChoiceFit fit;
  fit.coef = Eigen::VectorXd::Zero(k);
  // glm's start: mu = (w y + 0.5) / (w + 1), eta = link(mu); one weighted least-squares step from there.
  Eigen::VectorXd eta(n), p(n), dp(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double mu = (w[i] * y[i] + 0.5) / (w[i] + 1.0);
    if (link == BinaryLink::logit) eta[i] = std::log(mu / (1 - mu));
    else eta[i] = boost::math::quantile(boost::math::normal(), mu);
    const auto v = inverse_link(eta[i], link);
    p[i] = v.p;
    dp[i] = v.dp;
  }
  double dev_old = deviance(y, p, w);
  Eigen::VectorXd coef_old = Eigen::VectorXd::Constant(k, std::numeric_limits<double>::infinity());
  Eigen::MatrixXd XtWX(k, k);
  for (fit.iterations = 1; fit.iterations <= 100; ++fit.iterations) {
    // Iteratively reweighted least squares: z = eta + (y - p) / g', W = w g'^2 / (p (1 - p)).
    Eigen::VectorXd z(n), W(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      z[i] = eta[i] + (y[i] - p[i]) / dp[i];
      W[i] = w[i] * dp[i] * dp[i] / (p[i] * (1 - p[i]));
    }
    XtWX.noalias() = X.transpose() * W.asDiagonal() * X;
    Eigen::LDLT<Eigen::MatrixXd> ldlt(XtWX);
    if (ldlt.info() != Eigen::Success || ldlt.rcond() < 1e-14) {
      // After a first step, probabilities near 0 or 1 say why: separation (R's glm carries on to its
      // iteration limit with "fitted probabilities numerically 0 or 1 occurred").
      const bool separated = fit.iterations > 1 && ((p.array() < 1e-8) || (p.array() > 1 - 1e-8)).any();
      throw NumericError(separated ? "the propensity-score model separates the groups: some fitted probabilities reach 0 or 1 (a covariate "
                                     "or combination predicts the treatment perfectly, e.g. one value for every treated unit), so its "
                                     "information is singular; drop or coarsen that covariate, or use the regression estimator"
                                   : "the propensity-score model is singular: covariates are collinear or do not vary");
    }
    fit.coef = ldlt.solve(X.transpose() * W.cwiseProduct(z));
    eta.noalias() = X * fit.coef;
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto v = inverse_link(eta[i], link);
      p[i] = v.p;
      dp[i] = v.dp;
    }
    // Converged when the deviance has settled and the coefficients too: near the maximum the
    // deviance changes with the square of the coefficients' error, so a deviance rule alone stops
    // probit's (linear) Fisher scoring with coefficients ~1e-7 from the maximum.
    const double dev = deviance(y, p, w);
    const double step = ((fit.coef - coef_old).array().abs() / (fit.coef.array().abs() + 1.0)).maxCoeff();
    if (std::abs(dev - dev_old) / (std::abs(dev) + 0.1) < 1e-12 && step < 1e-10) {
      fit.converged = true;
      break;
    }
    dev_old = dev;
    coef_old = fit.coef;
  }
  Eigen::VectorXd W(n);
  for (Eigen::Index i = 0; i < n; ++i) W[i] = w[i] * dp[i] * dp[i] / (p[i] * (1 - p[i]));
  XtWX.noalias() = X.transpose() * W.asDiagonal() * X;
  fit.inv_information = XtWX.ldlt().solve(Eigen::MatrixXd::Identity(k, k));
  fit.fitted = p;
  // glm's "fitted probabilities numerically 0 or 1 occurred" (its glm.fit's 10 eps): separation.
  constexpr double eps = 2.220446e-16;
  for (Eigen::Index i = 0; i < n; ++i) fit.at_bounds += w[i] > 0 && (p[i] < 10 * eps || p[i] > 1 - 10 * eps);
  fit.log_likelihood = -deviance(y, p, w) / 2;
  return fit;
}

}  // namespace cbec
