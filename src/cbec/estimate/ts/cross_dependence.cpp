#include "cbec/estimate/ts/cross_dependence.hpp"

#include <Eigen/Core>
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

namespace {

// Rows (in panel order) with y and every control observed, grouped by unit.
struct Sample {
  std::vector<std::vector<size_t>> rows;   // per unit
};

Eigen::MatrixXd regressors(const Frame& f, const std::vector<std::string>& controls, const std::vector<size_t>& rows, bool constant) {
  Eigen::MatrixXd X(static_cast<long>(rows.size()), static_cast<long>(controls.size()) + (constant ? 1 : 0));
  for (size_t r = 0; r < rows.size(); ++r) {
    long c = 0;
    if (constant) X(static_cast<long>(r), c++) = 1;
    for (const auto& name : controls) X(static_cast<long>(r), c++) = f.numeric(name)[rows[r]];
  }
  return X;
}

Eigen::VectorXd response(const Frame& f, const std::string& y, const std::vector<size_t>& rows) {
  Eigen::VectorXd v(static_cast<long>(rows.size()));
  for (size_t r = 0; r < rows.size(); ++r) v[static_cast<long>(r)] = f.numeric(y)[rows[r]];
  return v;
}

// The residuals per unit, in the order of sample.rows.
std::vector<Eigen::VectorXd> residuals_by_unit(const Frame& f, const Sample& s, const std::string& y, const std::vector<std::string>& controls,
                                               const std::string& kind) {
  std::vector<Eigen::VectorXd> out;
  if (kind == "none") {
    for (const auto& rows : s.rows) out.push_back(response(f, y, rows));
    return out;
  }
  if (kind == "unit") {
    for (const auto& rows : s.rows) {
      if (rows.size() <= controls.size() + 1) throw DataError("a unit has too few periods for its own regression; use residuals = within");
      out.push_back(ts_ols(regressors(f, controls, rows, true), response(f, y, rows)).resid);
    }
    return out;
  }
  // pooled OLS, or the within regression on unit-demeaned data
  const bool within = kind == "within";
  std::vector<Eigen::MatrixXd> Xs;
  std::vector<Eigen::VectorXd> ys;
  long n = 0;
  for (const auto& rows : s.rows) {
    Eigen::MatrixXd X = regressors(f, controls, rows, !within);
    Eigen::VectorXd v = response(f, y, rows);
    if (within) {
      X.rowwise() -= X.colwise().mean();
      v.array() -= v.mean();
    }
    n += X.rows();
    Xs.push_back(std::move(X));
    ys.push_back(std::move(v));
  }
  const long k = Xs.front().cols();
  Eigen::MatrixXd X(n, k);
  Eigen::VectorXd v(n);
  long r = 0;
  for (size_t u = 0; u < Xs.size(); ++u) {
    X.middleRows(r, Xs[u].rows()) = Xs[u];
    v.segment(r, ys[u].size()) = ys[u];
    r += Xs[u].rows();
  }
  const Eigen::VectorXd b = k == 0 ? Eigen::VectorXd() : ts_ols(X, v).coef;
  for (size_t u = 0; u < Xs.size(); ++u) out.push_back(k == 0 ? ys[u] : Eigen::VectorXd(ys[u] - Xs[u] * b));
  return out;
}

}  // namespace

CrossDependenceResult cross_dependence(const Frame& frame, const Panel& panel, const std::string& variable,
                                       const std::vector<std::string>& controls, const std::string& residuals) {
  if (residuals != "unit" && residuals != "within" && residuals != "pooling" && residuals != "none")
    throw SpecError(fmt::format("residuals '{}': use unit, within, pooling or none", residuals));
  if (residuals == "none" && !controls.empty()) throw SpecError("residuals = none tests the variable itself: it takes no controls");
  CrossDependenceResult res;
  res.variable = variable;
  res.controls = controls;
  res.residuals = residuals;
  // rows with every value observed, by unit, with their period positions
  std::map<int64_t, size_t> period;
  for (size_t k = 0; k < panel.times.size(); ++k) period[panel.times[k]] = k;
  Sample s;
  std::vector<std::vector<size_t>> when;
  std::vector<size_t> unit_of;   // per sample unit: its panel unit
  if (panel.rows_missing_id) res.dropped["missing_id"] = panel.rows_missing_id;
  for (size_t u = 0; u < panel.n_units; ++u) {
    std::vector<size_t> rows, at;
    for (size_t i = panel.unit_start[u]; i < panel.unit_start[u + 1]; ++i) {
      const size_t r = panel.order[i];
      bool ok = !std::isnan(frame.numeric(variable)[r]);
      for (const auto& c : controls) ok = ok && !std::isnan(frame.numeric(c)[r]);
      if (ok) {
        rows.push_back(r);
        at.push_back(period[panel.time_value[r]]);
      } else {
        ++res.dropped["missing"];
      }
    }
    if (rows.empty()) continue;
    s.rows.push_back(rows);
    when.push_back(at);
    unit_of.push_back(u);
  }
  // Values whose squares a double cannot hold refused by name (the regressions said "collinear").
  std::vector<std::string> used = controls;
  used.insert(used.begin(), variable);
  const size_t n_sample = std::accumulate(s.rows.begin(), s.rows.end(), size_t{0}, [](size_t a, const auto& r) { return a + r.size(); });
  for (const auto& name : used) {
    const std::vector<double>& column = frame.numeric(name);
    Eigen::VectorXd v(static_cast<Eigen::Index>(n_sample));
    Eigen::Index k = 0;
    for (const auto& rows : s.rows)
      for (size_t r : rows) v[k++] = column[r];
    refuse_unrepresentable_scale(name, v, v.squaredNorm());
  }
  const std::vector<Eigen::VectorXd> e = residuals_by_unit(frame, s, variable, controls, residuals);
  // A unit whose residuals do not vary (a constant series, or one its regression fits exactly) has
  // no correlation with any other: named (every statistic printed "." without a word).
  double scale = 0;
  for (const auto& rows : s.rows)
    for (size_t r : rows) scale = std::max(scale, std::abs(frame.numeric(variable)[r]));
  for (size_t u = 0; u < e.size(); ++u) {
    const Eigen::ArrayXd centred = e[u].array() - e[u].mean();
    if (e[u].size() > 1 && std::sqrt(centred.square().mean()) <= 1e-12 * std::max(scale, 1e-300))
      throw DataError(fmt::format("unit '{}': the {} of '{}' do not vary (a constant series{}), so its correlations with the other units are not "
                                  "defined; leave the unit out (--subset) to test the others",
                                  panel.unit_labels[unit_of[u]], residuals == "none" ? "values" : "residuals", variable,
                                  residuals == "none" ? "" : ", or one its regression fits exactly"));
  }
  // wide matrix of residuals, NaN where missing
  const size_t N = e.size(), T = panel.times.size();
  Eigen::MatrixXd W = Eigen::MatrixXd::Constant(static_cast<long>(T), static_cast<long>(N), std::nan(""));
  for (size_t i = 0; i < N; ++i)
    for (size_t t = 0; t < when[i].size(); ++t) W(static_cast<long>(when[i][t]), static_cast<long>(i)) = e[i][static_cast<long>(t)];
  res.n_units = N;
  double lm = 0, sclm = 0, cd = 0, sum_rho = 0, sum_abs = 0, max_T = 0;
  size_t pairs = 0;
  for (size_t i = 1; i < N; ++i)
    for (size_t j = 0; j < i; ++j) {
      // correlation over the common periods (pairwise complete, as R's cor)
      std::vector<double> a, b;
      for (size_t t = 0; t < T; ++t) {
        const double x = W(static_cast<long>(t), static_cast<long>(i)), y = W(static_cast<long>(t), static_cast<long>(j));
        if (!std::isnan(x) && !std::isnan(y)) {
          a.push_back(x);
          b.push_back(y);
        }
      }
      if (a.size() <= 1) {
        ++res.pairs_dropped;
        continue;
      }
      const Eigen::Map<Eigen::VectorXd> va(a.data(), static_cast<long>(a.size())), vb(b.data(), static_cast<long>(b.size()));
      const Eigen::VectorXd da = va.array() - va.mean(), db = vb.array() - vb.mean();
      const double rho = da.dot(db) / std::sqrt(da.squaredNorm() * db.squaredNorm());
      const double Tij = static_cast<double>(a.size());
      lm += Tij * rho * rho;
      sclm += Tij * rho * rho - 1;
      cd += std::sqrt(Tij) * rho;
      sum_rho += rho;
      sum_abs += std::abs(rho);
      ++pairs;
    }
  if (pairs == 0) throw DataError("no pair of units shares two periods: cross-section dependence cannot be tested");
  // T of the bias correction: the longest unit's periods (plm's pcdtest takes max(t_ij) over the
  // pairs' matrix with its diagonal, t_ii = T_i); T on a balanced panel.
  for (const auto& t : when) max_T = std::max(max_T, static_cast<double>(t.size()));
  res.pairs = pairs;
  const double P = static_cast<double>(pairs), n = static_cast<double>(N);
  res.mean_rho = sum_rho / P;
  res.mean_abs_rho = sum_abs / P;
  const double CD = cd / std::sqrt(P);                         // Pesaran (2004) eq. 7
  const double SCLM = sclm / std::sqrt(2 * P);                  // Pesaran (2004) eq. 6
  const double BCSCLM = SCLM - n / (2 * (max_T - 1));           // Baltagi, Feng and Kao (2012) eq. 11
  res.stats = {{"CD", CD, p_normal_two_sided(CD), "N(0,1)"},
               {"LM", lm, p_chi2_upper(lm, P), fmt::format("chi2({:g})", P)},
               {"LM scaled", SCLM, p_normal_two_sided(SCLM), "N(0,1)"},
               {"LM bias-corrected", BCSCLM, p_normal_two_sided(BCSCLM), "N(0,1)"}};
  return res;
}

}  // namespace cbec
