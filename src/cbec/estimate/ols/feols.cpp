#include "cbec/estimate/ols/feols.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"
#include "cbec/estimate/ols/iv_diagnostics.hpp"
#include "cbec/estimate/ols/least_squares.hpp"
#include "cbec/estimate/ols/design_across_processes.hpp"
#include "cbec/estimate/ols/row_partition.hpp"
#include "cbec/estimate/ols/weak_identification.hpp"
#include "cbec/estimate/wald.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/representable_scale.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {

using ConstRef = Eigen::Ref<const Eigen::MatrixXd>;
using ConstVectorRef = Eigen::Ref<const Eigen::VectorXd>;

// A'WB without forming WB (W = diag(w), or I when w is empty).
Eigen::MatrixXd crossprod(const ConstRef& A, const ConstRef& B, const Eigen::VectorXd& w) {
  if (w.size()) return A.transpose() * w.asDiagonal() * B;
  return A.transpose() * B;
}

Eigen::MatrixXd columns(const ConstRef& A, const std::vector<long>& idx) {
  Eigen::MatrixXd out(A.rows(), static_cast<long>(idx.size()));
  for (size_t k = 0; k < idx.size(); ++k) out.col(static_cast<long>(k)) = A.col(idx[k]);
  return out;
}

// (A'WA)^-1 = R^-1 R^-T from A's QR factor (least_squares.hpp), failing with a clear message when
// singular.
Eigen::MatrixXd inverse_crossprod(const ConstRef& A, const Eigen::VectorXd& w) {
  const Eigen::MatrixXd R = triangular_factor(A, w);
  const long p = R.cols();
  for (long j = 0; j < p; ++j)
    if (!(std::fabs(R(j, j)) > 1e-13 * R.col(j).head(j + 1).norm()))
      throw NumericError("the regressors' cross-product matrix is singular; remove collinear terms");
  const Eigen::MatrixXd Rinv = R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(p, p));
  return Rinv * Rinv.transpose();
}

struct LeastSquares {
  Eigen::VectorXd beta, resid;
  Eigen::MatrixXd bread;
};

// y - Z beta, the rows in blocks of a fixed size shared by the threads (each row's value does not
// depend on the blocks, so neither on the thread count).
Eigen::VectorXd residuals(const ConstRef& Z, const ConstVectorRef& y, const Eigen::VectorXd& beta) {
  constexpr long kRows = 1 << 16;
  const long n = y.size(), blocks = (n + kRows - 1) / kRows;
  Eigen::VectorXd r(n);
#pragma omp parallel for schedule(static) if (blocks > 1)
  for (long b = 0; b < blocks; ++b) {
    const long first = b * kRows, rows = std::min(n, first + kRows) - first;
    r.segment(first, rows).noalias() = y.segment(first, rows) - Z.middleRows(first, rows) * beta;
  }
  return r;
}

// From the triangular factor R of [Z y] (least_squares.hpp): coefficients on the columns `keep` of Z.
LeastSquares qr_least_squares(const Eigen::MatrixXd& R, const std::vector<long>& keep, const ConstRef& Zk, const ConstVectorRef& y,
                              const Eigen::VectorXd& w, ReduceExchange* exchange = nullptr) {
  QrSolution s = solve_from_factor(R, keep);
  refine(s, Zk, y, w, 1e-13, exchange);
  LeastSquares ls;
  ls.beta = std::move(s.beta);
  ls.bread = std::move(s.bread);
  ls.resid = residuals(Zk, y, ls.beta);
  return ls;
}

LeastSquares least_squares(const ConstRef& Z, const ConstVectorRef& y, const Eigen::VectorXd& w) {
  Eigen::MatrixXd Zy(Z.rows(), Z.cols() + 1);
  Zy << Z, y;
  std::vector<long> all;
  for (long j = 0; j < Z.cols(); ++j) all.push_back(j);
  return qr_least_squares(triangular_factor(Zy, w), all, Z, y, w);
}

// Split rows (P): every sum below is over all processes' rows.
Eigen::VectorXd weighted_ss(const Eigen::MatrixXd& A, const Eigen::VectorXd& w, const RowPartition* P) {
  Eigen::VectorXd ss(A.cols());
  for (long j = 0; j < A.cols(); ++j) ss[j] = w.size() ? A.col(j).cwiseAbs2().dot(w) : A.col(j).squaredNorm();
  if (P) P->sum(ss);
  return ss;
}

// The weighted sum of squares of v - center (w empty: unit weights), without forming v - center.
double weighted_sq(const ConstVectorRef& v, const Eigen::VectorXd& w, const RowPartition* P, double center = 0) {
  const auto d = (v.array() - center).matrix();
  const double ss = w.size() ? d.dot(d.cwiseProduct(w)) : d.squaredNorm();
  return P ? P->sum(ss) : ss;
}

double centered_ss(const ConstVectorRef& y, const Eigen::VectorXd& w, const RowPartition* P) {
  double s[2] = {w.size() ? w.sum() : static_cast<double>(y.size()), w.size() ? y.dot(w) : y.sum()};
  if (P) P->sum(s, 2);
  return weighted_sq(y, w, P, s[1] / s[0]);
}

std::vector<std::string> kept_names(const std::vector<std::string>& names, const std::vector<long>& keep) {
  std::vector<std::string> out;
  for (long j : keep) out.push_back(names[static_cast<size_t>(j)]);
  return out;
}

// The first stage with its exogenous regressors (columns of Fk other than the excluded instruments
// inst_idx) partialled out of the endogenous variables and the instruments (Frisch-Waugh-Lovell;
// fixed effects are already partialled), rows scaled by sqrt(w).
PartialledFirstStage partial_first_stage(const Eigen::MatrixXd& Fk, const std::vector<long>& inst_idx, const Eigen::MatrixXd& Ek,
                                         const Eigen::VectorXd& w, const Design& d, size_t absorbed) {
  std::vector<long> exog_idx;
  for (long j = 0; j < Fk.cols(); ++j)
    if (std::find(inst_idx.begin(), inst_idx.end(), j) == inst_idx.end()) exog_idx.push_back(j);
  Eigen::MatrixXd A(Fk.rows(), Ek.cols() + static_cast<long>(inst_idx.size()));
  A << Ek, columns(Fk, inst_idx);
  if (!exog_idx.empty()) {
    const Eigen::MatrixXd Xf = columns(Fk, exog_idx);
    A -= Xf * (inverse_crossprod(Xf, w) * crossprod(Xf, A, w));
  }
  apply_sqrt_weights(A, w);
  return {A.leftCols(Ek.cols()), A.rightCols(static_cast<long>(inst_idx.size())), d, static_cast<size_t>(Fk.cols()), absorbed};
}

// The names of the stacked columns: y, the regressors, the endogenous variables, the instruments.
std::vector<std::string> stacked_names(const Design& d) {
  std::vector<std::string> names{d.depvar};
  names.insert(names.end(), d.x_names.begin(), d.x_names.end());
  names.insert(names.end(), d.endog_names.begin(), d.endog_names.end());
  names.insert(names.end(), d.instrument_names.begin(), d.instrument_names.end());
  return names;
}

// The variance of an exactly identified fit (as many parameters as observations): the coefficients
// are estimated, their variance is not (fixest's NaN standard errors, Stata's missing ones).
VcovOutput without_residual_df(const VcovSpec& spec, double n, long k, double K) {
  VcovOutput v;
  v.info.type = spec.type;
  v.info.df = 0;
  v.info.cluster = spec.cluster;
  v.V = Eigen::MatrixXd::Constant(k, k, std::numeric_limits<double>::quiet_NaN());
  v.warnings.push_back(fmt::format("no residual degrees of freedom ({} observations for {} parameters): the coefficients fit the data "
                                   "exactly and have no standard errors, tests or confidence intervals",
                                   n, K));
  return v;
}

// Fits the model whose variables are the columns of `data` (y, then kx exogenous regressors, ke
// endogenous variables and ki instruments, over the design's sample); `data` is demeaned in place
// and reused as working storage. P: this process holds only its share of the rows (row_partition.hpp;
// no IV then), the design and `data` are that share.
RegressionResult fit(const Design& d, Eigen::MatrixXd& data, long kx, long ke, long ki, const FeolsOptions& o,
                     const RowPartition* P = nullptr) {
  StageLap lap(o.timer);
  RegressionResult r;
  r.estimator = d.spec.has_iv() ? "iv" : (d.fixed_effects.empty() ? "ols" : "feols");
  r.formula = d.spec.formula;
  r.depvar = d.depvar;
  r.dropped = d.dropped;
  r.nobs = P ? P->n_total : static_cast<size_t>(data.rows());
  const long n = data.rows();                            // rows here
  const double N = static_cast<double>(r.nobs);          // observations
  const Eigen::VectorXd& w = d.weights;
  const Eigen::VectorXd raw_ss = weighted_ss(data, w, P);
  const std::vector<std::string> col_names = stacked_names(d);
  for (long j = 0; j < data.cols(); ++j) refuse_unrepresentable_scale(col_names[static_cast<size_t>(j)], data.col(j), raw_ss[j], P == nullptr);
  // Total sum of squares of y, before y is demeaned.
  const bool centered = d.spec.intercept || !d.fixed_effects.empty();
  const double tss = centered ? centered_ss(data.col(0), w, P) : weighted_sq(data.col(0), w, P);
  if (!(tss > 0))
    r.warnings.push_back(fmt::format("'{}' does not vary in the estimation sample: the fit is perfect, so R-squared, the likelihood and "
                                     "the tests are not defined", d.depvar));
  size_t absorbed = 0;
  if (!d.fixed_effects.empty()) {
    // Columns already demeaned for this sample come from the cache; the rest are demeaned together.
    std::vector<std::string> keys;
    const std::string sample = o.cache ? (P ? P->sample_key : DemeanCache::sample_key(d)) : "";
    std::vector<long> todo;
    if (o.cache) {
      for (long j = 0; j < data.cols(); ++j) {
        keys.push_back(sample + "|" + col_names[static_cast<size_t>(j)]);
        Eigen::VectorXd cached;
        if (o.cache->find(keys.back(), cached)) data.col(j) = cached;
        else todo.push_back(j);
      }
    } else {
      for (long j = 0; j < data.cols(); ++j) todo.push_back(j);
    }
    Demeaner dm(d.fixed_effects, w, o.demean_tol, 10000, P ? &P->demean : nullptr);
    DemeanStats st;
    if (static_cast<long>(todo.size()) == data.cols()) {
      st = dm.demean(data);  // in place: no second n x k buffer
    } else {
      Eigen::MatrixXd pending(n, static_cast<long>(todo.size()));
      for (size_t a = 0; a < todo.size(); ++a) pending.col(static_cast<long>(a)) = data.col(todo[a]);
      st = dm.demean(pending);
      for (size_t a = 0; a < todo.size(); ++a) data.col(todo[a]) = pending.col(static_cast<long>(a));
    }
    if (o.cache)
      for (long j : todo) o.cache->store(keys[static_cast<size_t>(j)], data.col(j));
    absorbed = P ? P->absorbed : absorbed_parameters(d.fixed_effects);
    r.info["demean_iterations"] = std::to_string(st.max_iterations);
    r.info["demean_sweeps"] = std::to_string(st.max_sweeps);
    r.info["demean_tol"] = fmt::format("{:g}", o.demean_tol);
    if (!st.converged) r.warnings.push_back("the fixed-effect demeaning did not converge; estimates may be inaccurate");
    for (size_t q = 0; q < d.fixed_effects.size(); ++q)
      r.fixed_effects.emplace_back(d.fixed_effects[q].name, P ? P->demean.levels[q] : d.fixed_effects[q].n_levels);
    r.info["absorbed_parameters"] = std::to_string(absorbed);
  }
  lap.lap(Stage::Demean);
  const ConstVectorRef y = data.col(0);  // y stays in column 0: the OLS regressors are kept in columns 1..
  const auto X = data.middleCols(1, kx);
  const auto E = data.middleCols(1 + kx, ke);
  const auto I = data.middleCols(1 + kx + ke, ki);

  // Collinearity: exogenous + endogenous regressors in formula order, from the triangular factor of
  // [X E y] (one pass over the data; for OLS the same factor gives the solution).
  Eigen::MatrixXd R_xy;
  {
    std::vector<long> order;
    for (long j = 1; j <= kx + ke; ++j) order.push_back(j);
    order.push_back(0);
    R_xy = triangular_factor(data, w, order);
    if (P) R_xy = P->combine_factor(R_xy);  // the factor of all rows
  }
  Eigen::VectorXd ss_xe = raw_ss.segment(1, kx + ke);
  std::vector<long> keep = independent_columns_qr(R_xy, kx + ke, ss_xe, o.collin_tol);
  std::vector<std::string> names;
  std::vector<long> keep_x, keep_e;
  for (long j = 0; j < kx + ke; ++j) {
    const bool kept = std::find(keep.begin(), keep.end(), j) != keep.end();
    const std::string& nm = j < kx ? d.x_names[static_cast<size_t>(j)] : d.endog_names[static_cast<size_t>(j - kx)];
    if (!kept) {
      r.collinear.push_back(nm);
      if (j >= kx) throw NumericError(fmt::format("the endogenous variable '{}' is collinear with the other regressors or fixed effects", nm));
      continue;
    }
    (j < kx ? keep_x : keep_e).push_back(j < kx ? j : j - kx);
  }
  if (!r.collinear.empty())
    r.warnings.push_back(fmt::format("dropped as perfectly collinear: {}", fmt::join(r.collinear, ", ")));

  Eigen::MatrixXd Z;  // 2SLS: second-stage regressors with fitted endogenous variables
  LeastSquares ls;
  const long k_ols = static_cast<long>(keep_x.size());
  if (ke == 0) {
    for (long j : keep_x) names.push_back(d.x_names[static_cast<size_t>(j)]);
    if (k_ols == 0) throw SpecError(fmt::format("no regressor left to estimate in '{}'", d.spec.formula));
    // OLS works on the kept regressors moved left within columns 1.. of `data`: none is copied
    // unless a collinear one before it was dropped.
    for (long a = 0; a < k_ols; ++a)
      if (keep_x[static_cast<size_t>(a)] != a) data.col(1 + a) = data.col(1 + keep_x[static_cast<size_t>(a)]);
  } else {
    const Eigen::MatrixXd Xk = columns(X, keep_x);
    // First stage: each endogenous variable on the exogenous regressors and the instruments.
    Eigen::MatrixXd F(n, Xk.cols() + ki);
    F << Xk, I;
    Eigen::VectorXd ss_f(F.cols());
    for (long j = 0; j < Xk.cols(); ++j) ss_f[j] = raw_ss[1 + keep_x[static_cast<size_t>(j)]];
    ss_f.tail(ki) = raw_ss.tail(ki);
    std::vector<long> keep_f = independent_columns_qr(triangular_factor(F, w), F.cols(), ss_f, o.collin_tol);
    std::vector<long> inst_idx;
    for (size_t a = 0; a < keep_f.size(); ++a)
      if (keep_f[a] >= Xk.cols()) inst_idx.push_back(static_cast<long>(a));
    if (static_cast<long>(keep_f.size()) != F.cols())
      r.warnings.push_back("some instruments are collinear with the exogenous regressors or fixed effects and were dropped");
    if (inst_idx.size() < keep_e.size())
      throw SpecError(fmt::format("the model is under-identified: {} usable instruments for {} endogenous variables", inst_idx.size(), keep_e.size()));
    const Eigen::MatrixXd Fk = columns(F, keep_f);
    Eigen::MatrixXd Ehat(n, static_cast<long>(keep_e.size())), Vhat(n, static_cast<long>(keep_e.size()));
    const Eigen::MatrixXd Fbread = inverse_crossprod(Fk, w);
    for (size_t a = 0; a < keep_e.size(); ++a) {
      Eigen::VectorXd e = E.col(keep_e[a]);
      LeastSquares first = least_squares(Fk, e, w);  // QR: pi and residuals
      const Eigen::VectorXd& pi = first.beta;
      const Eigen::VectorXd& res = first.resid;
      Ehat.col(static_cast<long>(a)) = e - res;
      Vhat.col(static_cast<long>(a)) = res;
      // First-stage instrument strength: F under iid errors, and a Wald F with the model's vcov
      // (for one endogenous variable this equals the Kleibergen-Paap rk Wald F; Kleibergen and Paap 2006).
      const std::string& en = d.endog_names[static_cast<size_t>(keep_e[a])];
      VcovSpec iid;
      VcovOutput v_iid = compute_vcov(iid, {Fk, res, w, Fbread, d, static_cast<size_t>(Fk.cols()), absorbed});
      r.tests["first_stage_f:" + en] = wald_f(pi, v_iid.V, inst_idx, v_iid.info.df);
      VcovOutput v_rob = compute_vcov(o.vcov, {Fk, res, w, Fbread, d, static_cast<size_t>(Fk.cols()), absorbed});
      TestResult wald = wald_f(pi, v_rob.V, inst_idx, v_rob.info.df, "Wald F of the excluded instruments with the model's variance estimator");
      r.tests["first_stage_wald:" + en] = wald;
      if (keep_e.size() == 1) {
        TestResult kp = wald;
        kp.note = "Kleibergen-Paap rk Wald F (one endogenous variable: the robust first-stage Wald F)";
        r.tests["kleibergen_paap_f"] = kp;
      }
    }
    weak_identification_tests(partial_first_stage(Fk, inst_idx, columns(E, keep_e), w, d, absorbed), o.vcov,
                              kept_names(d.endog_names, keep_e), r);
    Z.resize(n, static_cast<long>(keep_e.size()) + Xk.cols());
    Z << Ehat, Xk;
    Eigen::MatrixXd Zactual(n, Z.cols());
    Zactual << columns(E, keep_e), Xk;
    for (long j : keep_e) names.push_back(d.endog_names[static_cast<size_t>(j)]);
    for (long j : keep_x) names.push_back(d.x_names[static_cast<size_t>(j)]);
    ls = least_squares(Z, y, w);
    ls.resid = y - Zactual * ls.beta;  // structural residuals
    const Eigen::VectorXd y_iv = y;
    iv_diagnostics({Fk, Zactual, Vhat, y_iv, ls.resid, w, d, absorbed, static_cast<long>(inst_idx.size())}, o.vcov, r);
  }
  const ConstRef Zfinal = ke == 0 ? ConstRef(data.middleCols(1, k_ols)) : ConstRef(Z);
  if (ke == 0) ls = qr_least_squares(R_xy, keep, Zfinal, y, w, P ? P->exchange : nullptr);  // keep = keep_x without endogenous variables
  r.terms = names;
  r.coef = ls.beta;
  const size_t k = static_cast<size_t>(Zfinal.cols());
  lap.lap(Stage::Solve);
  VcovOutput v = N > static_cast<double>(k + absorbed) ? compute_vcov(o.vcov, {Zfinal, ls.resid, w, ls.bread, d, k, absorbed}, P)
                                                       : without_residual_df(o.vcov, N, static_cast<long>(k), static_cast<double>(k + absorbed));
  lap.lap(Stage::Vcov);
  r.vcov = v.V;
  r.vcov_info = v.info;
  for (auto& wmsg : v.warnings) r.warnings.push_back(wmsg);
  for (const auto& c : o.vcov.cluster)
    if (c.empty()) throw SpecError("empty cluster variable name");
  const double K = static_cast<double>(k + absorbed);
  r.df_resid = N - K;
  const double rss = weighted_sq(ls.resid, w, P);
  r.fit["rss"] = rss;
  r.fit["r2"] = 1 - rss / tss;
  r.fit["adj_r2"] = 1 - (1 - r.fit["r2"]) * (N - (centered ? 1 : 0)) / (N - K);
  r.fit["rmse"] = std::sqrt(rss / N);
  r.fit["sigma"] = std::sqrt(rss / (N - K));
  if (!d.fixed_effects.empty()) {
    const double tss_within = weighted_sq(y, w, P);
    r.fit["r2_within"] = 1 - rss / tss_within;
    // Adjusted as fixest's war2 and reghdfe's r2_a_within: (n - absorbed) / df_resid, the absorbed
    // fixed-effect parameters out of both (xtreg replaces it with plm's: panel_models.cpp).
    r.fit["adj_r2_within"] = 1 - (1 - r.fit["r2_within"]) * (N - static_cast<double>(absorbed)) / (N - K);
  }
  if (ke == 0) {
    // Gaussian log-likelihood at the least-squares fit, as R's logLik(lm) (weights: lm's
    // 0.5 sum log w_i - n/2 (log 2 pi + 1 - log n + log sum w_i e_i^2)); the parameters counted by
    // AIC and BIC are the regressors, the absorbed fixed effects and sigma (lm with the dummies).
    const double nn = N;
    double sum_log_w = w.size() ? w.array().log().sum() : 0.0;
    if (P && w.size()) sum_log_w = P->sum(sum_log_w);
    const double ll = 0.5 * sum_log_w - 0.5 * nn * (std::log(2 * std::numbers::pi) + 1 - std::log(nn) + std::log(rss));
    r.fit["loglik"] = ll;
    r.fit["aic"] = -2 * ll + 2 * (K + 1);
    r.fit["bic"] = -2 * ll + std::log(nn) * (K + 1);
  }
  // Joint Wald test of all slopes (excluding the intercept), with the chosen variance.
  std::vector<long> slopes;
  for (size_t j = 0; j < names.size(); ++j)
    if (names[j] != "(Intercept)") slopes.push_back(static_cast<long>(j));
  if (!slopes.empty()) {
    TestResult f = wald_f(r.coef, r.vcov, slopes, r.vcov_info.df, "joint Wald test that all slopes are zero, with the chosen variance estimator");
    r.tests["wald_slopes"] = f;
  }
  lap.lap(Stage::Solve);
  return r;
}

}  // namespace

RegressionResult feols(const Design& d, const FeolsOptions& o) {
  if (d.is_stacked()) {
    Eigen::MatrixXd data = d.stacked;
    return fit(d, data, d.n_x, d.n_endog, d.n_instruments, o);
  }
  const long kx = d.X.cols(), ke = d.endog.cols(), ki = d.instruments.cols();
  Eigen::MatrixXd data(d.nobs(), 1 + kx + ke + ki);
  data.col(0) = d.y;
  data.middleCols(1, kx) = d.X;
  data.middleCols(1 + kx, ke) = d.endog;
  data.middleCols(1 + kx + ke, ki) = d.instruments;
  return fit(d, data, kx, ke, ki, o);
}

RegressionResult feols(Design&& d, const FeolsOptions& o) {
  if (!d.is_stacked()) return feols(static_cast<const Design&>(d), o);
  Eigen::MatrixXd data = std::move(d.stacked);
  if (!o.cache) std::vector<size_t>().swap(d.rows);  // the row index only keys the cache
  return fit(d, data, d.n_x, d.n_endog, d.n_instruments, o);
}

namespace {
// The exchange to split the design's rows over (nullptr: none). The processes meet here first, so
// that waiting for the slowest to read its data and build its design counts as design time, and
// --timing's demean stage is the split work.
ReduceExchange* meet_before_split(const Design& d, const FeolsOptions& o, ReduceExchange* exchange) {
  ReduceExchange* ex = exchange ? exchange : reduce_exchange();
  if (!ex || ex->size() <= 1 || !can_partition(d, o.vcov)) return nullptr;
  double ready = 0;
  ex->max(&ready, 1);
  return ex;
}

// feols(Design&&), with the rows split across the processes of `ex` (from meet_before_split:
// nullptr unless the model can be split).
RegressionResult feols_split(Design&& d, const FeolsOptions& o, ReduceExchange* ex) {
  if (!ex) return feols(std::move(d), o);
  RowPartition P;
  if (o.cache) P.sample_key = DemeanCache::sample_key(d);
  Design local = partition_rows(std::move(d), *ex, o.vcov, P);
  ex->note_partitioned_fit();
  Eigen::MatrixXd data = std::move(local.stacked);
  if (!o.cache) std::vector<size_t>().swap(local.rows);
  return fit(local, data, local.n_x, local.n_endog, local.n_instruments, o, &P);
}
}  // namespace

namespace {
DesignOptions with_vcov_groups(DesignOptions design_options, const FeolsOptions& options) {
  for (const auto& g : options.vcov.groups())
    if (std::find(design_options.groups.begin(), design_options.groups.end(), g) == design_options.groups.end())
      design_options.groups.push_back(g);
  design_options.stacked = true;
  return design_options;
}
}  // namespace

RegressionResult feols(const Frame& frame, const std::string& formula, const FeolsOptions& options, DesignOptions design_options) {
  StageLap lap(options.timer);
  Design d = build_design(frame, parse_formula(formula), with_vcov_groups(std::move(design_options), options));
  if (options.sample_rows) *options.sample_rows = d.rows;
  lap.lap(Stage::Design);
  return feols(std::move(d), options);
}

RegressionResult feols(Frame&& frame, const std::string& formula, const FeolsOptions& options, DesignOptions design_options) {
  StageLap lap(options.timer);
  Design d = build_design(std::move(frame), parse_formula(formula), with_vcov_groups(std::move(design_options), options));
  if (options.sample_rows) *options.sample_rows = d.rows;
  lap.lap(Stage::Design);
  return feols(std::move(d), options);
}

RegressionResult feols_across_processes(const Frame& frame, const std::string& formula, const FeolsOptions& options,
                                        DesignOptions design_options, ReduceExchange* exchange) {
  StageLap lap(options.timer);
  Design d = build_design(frame, parse_formula(formula), with_vcov_groups(std::move(design_options), options));
  ReduceExchange* ex = meet_before_split(d, options, exchange);
  lap.lap(Stage::Design);
  return feols_split(std::move(d), options, ex);
}

RegressionResult feols_across_processes(Frame&& frame, const std::string& formula, const FeolsOptions& options,
                                        DesignOptions design_options, ReduceExchange* exchange) {
  StageLap lap(options.timer);
  Design d = build_design(std::move(frame), parse_formula(formula), with_vcov_groups(std::move(design_options), options));
  ReduceExchange* ex = meet_before_split(d, options, exchange);
  lap.lap(Stage::Design);
  return feols_split(std::move(d), options, ex);
}

RegressionResult feols_on_shares(Frame&& share, const std::string& formula, const FeolsOptions& options, DesignOptions design_options,
                                 const std::string& split_variable, ReduceExchange& exchange) {
  StageLap lap(options.timer);
  const ModelSpec spec = parse_formula(formula);
  if (spec.has_iv() || spec.fixed_effects.empty() || options.vcov.type == "CR2" || options.cache)
    throw Error("internal error: feols_on_shares takes a fixed-effects model without IV, CR2 or a demeaning cache");
  RowPartition P;
  Design local = design_across_processes(std::move(share), spec, with_vcov_groups(std::move(design_options), options), split_variable,
                                         exchange, options.vcov, P);
  double ready = 0;  // as meet_before_split: waiting for the slowest process counts as design time
  exchange.max(&ready, 1);
  lap.lap(Stage::Design);
  exchange.note_partitioned_fit();
  Eigen::MatrixXd data = std::move(local.stacked);
  std::vector<size_t>().swap(local.rows);
  return fit(local, data, local.n_x, local.n_endog, local.n_instruments, options, &P);
}

}  // namespace cbec
