#include "cbec/estimate/panel/gmm_instruments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

double or_zero(double v) { return std::isnan(v) ? 0.0 : v; }

// The values of one expression at every frame row (missing outside its sample).
std::vector<double> row_values(const Frame& frame, const std::string& expr, const DesignOptions& dopt) {
  const Design d = build_design(frame, parse_formula(expr + " ~ 1"), dopt);
  std::vector<double> v(frame.nrows(), kNaN);
  for (size_t k = 0; k < d.rows.size(); ++k) v[d.rows[k]] = d.y[static_cast<long>(k)];
  return v;
}

// Per unit and period of the grid, the frame row or -1.
std::vector<long> grid_rows(const Panel& p) {
  const size_t T = p.n_periods();
  std::vector<long> grid(p.n_units * T, -1);
  for (size_t r = 0; r < p.unit_code.size(); ++r) {
    if (p.unit_code[r] < 0) continue;
    const size_t s = static_cast<size_t>(std::lower_bound(p.times.begin(), p.times.end(), p.time_value[r]) - p.times.begin());
    grid[static_cast<size_t>(p.unit_code[r]) * T + s] = static_cast<long>(r);
  }
  return grid;
}

// Arellano-Bond (1991) H: the covariance of the differenced errors (2 on the diagonal, -1 beside);
// for system GMM pgmm's full matrix [[H, D], [D', I]], D the covariance of a differenced error with
// the level errors (-1 for the period before, +1 for the same period).
Eigen::MatrixXd weight_kernel(size_t n_diff, bool system) {
  const long d = static_cast<long>(n_diff), n = system ? 2 * d + 1 : d;
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(n, n);
  for (long i = 0; i < d; ++i) {
    H(i, i) = 2;
    if (i + 1 < d) H(i, i + 1) = H(i + 1, i) = -1;
    if (system) {
      H(i, d + i) = H(d + i, i) = -1;
      H(i, d + i + 1) = H(d + i + 1, i) = 1;
    }
  }
  for (long i = d; i < n; ++i) H(i, i) = 1;
  return H;
}

}  // namespace

GmmSystem gmm_system(const Frame& frame, const GmmFormula& f, const std::string& unit, const std::string& time, const GmmLayout& layout) {
  if (f.regressors.empty()) throw SpecError("the GMM model needs at least one regressor");
  const bool system = layout.model == GmmModel::System;
  const Panel panel = declare_panel(frame, unit, time);
  const size_t T = panel.n_periods(), N = panel.n_units;
  const int M = f.max_regressor_lag(), m = f.min_gmm_lag();
  const size_t TL1 = static_cast<size_t>(std::max(M + 1, m)), TL2 = TL1 - 1;
  if (TL1 >= T)
    throw DataError(fmt::format("the panel has {} periods; lags up to {} leave no period for the differenced equation", T, TL1));

  DesignOptions dopt;
  dopt.panel_unit = unit;
  dopt.panel_time = time;
  std::string main = f.depvar + " ~ ";
  for (size_t k = 0; k < f.regressors.size(); ++k) main += (k ? " + " : "") + f.regressors[k].text;
  const Design design = build_design(frame, parse_formula(main + " - 1"), dopt);
  const long nx = design.X.cols();
  if (nx == 0) throw SpecError(fmt::format("the GMM model '{}' has no regressor (an intercept alone is differenced away); give at least one", main));
  std::vector<long> in_sample(frame.nrows(), -1);
  for (size_t k = 0; k < design.rows.size(); ++k) in_sample[design.rows[k]] = static_cast<long>(k);

  std::vector<std::vector<double>> gmm_values, iv_values;
  for (const auto& g : f.gmm) gmm_values.push_back(row_values(frame, g.variable, dopt));
  for (const auto& z : f.iv) iv_values.push_back(row_values(frame, z.text, dopt));

  GmmSystem S;
  S.periods = T;
  S.dropped = design.dropped;
  S.terms = design.x_names;
  S.n_regressors = static_cast<size_t>(nx);
  const size_t n_diff = T - TL1, n_level = system ? T - TL2 : 0, rows = n_diff + n_level;
  S.diff_rows = n_diff;
  // Time effects: in the differenced model the periods TL1 + 1..T (0-based TL1..T-1); in system GMM
  // an intercept and the periods TL1 + 1..T of the levels equation.
  const size_t first_dummy = TL1;
  long n_time = 0;
  if (layout.time_effects) {
    if (system) S.time_terms.push_back("(Intercept)");
    for (size_t s = first_dummy; s < T; ++s) S.time_terms.push_back(fmt::format("{}::{}", time, panel.times[s]));
    n_time = static_cast<long>(S.time_terms.size());
    S.terms.insert(S.terms.end(), S.time_terms.begin(), S.time_terms.end());
  }
  const long K = nx + n_time;

  // Instrument columns: GMM-style (differenced equation), GMM-style (levels), time effects,
  // standard instruments differenced, standard instruments in levels (pgmm's order).
  std::vector<long> g1_offset, g2_offset;
  std::vector<size_t> level_lag, first_level_row;
  // Columns of l(x, a:b) in the differenced row of period s: x_t for max(0, s - b) <= t <= s - a;
  // none while s < a (xtabond2's rule, for a variable whose lags start after another's).
  auto diff_columns = [](size_t s, size_t a, size_t b) -> size_t { return s < a ? 0 : s - a + 1 - (s > b ? s - b : 0); };
  long p = 0;
  for (const auto& g : f.gmm) {
    g1_offset.push_back(p);
    const size_t a = static_cast<size_t>(g.min_lag), b = static_cast<size_t>(g.max_lag);
    if (a >= T)
      throw SpecError(fmt::format("the GMM lags of {} start at {}, beyond the panel's {} periods: no period has that lag", g.variable, a, T));
    if (layout.collapse) {
      p += static_cast<long>(std::min(T - a, b + 1 - a));
    } else {
      for (size_t s = TL1; s < T; ++s) p += static_cast<long>(diff_columns(s, a, b));
    }
  }
  for (const auto& g : f.gmm) {
    g2_offset.push_back(p);
    if (!system) continue;
    if (layout.level_lag == LevelLag::Xtabond2 && g.min_lag < 1)
      throw SpecError(fmt::format("system GMM: the GMM lags of {} must start at 1 or later", g.variable));
    const size_t L = layout.level_lag == LevelLag::Pgmm ? 1 : static_cast<size_t>(g.min_lag - 1);
    level_lag.push_back(L);
    first_level_row.push_back(std::max(TL2, 1 + L));
    p += layout.collapse ? 1 : static_cast<long>(T > first_level_row.back() ? T - first_level_row.back() : 0);
  }
  const long v_offset = p;
  p += n_time;
  const long zd_offset = p, n_iv = static_cast<long>(f.iv.size());
  p += n_iv;
  const long zl_offset = p;
  if (system) p += n_iv;

  S.H = weight_kernel(n_diff, system);
  const std::vector<long> grid = grid_rows(panel);
  std::vector<char> used(design.rows.size(), 0);   // the row of some equation (differenced or levels)
  S.units.resize(N);
  for (size_t u = 0; u < N; ++u) {
    auto frame_row = [&](size_t s) { return grid[u * T + s]; };
    auto sample_row = [&](size_t s) { return frame_row(s) < 0 ? -1 : in_sample[static_cast<size_t>(frame_row(s))]; };
    auto value = [&](const std::vector<double>& v, size_t s) { return frame_row(s) < 0 ? kNaN : v[static_cast<size_t>(frame_row(s))]; };
    GmmUnit& U = S.units[u];
    U.y = Eigen::VectorXd::Zero(static_cast<long>(rows));
    U.X = Eigen::MatrixXd::Zero(static_cast<long>(rows), K);
    U.Z = Eigen::MatrixXd::Zero(static_cast<long>(rows), p);
    for (size_t r = 0; r < n_diff; ++r) {
      const size_t s = TL1 + r;
      const long i = static_cast<long>(r), now = sample_row(s), before = sample_row(s - 1);
      if (now < 0 || before < 0) continue;
      ++S.nobs_diff;
      used[static_cast<size_t>(now)] = 1;
      U.y[i] = design.y[now] - design.y[before];
      U.X.row(i).head(nx) = design.X.row(now) - design.X.row(before);
      for (long c = 0; c < n_time; ++c) {
        // dummy of period first_dummy + c' (c' = c, or c - 1 after the intercept), differenced
        const long c_period = system ? c - 1 : c;
        if (c_period < 0) continue;
        const size_t sc = first_dummy + static_cast<size_t>(c_period);
        U.X(i, nx + c) = (s == sc ? 1.0 : 0.0) - (s - 1 == sc ? 1.0 : 0.0);
        if (!system) U.Z(i, v_offset + c) = U.X(i, nx + c);
      }
      for (size_t g = 0; g < f.gmm.size(); ++g) {
        const size_t a = static_cast<size_t>(f.gmm[g].min_lag), b = static_cast<size_t>(f.gmm[g].max_lag);
        const size_t earliest = s > b ? s - b : 0;
        if (layout.collapse) {
          for (size_t j = 0; a + j <= s && s - a - j >= earliest; ++j) U.Z(i, g1_offset[g] + static_cast<long>(j)) = or_zero(value(gmm_values[g], s - a - j));
        } else {
          long off = g1_offset[g];
          for (size_t s2 = TL1; s2 < s; ++s2) off += static_cast<long>(diff_columns(s2, a, b));
          if (s >= a)
            for (size_t t = earliest; t <= s - a; ++t) U.Z(i, off + static_cast<long>(t - earliest)) = or_zero(value(gmm_values[g], t));
        }
      }
      for (long k = 0; k < n_iv; ++k)
        U.Z(i, zd_offset + k) = or_zero(value(iv_values[static_cast<size_t>(k)], s) - value(iv_values[static_cast<size_t>(k)], s - 1));
    }
    for (size_t r = 0; r < n_level; ++r) {
      const size_t s = TL2 + r;
      const long i = static_cast<long>(n_diff + r), now = sample_row(s);
      if (now < 0) continue;
      ++S.nobs_level;
      used[static_cast<size_t>(now)] = 1;
      U.y[i] = design.y[now];
      U.X.row(i).head(nx) = design.X.row(now);
      for (long c = 0; c < n_time; ++c) {
        const double d = c == 0 ? 1.0 : (s == first_dummy + static_cast<size_t>(c - 1) ? 1.0 : 0.0);
        U.X(i, nx + c) = d;
        U.Z(i, v_offset + c) = d;
      }
      for (size_t g = 0; g < f.gmm.size(); ++g) {
        if (s < level_lag[g] + 1) continue;
        const size_t t = s - level_lag[g];
        const double dx = or_zero(value(gmm_values[g], t) - value(gmm_values[g], t - 1));
        if (layout.collapse) U.Z(i, g2_offset[g]) = dx;
        else if (s >= first_level_row[g]) U.Z(i, g2_offset[g] + static_cast<long>(s - first_level_row[g])) = dx;
      }
      for (long k = 0; k < n_iv; ++k) U.Z(i, zl_offset + k) = or_zero(value(iv_values[static_cast<size_t>(k)], s));
    }
    // Rows of the sample no equation uses, counted (nothing lost silently): a period before the
    // first equation's (the differencing and the lag rule t > max(M + 1, m), levels from TL2 in
    // system GMM), or a differenced row without its previous period (a unit's first, or a gap).
    const size_t first_equation = system ? TL2 : TL1;
    for (size_t s = 0; s < T; ++s) {
      const long row = sample_row(s);
      if (row < 0 || used[static_cast<size_t>(row)]) continue;
      ++S.dropped[s < first_equation ? "before_first_equation" : "no_previous_period"];
    }
  }
  return S;
}

}  // namespace cbec
