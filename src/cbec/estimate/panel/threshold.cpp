#include "cbec/estimate/panel/threshold.hpp"

#include <Eigen/Cholesky>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/stats/multiplier_bootstrap.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The estimation sample with its rows in the order of the threshold variable (ties in (unit,
// period) order), laid out once so that the profile's sweep over q reads every array front to back;
// multi-column data a row needs together are row-major. "Kept" rows enter the sums (all of them,
// or all but each unit's last period in Hansen's sample).
struct Sample {
  size_t n_units = 0, periods = 0;
  std::vector<int32_t> unit, period;   // per row
  std::vector<size_t> kept;            // row indices entering the least squares (ascending)
  std::vector<long> kept_at;           // per row: its position in `kept`, or -1
  std::vector<long> kept_of;           // per (unit, period), unit * periods + period: position in `kept`, or -1
  RowMatrix C;                         // raw regime-dependent columns, all rows
  Eigen::VectorXd q;                   // threshold variable, all rows (ascending)
  Eigen::VectorXd y;                   // within-transformed, kept rows
  Eigen::MatrixXd X, Cw;               // within-transformed regressors and c, kept rows
  double dfree = 0;                    // n (T - 1)
};

// Rows `kept` of M minus each unit's mean over all its periods (Hansen 1999, eq. 2.3).
template <class Matrix>
Eigen::MatrixXd within(const Matrix& M, const Sample& s) {
  RowMatrix means = RowMatrix::Zero(static_cast<Eigen::Index>(s.n_units), M.cols());
  for (Eigen::Index i = 0; i < M.rows(); ++i) means.row(s.unit[static_cast<size_t>(i)]) += M.row(i);
  means /= static_cast<double>(s.periods);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(s.kept.size()), M.cols());
  for (size_t k = 0; k < s.kept.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(s.kept[k]);
    out.row(static_cast<Eigen::Index>(k)) = M.row(i) - means.row(s.unit[s.kept[k]]);
  }
  return out;
}

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

double sse_of(const RowMatrix& B, const Eigen::VectorXd& y) {
  const Eigen::VectorXd b = (B.transpose() * B).ldlt().solve(B.transpose() * y);
  return (y - B * b).squaredNorm();
}

// S(g) for every candidate g (ascending) given the fixed thresholds, by partitioned regression:
// with e the residual of y on the base design B and D = c 1(q < g) within-transformed,
// S(g) = e'e - (D'e)' (D'D - D'B (B'B)^-1 B'D)^-1 (D'e).
// One sweep over the rows in the order of q: as g passes a row, the sums that make up D'B, D'e and
// D'D change only through that row and its unit's sums a_u = sum_t c_ut 1(q_ut < g), so the whole
// profile costs O(N p m) instead of O(G N p m). With kept rows K, T periods and k_u kept rows:
//   B'D = sum_K B_i c_i' 1_i - sum_u S_u a_u' / T,         S_u = sum_{K,u} B_i
//   D'e = sum_K c_i e_i 1_i - sum_u a_u E_u / T,            E_u = sum_{K,u} e_i
//   D'D = sum_K c_i c_i' 1_i - sum_u (h_u a_u' + a_u h_u') / T + sum_u k_u a_u a_u' / T^2,  h_u = sum_{K,u} c_i 1_i
std::vector<double> sse_profile(const Sample& s, const Eigen::VectorXd& y, const std::vector<double>& fixed, const std::vector<double>& grid) {
  const RowMatrix B = base_design(s, fixed);
  const Eigen::LDLT<Eigen::MatrixXd> BtB(B.transpose() * B);
  const Eigen::VectorXd e = y - B * BtB.solve(B.transpose() * y);
  const double ee = e.squaredNorm(), T = static_cast<double>(s.periods);
  const size_t p = static_cast<size_t>(B.cols()), m = static_cast<size_t>(s.C.cols()), n = s.n_units;
  // Per-unit sums in one contiguous block per unit (the sweep visits units in no order, so a unit's
  // sums share cache lines): S_u (p), a_u (m), h_u (m), E_u, k_u.
  const size_t width = p + 2 * m + 2;
  std::vector<double> units(n * width, 0.0);
  auto S_of = [&](size_t u) { return &units[u * width]; };
  auto a_of = [&](size_t u) { return &units[u * width + p]; };
  auto h_of = [&](size_t u) { return &units[u * width + p + m]; };
  for (size_t k = 0; k < s.kept.size(); ++k) {
    const auto u = static_cast<size_t>(s.unit[s.kept[k]]);
    const double* b = B.data() + k * p;
    double* Su = S_of(u);
    for (size_t j = 0; j < p; ++j) Su[j] += b[j];
    Su[p + 2 * m] += e[static_cast<Eigen::Index>(k)];
    Su[p + 2 * m + 1] += 1;
  }
  // Column-major p x m (P1, G1) and m x m (Q1, H, A) sums, m-vectors d1, G2.
  Eigen::MatrixXd P1 = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(m)), G1 = P1;
  Eigen::MatrixXd Q1 = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m)), H = Q1, A = Q1;
  Eigen::VectorXd d1 = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(m)), G2 = d1;
  double *g1 = G1.data(), *g2 = G2.data(), *hh = H.data(), *aa = A.data(), *p1 = P1.data(), *q1 = Q1.data(), *dd = d1.data();
  auto unit_terms = [&](size_t u, double sign) {
    const double *Su = S_of(u), *au = a_of(u), *hu = h_of(u);
    const double Eu = Su[p + 2 * m], ku = sign * Su[p + 2 * m + 1];
    for (size_t l = 0; l < m; ++l) {
      const double al = sign * au[l];
      for (size_t j = 0; j < p; ++j) g1[j + l * p] += Su[j] * al;
      g2[l] += al * Eu;
      for (size_t r = 0; r < m; ++r) {
        hh[r + l * m] += sign * (hu[r] * au[l] + au[r] * hu[l]);
        aa[r + l * m] += ku * au[r] * au[l];
      }
    }
  };
  std::vector<double> out(grid.size());
  Eigen::MatrixXd BtD(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(m)), DtD(Q1.rows(), Q1.cols()), Sm(DtD.rows(), DtD.cols());
  Eigen::VectorXd v(static_cast<Eigen::Index>(m));
  Eigen::LDLT<Eigen::MatrixXd> Sf(static_cast<Eigen::Index>(m));
  size_t i = 0;  // rows are in the order of q: the sweep reads them front to back
  const auto N = static_cast<size_t>(s.q.size());
  for (size_t g = 0; g < grid.size(); ++g) {
    for (; i < N && s.q[static_cast<Eigen::Index>(i)] < grid[g]; ++i) {
      const auto u = static_cast<size_t>(s.unit[i]);
      const double* c = s.C.data() + i * m;
      unit_terms(u, -1);
      double *au = a_of(u), *hu = h_of(u);
      for (size_t l = 0; l < m; ++l) au[l] += c[l];
      if (const long k = s.kept_at[i]; k >= 0) {
        const double* b = B.data() + static_cast<size_t>(k) * p;
        const double ek = e[k];
        for (size_t l = 0; l < m; ++l) {
          hu[l] += c[l];
          for (size_t j = 0; j < p; ++j) p1[j + l * p] += b[j] * c[l];
          for (size_t r = 0; r < m; ++r) q1[r + l * m] += c[r] * c[l];
          dd[l] += c[l] * ek;
        }
      }
      unit_terms(u, +1);
    }
    BtD = P1 - G1 / T;
    v = d1 - G2 / T;
    DtD = Q1 - H / T + A / (T * T);
    Sm = DtD - BtD.transpose() * BtB.solve(BtD);
    Sf.compute(Sm);
    const bool degenerate = Sf.vectorD().minCoeff() <= 1e-12 * std::max(1.0, Q1.diagonal().maxCoeff());
    out[g] = degenerate ? ee : ee - v.dot(Sf.solve(v));
  }
  return out;
}

// Hansen's grid: quantiles trim, trim + 1/qn, ..., 1 - trim of the distinct values of q.
std::vector<double> quantile_grid(const Sample& s, int qn, double trim) {
  std::vector<double> d(s.q.data(), s.q.data() + s.q.size());
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  const double steps = std::floor(qn - 2 * qn * trim + 1e-10);
  std::vector<double> grid;
  for (int k = 0; k <= static_cast<int>(steps); ++k) {
    const double p = trim + static_cast<double>(k) / qn;
    const auto i = static_cast<long>(std::floor(p * static_cast<double>(d.size())));
    grid.push_back(d[static_cast<size_t>(std::clamp(i, 1L, static_cast<long>(d.size())) - 1)]);
  }
  return grid;
}

// The grid without the qn * trim points on either side of each fixed threshold (Hansen's program).
std::vector<double> candidates(const std::vector<double>& grid, const std::vector<double>& fixed, int qn, double trim) {
  std::vector<double> below;   // per fixed threshold: grid points below it
  for (double r : fixed) below.push_back(static_cast<double>(std::count_if(grid.begin(), grid.end(), [&](double g) { return g < r; })));
  std::vector<double> out;
  for (size_t i = 1; i <= grid.size(); ++i) {
    const auto ii = static_cast<double>(i);
    bool near = false;
    for (double nn : below) near = near || (ii >= nn - qn * trim && ii < nn + qn * trim);
    if (!near) out.push_back(grid[i - 1]);
  }
  return out;
}

struct Search {
  std::vector<double> grid, sse;
  double gamma = 0, sse_min = 0;
};

Search search(const Sample& s, const Eigen::VectorXd& y, const std::vector<double>& fixed, const std::vector<double>& grid) {
  Search r;
  r.grid = grid;
  r.sse = sse_profile(s, y, fixed, grid);
  const auto k = static_cast<size_t>(std::min_element(r.sse.begin(), r.sse.end()) - r.sse.begin());
  r.gamma = grid[k];
  r.sse_min = r.sse[k];
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

// The fitted model with k - 1 fixed thresholds (the null of the k-th test): fitted values and
// residuals in the transformed data, then bootstrap draws with unit residual vectors resampled.
void bootstrap(const Sample& s, const std::vector<double>& null_thresholds, const std::vector<double>& grid, const ThresholdSpec& spec,
               int k, ThresholdStep& step) {
  const size_t draws = k - 1 < static_cast<int>(spec.draws.size()) ? spec.draws[static_cast<size_t>(k - 1)] : 0;
  step.draws = draws;
  if (draws == 0) {
    step.p_value = step.crit90 = step.crit95 = step.crit99 = kNaN;
    return;
  }
  const RowMatrix B = base_design(s, null_thresholds);
  const Eigen::VectorXd fitted = B * (B.transpose() * B).ldlt().solve(B.transpose() * s.y);
  const Eigen::VectorXd resid = s.y - fitted;
  const RowMatrix linear = k == 1 ? base_design(s, {}) : RowMatrix();   // S_0 enters the first test only
  const auto stats = replicate(draws, spec.seed + static_cast<uint64_t>(k), [&](size_t, Rng& rng) {
    // Unit slot v takes the residuals of a drawn unit, period by period.
    std::vector<size_t> drawn(s.n_units);
    for (auto& u : drawn) u = std::min(s.n_units - 1, static_cast<size_t>(uniform01(rng) * static_cast<double>(s.n_units)));
    Eigen::VectorXd yb(fitted.size());
    for (size_t r = 0; r < s.kept.size(); ++r) {
      const size_t i = s.kept[r];
      const long from = s.kept_of[drawn[static_cast<size_t>(s.unit[i])] * s.periods + static_cast<size_t>(s.period[i])];
      yb[static_cast<Eigen::Index>(r)] = fitted[static_cast<Eigen::Index>(r)] + resid[from];
    }
    // Sequential estimation as in the data: thresholds 1..k, each given those before it.
    std::vector<double> fixed;
    double before = k == 1 ? sse_of(linear, yb) : 0, after = before;
    for (int j = 1; j <= k; ++j) {
      const double trim = spec.trim[static_cast<size_t>(j - 1)];
      const Search r = search(s, yb, fixed, candidates(grid, fixed, spec.quantiles, trim));
      before = after;
      after = r.sse_min;
      fixed.push_back(r.gamma);
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
  for (const auto& c : spec.regime_dependent)
    if (std::find(spec.regressors.begin(), spec.regressors.end(), c) != spec.regressors.end())
      throw SpecError(fmt::format("threshold: '{}' is both regime-dependent and regime-independent; list it once", c));
  // One design for every term (the threshold last unless it is already a regressor).
  std::vector<std::string> terms = spec.regressors;
  terms.insert(terms.end(), spec.regime_dependent.begin(), spec.regime_dependent.end());
  const auto q_at = std::find(terms.begin(), terms.end(), spec.threshold);
  const size_t q_col = static_cast<size_t>(q_at - terms.begin());
  if (q_at == terms.end()) terms.push_back(spec.threshold);
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
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::pair(unit.codes[a], time.codes[a]) < std::pair(unit.codes[b], time.codes[b]);
  });
  // Rows in the order of q, ties in (unit, period) order.
  const auto q_col_index = 1 + static_cast<Eigen::Index>(q_col);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return d.X(static_cast<Eigen::Index>(a), q_col_index) < d.X(static_cast<Eigen::Index>(b), q_col_index);
  });
  const auto K = static_cast<Eigen::Index>(spec.regressors.size()), m = static_cast<Eigen::Index>(spec.regime_dependent.size());
  Eigen::MatrixXd X(static_cast<Eigen::Index>(order.size()), K);
  Eigen::VectorXd y(X.rows());
  s.C.resize(X.rows(), m);
  s.q.resize(X.rows());
  s.unit.resize(order.size());
  s.period.resize(order.size());
  s.kept_at.assign(order.size(), -1);
  s.kept_of.assign(s.n_units * s.periods, -1);
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
      s.kept_of[static_cast<size_t>(s.unit[r]) * s.periods + static_cast<size_t>(s.period[r])] = s.kept_at[r];
      s.kept.push_back(r);
    }
  }
  s.y = within(y, s);
  s.X = within(X, s);
  s.Cw = within(s.C, s);
  s.dfree = static_cast<double>(s.n_units) * static_cast<double>(s.periods - 1);
  x_names.assign(d.x_names.begin() + 1, d.x_names.begin() + 1 + K);
  c_names.assign(d.x_names.begin() + 1 + K, d.x_names.begin() + 1 + K + m);
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
  lap.lap(Stage::Design);
  res.lr_critical = -2 * std::log(1 - std::sqrt(spec.level));
  const std::vector<double> grid = quantile_grid(s, spec.quantiles, spec.trim[0]);
  res.grid_size = grid.size();
  res.sse0 = sse_of(base_design(s, {}), s.y);
  std::vector<double> fixed;      // thresholds of the model so far (refined)
  double sse_before = res.sse0;
  for (int k = 1; k <= spec.max_thresholds; ++k) {
    ThresholdStep step;
    step.k = k;
    const double trim = spec.trim[static_cast<size_t>(k - 1)];
    const Search r = search(s, s.y, fixed, candidates(grid, fixed, spec.quantiles, trim));
    step.estimate = r.gamma;
    step.sse = r.sse_min;
    step.F = (sse_before - r.sse_min) / (r.sse_min / s.dfree);
    likelihood_ratio(r, s.dfree, res.lr_critical, step.lr, step.ci_low, step.ci_high);
    step.grid = r.grid;
    const std::vector<double> null_thresholds = fixed;
    fixed.push_back(r.gamma);
    if (k == 2) {  // refine the first threshold given the second (Hansen 1999, section 4)
      const Search again = search(s, s.y, {r.gamma}, candidates(grid, {r.gamma}, spec.quantiles, trim));
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
    lap.lap(Stage::Solve);
    bootstrap(s, null_thresholds, grid, spec, k, step);
    lap.lap(Stage::Replications);
    res.steps.push_back(std::move(step));
  }
  return res;
}

}  // namespace cbec
