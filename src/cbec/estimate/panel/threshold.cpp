#include "cbec/estimate/panel/threshold.hpp"

#include <Eigen/Cholesky>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>

#include "cbec/core/error.hpp"
#include "cbec/estimate/panel/threshold_grid_pairs.hpp"
#include "cbec/estimate/panel/threshold_nested.hpp"
#include "cbec/estimate/panel/threshold_pair_memory.hpp"
#include "cbec/estimate/panel/threshold_profile.hpp"
#include "cbec/estimate/panel/threshold_resampled.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/estimate/ols/least_squares.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/stats/multiplier_bootstrap.hpp"
#include "cbec/stats/eigen_threads.hpp"
#include "cbec/stats/replicate.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using detail::RowMatrix;
using detail::within;
using Sample = detail::ThresholdSample;

// c times 1(lower <= q < upper), within-transformed.
Eigen::MatrixXd regime_columns(const Sample& s, double lower, double upper) {
  RowMatrix M = s.C;
  for (Eigen::Index i = 0; i < M.rows(); ++i)
    if (!(s.q[i] >= lower && s.q[i] < upper)) M.row(i).setZero();
  return within(M, s);
}

// [x, c, c 1(q < g) for each fixed g]: spans the same space as the regime-specific slopes.
RowMatrix base_design(const Sample& s, const std::vector<double>& fixed) {
  RowMatrix B(s.X.rows(), s.X.cols() + s.Cw.cols() * static_cast<Eigen::Index>(1 + fixed.size()));
  B << s.X, s.Cw, Eigen::MatrixXd(s.X.rows(), s.Cw.cols() * static_cast<Eigen::Index>(fixed.size()));
  Eigen::Index col = s.X.cols() + s.Cw.cols();
  for (double g : fixed) {
    B.middleCols(col, s.Cw.cols()) = regime_columns(s, -std::numeric_limits<double>::infinity(), g);
    col += s.Cw.cols();
  }
  return B;
}

// Hansen's grid: quantiles trim, trim + 1/qn, ..., 1 - trim of the distinct values of q; its size.
size_t grid_points(int qn, double trim) { return static_cast<size_t>(std::floor(qn - 2 * qn * trim + 1e-10)) + 1; }

std::vector<double> quantile_grid(const Sample& s, int qn, double trim) {
  std::vector<double> d(s.q.data(), s.q.data() + s.q.size());
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  std::vector<double> grid;
  const size_t points = grid_points(qn, trim);
  for (size_t k = 0; k < points; ++k) {
    // As Hansen's code's seq(trim, ..., by = 1 / qn): trim + k (1 / qn), so that a position that
    // is a whole number in exact arithmetic floors as R floors it (k / qn may round below it).
    const double p = trim + static_cast<double>(k) * (1.0 / qn);
    const auto i = static_cast<long>(std::floor(p * static_cast<double>(d.size())));
    // Position 0 (fewer distinct values than 1 / trim) selects nothing in his dd[floor(sq n)]: no
    // point (it was the minimum again, repeated).
    if (i >= 1) grid.push_back(d[static_cast<size_t>(std::min(i, static_cast<long>(d.size())) - 1)]);
  }
  if (grid.empty())
    throw DataError(fmt::format("threshold: the threshold variable has {} distinct value{}, too few for a grid of quantiles", d.size(), d.size() == 1 ? "" : "s"));
  // Every point at q's smallest value: no row below any of them, a regime that is always empty
  // (F would be 0 at every point, a binary q for example).
  if (grid.back() <= d.front())
    throw DataError(fmt::format("threshold: every point of the grid is the smallest value of the threshold variable ({:g}; {} distinct values): "
                                "no candidate leaves a row below it; a threshold needs a variable with more distinct values",
                                d.front(), d.size()));
  return grid;
}

// The positions in the grid that remain without the qn * trim points on either side of each fixed
// threshold (Hansen's program).
std::vector<size_t> candidates(const std::vector<double>& grid, const std::vector<double>& fixed, int qn, double trim) {
  std::vector<double> below;   // per fixed threshold: grid points below it
  for (double r : fixed) below.push_back(static_cast<double>(std::count_if(grid.begin(), grid.end(), [&](double g) { return g < r; })));
  std::vector<size_t> out;
  for (size_t i = 1; i <= grid.size(); ++i) {
    const auto ii = static_cast<double>(i);
    bool near = false;
    for (double nn : below) near = near || (ii >= nn - qn * trim && ii < nn + qn * trim);
    if (!near) out.push_back(i - 1);
  }
  return out;
}

struct Search {
  std::vector<double> grid, sse;
  double gamma = 0, sse_min = 0;
  size_t position = 0;   // gamma's in the whole grid
};

// The least-squares threshold (Hansen 1999, section 2: the minimiser of S_1) among the grid points
// `at`, from S_1 at every grid point.
Search search(const std::vector<double>& sse, const std::vector<double>& grid, const std::vector<size_t>& at) {
  if (at.empty()) throw NumericError("threshold: no grid point is left to search (every one lies next to an earlier threshold); lower the trimming share");
  Search r;
  for (size_t g : at) {
    r.grid.push_back(grid[g]);
    r.sse.push_back(sse[g]);
  }
  const auto k = static_cast<size_t>(std::min_element(r.sse.begin(), r.sse.end()) - r.sse.begin());
  r.gamma = r.grid[k];
  r.sse_min = r.sse[k];
  r.position = at[k];
  return r;
}

// LR(g) = (S(g) / S(g_hat) - 1) n (T - 1) and the region where it stays below the critical value.
void likelihood_ratio(const Search& r, double dfree, double critical, std::vector<double>& lr, double& low, double& high) {
  lr.resize(r.grid.size());
  low = std::numeric_limits<double>::infinity();
  high = -low;
  for (size_t k = 0; k < r.grid.size(); ++k) {
    lr[k] = (r.sse[k] / r.sse_min - 1) * dfree;
    if (lr[k] <= critical) {
      low = std::min(low, r.grid[k]);
      high = std::max(high, r.grid[k]);
    }
  }
}

std::string regime_label(const std::string& q, double lower, double upper) {
  if (!std::isfinite(lower)) return fmt::format("{} < {:.6g}", q, upper);
  if (!std::isfinite(upper)) return fmt::format("{} >= {:.6g}", q, lower);
  return fmt::format("{:.6g} <= {} < {:.6g}", lower, q, upper);
}

// The model at given thresholds: one slope of each c per regime, homoskedastic and White SEs.
void fit_model(const Sample& s, const ThresholdResult& res, const std::vector<std::string>& x_names, const std::vector<std::string>& c_names,
               ThresholdStep& step) {
  std::vector<double> cuts = {-std::numeric_limits<double>::infinity()};
  cuts.insert(cuts.end(), step.thresholds.begin(), step.thresholds.end());
  cuts.push_back(std::numeric_limits<double>::infinity());
  const Eigen::Index m = s.Cw.cols(), regimes = static_cast<Eigen::Index>(cuts.size() - 1);
  Eigen::MatrixXd Z(s.X.rows(), s.X.cols() + m * regimes);
  Z.leftCols(s.X.cols()) = s.X;
  RegressionResult& r = step.model;
  r.terms = x_names;
  for (Eigen::Index j = 0; j < regimes; ++j) {
    Z.middleCols(s.X.cols() + j * m, m) = regime_columns(s, cuts[static_cast<size_t>(j)], cuts[static_cast<size_t>(j) + 1]);
    const std::string label = regime_label(res.threshold, cuts[static_cast<size_t>(j)], cuts[static_cast<size_t>(j) + 1]);
    for (const auto& c : c_names) r.terms.push_back(fmt::format("{} x 1({})", c, label));
    step.regime_sizes.push_back(static_cast<size_t>(
        (s.q.array() >= cuts[static_cast<size_t>(j)] && s.q.array() < cuts[static_cast<size_t>(j) + 1]).count()));
  }
  const Eigen::MatrixXd ZtZi = (Z.transpose() * Z).ldlt().solve(Eigen::MatrixXd::Identity(Z.cols(), Z.cols()));
  r.coef = ZtZi * (Z.transpose() * s.y);
  const Eigen::VectorXd e = s.y - Z * r.coef;
  r.estimator = "threshold";
  r.depvar = res.y;
  r.nobs = res.nobs;
  r.df_resid = s.dfree - static_cast<double>(Z.cols());
  r.vcov = ZtZi * (e.squaredNorm() / r.df_resid);
  r.vcov_info.type = "iid";
  r.vcov_info.df = r.df_resid;
  r.vcov_info.small_sample = "sigma^2 = e'e / (n (T - 1) - K)";
  r.dropped = res.dropped;
  r.fixed_effects = {{res.unit, s.n_units}};
  r.fit["sse"] = e.squaredNorm();
  const Eigen::MatrixXd Ze = Z.array().colwise() * e.array();
  step.se_white = (ZtZi * (Ze.transpose() * Ze) * ZtZi).diagonal().cwiseSqrt();
}

// A regime with fewer rows than half the trimming share of the sample (or than its slopes + 1): ties
// in q let a grid point of distinct values leave so few (Hansen's trimming counts distinct values;
// without ties each regime keeps about the share).
void warn_small_regimes(const ThresholdStep& step, double trim, size_t slopes, ThresholdResult& res) {
  const size_t least = std::max(slopes + 1, static_cast<size_t>(std::ceil(trim / 2 * static_cast<double>(res.nobs))));
  for (size_t j = 0; j < step.regime_sizes.size(); ++j)
    if (step.regime_sizes[j] < least)
      res.warnings.push_back(fmt::format("with {} threshold{}, regime {} of {} has {} of {} observations, fewer than {} (half the trimming share {:g}, or "
                                         "its slopes + 1; ties in the threshold variable): its slopes rest on few observations",
                                         step.k, step.k == 1 ? "" : "s", j + 1, step.regime_sizes.size(), step.regime_sizes[j], res.nobs, least, trim));
}

// The fitted model with k - 1 fixed thresholds (the null of the k-th test): fitted values and
// residuals in the transformed data, then bootstrap draws with unit residual vectors resampled
// (Hansen 1999, section 3.2). `linear` is the profile without fixed thresholds; a draw is one pass
// over the rows (ResampledProfile), and its searches, each given the draw's thresholds before it,
// follow from that pass's sums (NestedProfile; `pairs` is needed only for k > 1).
void bootstrap(const Sample& s, const std::vector<double>& null_thresholds, const std::vector<double>& grid,
               const detail::ThresholdGridSums& sums, const detail::SsrProfile& linear, const detail::GridPairSums* pairs,
               const ThresholdSpec& spec, int k, ThresholdStep& step) {
  const size_t draws = k - 1 < static_cast<int>(spec.draws.size()) ? spec.draws[static_cast<size_t>(k - 1)] : 0;
  step.draws = draws;
  if (draws == 0) {
    step.p_value = step.crit90 = step.crit95 = step.crit99 = kNaN;
    return;
  }
  const RowMatrix B = base_design(s, null_thresholds);
  const Eigen::VectorXd fitted = B * (B.transpose() * B).ldlt().solve(B.transpose() * s.y);
  const Eigen::VectorXd resid = s.y - fitted;
  const detail::ResampledProfile resampled(s, linear, fitted, resid, null_thresholds.empty());
  // Eigen blocks a large product by its thread count: with more than one it splits the sum
  // differently even when the product runs inside a one-thread region, so the draws would depend on
  // the threads. A draw's products are small (of the order of the regressors), but with many
  // regressors they need not be: the draws run in parallel, their products stay serial.
  const EigenThreads single(1);
  const auto stats = replicate(draws, spec.seed + static_cast<uint64_t>(k), [&](size_t, Rng& rng) {
    const detail::CrossSums x = resampled(rng);
    // Sequential estimation as in the data: thresholds 1..k, each given those before it; S_0, the
    // linear model's, enters the first test only.
    std::vector<double> fixed;
    std::vector<size_t> fixed_at;
    detail::SsrProfile::Fit fit = linear(x);
    double before = fit.linear, after = before;
    for (int j = 1; j <= k; ++j) {
      if (j > 1) fit = detail::NestedProfile(linear, sums, *pairs)(x, fixed_at);
      const Search r = search(fit.sse, grid, candidates(grid, fixed, spec.quantiles, spec.trim[static_cast<size_t>(j - 1)]));
      before = after;
      after = r.sse_min;
      fixed.push_back(r.gamma);
      fixed_at.push_back(r.position);
    }
    return (before - after) / (after / s.dfree);
  }, spec.threads);
  step.p_value = static_cast<double>(std::count_if(stats.begin(), stats.end(), [&](double f) { return f > step.F; })) / static_cast<double>(draws);
  step.crit90 = quantile_type1(stats, 0.90);
  step.crit95 = quantile_type1(stats, 0.95);
  step.crit99 = quantile_type1(stats, 0.99);
}

Sample prepare(const Frame& frame, const ThresholdSpec& spec, ThresholdResult& res, std::vector<std::string>& x_names, std::vector<std::string>& c_names) {
  if (spec.regime_dependent.empty()) throw SpecError("threshold: name at least one regime-dependent variable (its slope changes across regimes)");
  if (spec.threshold.empty()) throw SpecError("threshold: name the threshold variable");
  if (spec.max_thresholds < 1 || spec.max_thresholds > 3) throw SpecError(fmt::format("threshold: the number of thresholds must be 1, 2 or 3, not {}", spec.max_thresholds));
  if (spec.trim.size() < static_cast<size_t>(spec.max_thresholds))
    throw SpecError(fmt::format("threshold: give one trimming share per threshold ({} for {} thresholds)", spec.trim.size(), spec.max_thresholds));
  for (double t : spec.trim)
    if (!(t > 0 && t < 0.5)) throw SpecError(fmt::format("threshold: trimming shares must lie in (0, 0.5), not {}", t));
  if (spec.quantiles < 10) throw SpecError("threshold: use at least 10 grid quantiles");
  // Threshold j is searched outside the ceil(2 qn trim_j) grid points around each of the j - 1
  // before it: the grid must keep a point whatever those positions (as a bootstrap draw's may be),
  // or the search has nothing to choose from.
  const size_t points = grid_points(spec.quantiles, spec.trim[0]);
  for (int j = 2; j <= spec.max_thresholds; ++j) {
    const double trim = spec.trim[static_cast<size_t>(j - 1)];
    const auto around = static_cast<size_t>(std::ceil(2 * spec.quantiles * trim - 1e-10));
    if (points <= static_cast<size_t>(j - 1) * around)
      throw SpecError(fmt::format("threshold: with trimming share {} the {} grid points can all lie within the {} points kept clear around the {} "
                                  "threshold{} before threshold {} ({} around each), leaving it no candidate; use a trimming share below {:.4f} or fewer thresholds",
                                  trim, points, static_cast<size_t>(j - 1) * around, j - 1, j - 1 == 1 ? "" : "s", j, around, 1.0 / (2.0 * j)));
  }
  // The terms as the formula names them (l(d,1) and l(d, 1) are one term), each listed once.
  std::vector<std::string> terms;
  for (const auto* list : {&spec.regressors, &spec.regime_dependent})
    for (const auto& t : *list) {
      const std::string c = expression_text(t);
      if (std::find(terms.begin(), terms.end(), c) != terms.end())
        throw SpecError(fmt::format("threshold: '{}' is listed twice (regime-dependent and regime-independent terms together); list it once", c));
      terms.push_back(c);
    }
  // One design for every term (the threshold last unless it is already a regressor).
  const std::string threshold = expression_text(spec.threshold);
  const auto q_at = std::find(terms.begin(), terms.end(), threshold);
  const size_t q_col = static_cast<size_t>(q_at - terms.begin());
  if (q_at == terms.end()) terms.push_back(threshold);
  std::string f = spec.y + " ~ ";
  for (size_t j = 0; j < terms.size(); ++j) f += (j ? " + " : "") + terms[j];
  DesignOptions o;
  o.panel_unit = spec.unit;
  o.panel_time = spec.time;
  o.groups = {spec.unit, spec.time};
  o.drop_singletons = false;
  const Design d = build_design(frame, parse_formula(f), o);
  if (d.X.cols() != static_cast<Eigen::Index>(terms.size()) + 1)
    throw SpecError(fmt::format("threshold: each term must be one column (no factors or interactions expanding to several) in '{}'", f));
  res.dropped = d.dropped;
  const Factor& unit = d.groups.at(spec.unit);
  const Factor& time = d.groups.at(spec.time);
  Sample s;
  s.n_units = unit.n_levels;
  s.periods = time.n_levels;
  std::vector<size_t> count(s.n_units, 0);
  for (int32_t u : unit.codes) ++count[static_cast<size_t>(u)];
  for (size_t u = 0; u < s.n_units; ++u)
    if (count[u] != s.periods)
      throw DataError(fmt::format("threshold: the panel must be balanced after dropping missing values (Hansen 1999); {} '{}' has {} of {} periods",
                                  spec.unit, unit.labels[u], count[u], s.periods));
  if (s.periods < 2) throw DataError("threshold: the panel needs at least two periods");
  std::vector<size_t> order(d.nobs());
  std::iota(order.begin(), order.end(), 0);
  // Unit blocks (threshold_sample.hpp), each in ascending q, ties in period order.
  const auto q_col_index = 1 + static_cast<Eigen::Index>(q_col);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tuple(unit.codes[a], d.X(static_cast<Eigen::Index>(a), q_col_index), time.codes[a]) <
           std::tuple(unit.codes[b], d.X(static_cast<Eigen::Index>(b), q_col_index), time.codes[b]);
  });
  const auto K = static_cast<Eigen::Index>(spec.regressors.size()), m = static_cast<Eigen::Index>(spec.regime_dependent.size());
  Eigen::MatrixXd X(static_cast<Eigen::Index>(order.size()), K);
  Eigen::VectorXd y(X.rows());
  s.C.resize(X.rows(), m);
  s.q.resize(X.rows());
  s.unit.resize(order.size());
  s.period.resize(order.size());
  s.kept_at.assign(order.size(), -1);
  for (size_t r = 0; r < order.size(); ++r) {
    const auto i = static_cast<Eigen::Index>(order[r]), rr = static_cast<Eigen::Index>(r);
    y[rr] = d.y[i];
    X.row(rr) = d.X.row(i).segment(1, K);
    s.C.row(rr) = d.X.row(i).segment(1 + K, m);
    s.q[rr] = d.X(i, q_col_index);
    s.unit[r] = unit.codes[order[r]];
    s.period[r] = time.codes[order[r]];
    if (!spec.delete_last_period || s.period[r] + 1 != static_cast<int32_t>(s.periods)) {
      s.kept_at[r] = static_cast<long>(s.kept.size());
      s.kept.push_back(r);
    }
  }
  s.y = within(y, s);
  s.X = within(X, s);
  s.Cw = within(s.C, s);
  s.dfree = static_cast<double>(s.n_units) * static_cast<double>(s.periods - 1);
  x_names.assign(d.x_names.begin() + 1, d.x_names.begin() + 1 + K);
  c_names.assign(d.x_names.begin() + 1 + K, d.x_names.begin() + 1 + K + m);
  // The linear model's regressors after the within transformation must be of full rank (the
  // regimes only split the columns of C): a term constant within the units, or collinear with the
  // others, is refused by name, by feols's rule in formula order (collinearity.hpp).
  Eigen::MatrixXd XC(s.X.rows(), K + m), raw(X.rows(), K + m);  // raw: every row, kept ones or not
  XC << s.X, s.Cw;
  raw << X, s.C;
  if (const long j = first_dependent_column(XC, raw); j >= 0)
    throw DataError(fmt::format("threshold: '{}' is constant within the units or collinear with the terms before it (after the unit "
                                "effects are removed); leave it out",
                                j < K ? x_names[static_cast<size_t>(j)] : c_names[static_cast<size_t>(j - K)]));
  res.n_units = s.n_units;
  res.n_periods = s.periods;
  res.nobs = order.size();
  return s;
}

}  // namespace

ThresholdResult panel_threshold(const Frame& frame, const ThresholdSpec& spec) {
  StageLap lap(spec.timer);
  ThresholdResult res;
  res.y = spec.y;
  res.unit = spec.unit;
  res.threshold = spec.threshold;
  res.regime_dependent = spec.regime_dependent;
  res.regressors = spec.regressors;
  res.delete_last_period = spec.delete_last_period;
  std::vector<std::string> x_names, c_names;
  const Sample s = prepare(frame, spec, res, x_names, c_names);
  refuse_unrepresentable_scale(spec.y, s.y, s.y.squaredNorm());
  for (long j = 0; j < s.X.cols(); ++j) refuse_unrepresentable_scale(x_names[static_cast<size_t>(j)], s.X.col(j), s.X.col(j).squaredNorm());
  for (long j = 0; j < s.Cw.cols(); ++j) refuse_unrepresentable_scale(c_names[static_cast<size_t>(j)], s.Cw.col(j), s.Cw.col(j).squaredNorm());
  lap.lap(Stage::Design);
  res.lr_critical = -2 * std::log(1 - std::sqrt(spec.level));
  // D(g_a)'D(g_b) for the later tests' draws (threshold_grid_pairs.hpp), if they have any: how much
  // of it to store, decided before anything of the grid's size is built.
  std::optional<detail::PairTablePlan> plan;
  for (size_t k = 2; k <= static_cast<size_t>(spec.max_thresholds) && k <= spec.draws.size() && !plan; ++k)
    if (spec.draws[k - 1] > 0)
      plan = detail::plan_pair_table(grid_points(spec.quantiles, spec.trim[0]), static_cast<size_t>(s.C.cols()),
                                     static_cast<size_t>(spec.threads > 0 ? spec.threads : omp_default_threads()),
                                     spec.pair_memory > 0 ? spec.pair_memory : detail::default_pair_budget(), spec.quantiles);
  const std::vector<double> grid = quantile_grid(s, spec.quantiles, spec.trim[0]);
  res.grid_size = grid.size();
  const detail::ThresholdGridSums sums(s, grid);
  const detail::SsrProfile linear(s, sums, base_design(s, {}));
  // S_1 at every grid point given the thresholds so far.
  auto profile = [&](const std::vector<double>& given) {
    return given.empty() ? linear(s.y).sse : detail::SsrProfile(s, sums, base_design(s, given))(s.y).sse;
  };
  res.sse0 = linear(s.y).linear;
  std::optional<detail::GridPairSums> pairs;
  if (plan) pairs.emplace(s, sums, plan->stride);
  std::vector<double> fixed;      // thresholds of the model so far (refined)
  double sse_before = res.sse0;
  for (int k = 1; k <= spec.max_thresholds; ++k) {
    ThresholdStep step;
    step.k = k;
    const double trim = spec.trim[static_cast<size_t>(k - 1)];
    const Search r = search(profile(fixed), grid, candidates(grid, fixed, spec.quantiles, trim));
    step.estimate = r.gamma;
    step.sse = r.sse_min;
    step.F = (sse_before - r.sse_min) / (r.sse_min / s.dfree);
    likelihood_ratio(r, s.dfree, res.lr_critical, step.lr, step.ci_low, step.ci_high);
    step.grid = r.grid;
    const std::vector<double> null_thresholds = fixed;
    fixed.push_back(r.gamma);
    if (k == 2) {  // refine the first threshold given the second (Hansen 1999, section 4)
      const Search again = search(profile({r.gamma}), grid, candidates(grid, {r.gamma}, spec.quantiles, trim));
      std::vector<double> lr;
      likelihood_ratio(again, s.dfree, res.lr_critical, lr, step.refined_ci_low, step.refined_ci_high);
      step.refined = again.gamma;
      fixed = {again.gamma, r.gamma};
      sse_before = again.sse_min;
    } else {
      sse_before = r.sse_min;
    }
    step.thresholds = fixed;
    std::sort(step.thresholds.begin(), step.thresholds.end());
    fit_model(s, res, x_names, c_names, step);
    warn_small_regimes(step, trim, static_cast<size_t>(s.Cw.cols()), res);
    lap.lap(Stage::Solve);
    bootstrap(s, null_thresholds, grid, sums, linear, pairs ? &*pairs : nullptr, spec, k, step);
    lap.lap(Stage::Replications);
    res.steps.push_back(std::move(step));
  }
  return res;
}

}  // namespace cbec
