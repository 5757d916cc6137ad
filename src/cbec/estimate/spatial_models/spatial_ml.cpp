// Maximum likelihood of the cross-section spatial models by the concentrated likelihood
// (Anselin 1988, ch. 12; LeSage & Pace 2009, 3.1-3.3), and SLX by least squares
// (Halleck Vega & Elhorst 2015). Conventions of spatialreg (see spatial_ml.hpp).
#include "cbec/estimate/spatial_models/spatial_ml.hpp"

#include <Eigen/Dense>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <limits>
#include <numbers>
#include <string>
#include <tuple>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/estimate/spatial_models/durbin_terms.hpp"
#include "cbec/estimate/spatial_models/error_model_sse.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_internal.hpp"
#include "cbec/estimate/spatial_models/spatial_ml_search.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/eigen_threads.hpp"

namespace cbec {

namespace {

using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using detail::maximize;

constexpr long kSmallAsy = 1500;  // spatialreg's lagsarlm/errorsarlm control "small"

struct LeastSquares {
  Eigen::VectorXd beta, resid;
  double sse = 0;
};

LeastSquares least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < X.cols()) throw NumericError("spatial model: the regressors are perfectly collinear");
  LeastSquares ls;
  ls.beta = qr.solve(y);
  ls.resid = y - X * ls.beta;
  ls.sse = ls.resid.squaredNorm();
  return ls;
}

// ln L at the concentrated sigma^2 = SSE/n: ldet - n/2 ln(2 pi) - n/2 ln(SSE/n) - n/2.
double concentrated_loglik(double ldet, double sse, double n) {
  return ldet - n / 2 * std::log(2 * std::numbers::pi) - n / 2 * std::log(sse / n) - n / 2;
}

// X and, for the Durbin models and SLX, W times its non-intercept columns ("lag.<name>"), or only
// those of the regressors named in `terms` (spatialreg's Durbin formula), in X's order.
void add_lagged_x(const RowSparse& w, Eigen::MatrixXd& X, std::vector<std::string>& names, const std::vector<std::string>& terms) {
  const std::vector<long> cols = durbin_columns(names, terms);
  Eigen::MatrixXd out(X.rows(), X.cols() + static_cast<long>(cols.size()));
  out.leftCols(X.cols()) = X;
  for (size_t c = 0; c < cols.size(); ++c) {
    out.col(X.cols() + static_cast<long>(c)) = w * X.col(cols[c]);
    names.push_back("lag." + names[static_cast<size_t>(cols[c])]);
  }
  X = std::move(out);
}

double ols_loglik(double sse, double n) { return -n / 2 * (std::log(2 * std::numbers::pi) + std::log(sse / n) + 1); }

TestResult chi2_test(double stat, double df, std::string note) {
  TestResult t;
  t.stat = stat;
  t.df1 = df;
  t.p_value = p_chi2_upper(stat, df);
  t.distribution = "chi2";
  t.note = std::move(note);
  return t;
}

RegressionResult slx(const SpatialMlData& d, Eigen::MatrixXd X, std::vector<std::string> names) {
  // Ordinary least squares of y on [X, WX] with lm's variance s^2 (X'X)^-1, s^2 = SSE/(n - k).
  const LeastSquares ls = least_squares(X, d.y);
  const double n = static_cast<double>(X.rows()), k = static_cast<double>(X.cols());
  RegressionResult r;
  r.estimator = "slx";
  r.depvar = d.depvar;
  r.terms = names;
  r.coef = ls.beta;
  const Eigen::MatrixXd xtx_inv = (X.transpose() * X).ldlt().solve(Eigen::MatrixXd::Identity(X.cols(), X.cols()));
  r.vcov = ls.sse / (n - k) * xtx_inv;
  r.vcov_info.type = "iid";
  r.vcov_info.df = n - k;
  r.nobs = static_cast<size_t>(n);
  r.df_resid = n - k;
  const double ll = ols_loglik(ls.sse, n);
  const double tss = (d.y.array() - d.y.mean()).square().sum();
  r.fit = {{"loglik", ll}, {"aic", -2 * ll + 2 * (k + 1)}, {"sigma2", ls.sse / (n - k)}, {"sse", ls.sse},
           {"r2", 1 - ls.sse / tss}, {"n_parameters", k + 1}};
  r.info["variance"] = "least squares, sigma^2 = SSE/(n - k) (lm)";
  return r;
}

}  // namespace

SpatialModel parse_spatial_model(const std::string& name) {
  if (name == "sar") return SpatialModel::SAR;
  if (name == "sdm") return SpatialModel::SDM;
  if (name == "sem") return SpatialModel::SEM;
  if (name == "sdem") return SpatialModel::SDEM;
  if (name == "sac") return SpatialModel::SAC;
  if (name == "slx") return SpatialModel::SLX;
  throw SpecError("spatial model '" + name + "' is not one of sar, sdm, sem, sdem, sac, slx");
}

std::string spatial_model_name(SpatialModel m) {
  switch (m) {
    case SpatialModel::SAR: return "sar";
    case SpatialModel::SDM: return "sdm";
    case SpatialModel::SEM: return "sem";
    case SpatialModel::SDEM: return "sdem";
    case SpatialModel::SAC: return "sac";
    case SpatialModel::SLX: return "slx";
  }
  return "sar";
}

RegressionResult spatial_ml(const SpatialMlData& data, const RowSparse& w, SpatialModel model, const SpatialMlOptions& options) {
  const EigenThreads single(1);  // products with W and n x k matrices: too small to share
  StageLap lap(options.timer);
  const long nn = data.y.size();
  if (w.rows() != nn || w.cols() != nn)
    throw SpecError(fmt::format("spatial model: W is {} x {} but there are {} observations", w.rows(), w.cols(), nn));
  if (data.X.rows() != nn) throw SpecError("spatial model: X and y have different numbers of rows");
  if (nn > 0 && is_rounding_noise((data.y.array() - data.y.mean()).matrix(), data.y))
    throw DataError(fmt::format("spatial model: the dependent variable '{}' is constant: there is nothing to explain", data.depvar));
  Eigen::MatrixXd X = data.X;
  std::vector<std::string> names = data.x_names;
  const bool durbin = model == SpatialModel::SDM || model == SpatialModel::SDEM || model == SpatialModel::SLX;
  if (!durbin && !options.durbin_terms.empty())
    throw SpecError(fmt::format("durbin_terms: model {} has no W x terms; they are for sdm, sdem and slx", spatial_model_name(model)));
  if (durbin) add_lagged_x(w, X, names, options.durbin_terms);
  if (model == SpatialModel::SLX) {
    RegressionResult r = slx(data, X, names);
    lap.lap(Stage::Solve);
    return r;
  }
  if (nn <= X.cols() + 2) throw SpecError("spatial model: too few observations for the parameters");

  const double n = static_cast<double>(nn);
  const LogDeterminant ld(w, options.log_det, options.seed);
  auto interval = ld.rho_interval();
  // Keep the search strictly inside the interval, where I - rho W is non-singular.
  const double margin = 1e-9 * (interval.second - interval.first);
  interval = {interval.first + margin, interval.second - margin};
  const Eigen::VectorXd& y = data.y;
  const Eigen::VectorXd wy = w * y;
  const Eigen::MatrixXd wx = w * X;
  const LeastSquares ols = least_squares(X, y);

  detail::SpatialFit f;
  f.model = model;
  f.w = &w;
  f.ldet = &ld;
  f.y = y;
  f.X = X;
  double loglik = 0;
  int factorizations = 0;  // of the sparse log-determinant's search
  const bool lag = model == SpatialModel::SAR || model == SpatialModel::SDM;
  const bool err = model == SpatialModel::SEM || model == SpatialModel::SDEM;
  // The maximum over rho (or lambda) of ln|I - rho W| + g(rho), g the concentrated sum-of-squares
  // part: Brent on exact values when the log-determinant is cheap; with the sparse factorization,
  // the interpolating search (spatial_ml_search.hpp) from the maximum under the series' first two
  // terms, ln|I - rho W| ~ -rho tr(W) - rho^2 tr(W^2)/2 (Barry & Pace 1999, eq. 7; exact traces).
  const bool costly = ld.method() == LogDetMethod::SparseLU;
  const auto search = [&](const detail::Function1& sse_fast, const detail::Function1& sse) {
    if (!costly) return maximize([&](double r) { return concentrated_loglik(ld(r), sse(r), n); }, interval);
    const auto g = [&](double r) { return concentrated_loglik(0, sse_fast(r), n); };
    const double t1 = w.diagonal().sum(), t2 = w.cwiseProduct(RowSparse(w.transpose())).sum();
    const double start = maximize([&](double r) { return -r * t1 - r * r * t2 / 2 + g(r); }, interval).first;
    const detail::CostlySearch found = detail::maximize_costly_ldet(ld, g, interval, start);
    (lag ? f.ldet_second_rho : f.ldet_second_lambda) = found.ldet_second;
    factorizations = found.factorizations;
    return std::make_pair(found.x, concentrated_loglik(found.ldet, sse(found.x), n));
  };
  if (lag) {
    // SSE(rho) = e0'e0 - 2 rho eL'e0 + rho^2 eL'eL, e0 and eL the residuals of y and Wy on X.
    const LeastSquares l = least_squares(X, wy);
    const double a = ols.sse, b = l.resid.dot(ols.resid), c = l.sse;
    const auto sse = [&](double r) { return a - 2 * r * b + r * r * c; };
    std::tie(f.rho, loglik) = search(sse, sse);
  } else if (err) {
    // SSE(lambda): residuals of (I - lambda W) y on (I - lambda W) X, by QR at each lambda, or
    // from one QR of [X, WX] inside the sparse search.
    const detail::ErrorModelSse sse_fast(X, wx, y, wy);
    std::tie(f.lambda, loglik) = search(sse_fast, [&](double l) { return least_squares(X - l * wx, y - l * wy).sse; });
  } else {
    // SAC: SSE(rho, lambda) of (I - lambda W)(I - rho W) y on (I - lambda W) X; the profile in rho
    // of the maximum over lambda. The likelihood can have two peaks (Columbus, binary weights:
    // rho near -0.05 and 0.045), so each search starts from the best of a grid over the interval
    // before Brent's method, and ln|I - rho W| is kept per rho (the grid reuses its values).
    const Eigen::VectorXd wwy = w * wy;
    std::map<double, double> ldet_at;
    const auto ldet = [&](double r) {
      const auto it = ldet_at.find(r);
      return it != ldet_at.end() ? it->second : (ldet_at[r] = ld(r));
    };
    constexpr int kGrid = 21;
    const auto ll = [&](double r, double l) {
      return concentrated_loglik(ldet(r) + ldet(l), least_squares(X - l * wx, y - r * wy - l * wy + r * l * wwy).sse, n);
    };
    const auto profile = [&](double r) { return detail::maximize_on_grid([&](double l) { return ll(r, l); }, interval, kGrid).second; };
    f.rho = detail::maximize_on_grid(profile, interval, kGrid).first;
    f.lambda = detail::maximize_on_grid([&](double l) { return ll(f.rho, l); }, interval, kGrid).first;
    loglik = ll(f.rho, f.lambda);
  }
  // b, e and sigma^2 at the estimates.
  const Eigen::MatrixXd xl = X - f.lambda * wx;
  const Eigen::VectorXd yl = y - f.rho * wy - f.lambda * (w * (y - f.rho * wy));
  const LeastSquares fit = least_squares(xl, yl);
  f.beta = fit.beta;
  f.e = fit.resid;
  f.sigma2 = fit.sse / n;
  lap.lap(Stage::Solve);

  // spatialreg's choice: the information matrix with eigenvalues, and for the lag and error models
  // also whenever n <= 1500 (its control "small" with small_asy); else the observed information.
  const bool ase = ld.method() == LogDetMethod::Eigenvalues || (nn <= kSmallAsy && model != SpatialModel::SAC);
  const Eigen::MatrixXd v = ase ? detail::information_variance(f) : detail::observed_variance(f);
  lap.lap(Stage::Vcov);
  const long k = X.cols(), s = model == SpatialModel::SAC ? 2 : 1;
  RegressionResult r;
  r.estimator = spatial_model_name(model);
  r.depvar = data.depvar;
  r.terms = names;
  if (lag || model == SpatialModel::SAC) r.terms.push_back("rho");
  if (err || model == SpatialModel::SAC) r.terms.push_back("lambda");
  r.coef.resize(k + s);
  r.coef.head(k) = f.beta;
  if (lag) r.coef[k] = f.rho;
  if (err) r.coef[k] = f.lambda;
  if (model == SpatialModel::SAC) r.coef.tail(2) << f.rho, f.lambda;
  // v is in (sigma^2, spatial, b): reorder to (b, spatial).
  Eigen::VectorXi order(k + s);
  for (long j = 0; j < k; ++j) order[j] = static_cast<int>(1 + s + j);
  for (long j = 0; j < s; ++j) order[k + j] = static_cast<int>(1 + j);
  r.vcov.resize(k + s, k + s);
  for (long i = 0; i < k + s; ++i)
    for (long j = 0; j < k + s; ++j) r.vcov(i, j) = v(order[i], order[j]);
  r.vcov_info.type = ase ? "ase" : "hessian";
  r.vcov_info.df = std::numeric_limits<double>::infinity();
  r.nobs = static_cast<size_t>(nn);
  r.df_resid = n - static_cast<double>(k + s + 1);
  const double n_par = static_cast<double>(k + s + 1), ll_ols = ols_loglik(ols.sse, n);
  r.fit = {{"loglik", loglik},   {"aic", -2 * loglik + 2 * n_par},   {"sigma2", f.sigma2},
           {"sse", fit.sse},     {"loglik_ols", ll_ols},             {"aic_ols", -2 * ll_ols + 2 * static_cast<double>(k + 1)},
           {"n_parameters", n_par}};
  const std::string what = model == SpatialModel::SAC ? "rho = lambda = 0" : lag ? "rho = 0" : "lambda = 0";
  r.tests["lr"] = chi2_test(2 * (loglik - ll_ols), static_cast<double>(s), "Likelihood ratio test of " + what + " (against OLS on the same X)");
  const Eigen::VectorXd theta = r.coef.tail(s);
  const Eigen::MatrixXd vt = r.vcov.bottomRightCorner(s, s);
  r.tests["wald"] = chi2_test(theta.dot(vt.ldlt().solve(theta)), static_cast<double>(s), "Wald test of " + what);
  r.info["log_determinant"] = log_det_method_name(ld.method());
  r.info["variance"] = ase ? "inverse asymptotic information matrix (spatialreg's ase)" : "inverse observed information (analytic Hessian)";
  if (factorizations > 0) r.info["log_det_factorizations"] = std::to_string(factorizations);
  r.info["interval"] = fmt::format("({:.6g}, {:.6g})", interval.first, interval.second);
  return r;
}

}  // namespace cbec
