#include "cbec/estimate/did/imputation.hpp"

#include <fmt/format.h>

#include <Eigen/SparseCholesky>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/wald.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

// The imputation model's regressors Z = [covariates, unit dummies, period dummies (first dropped)],
// restricted to the units and periods that have untreated observations.
struct ImputationDesign {
  MatrixXd X;                          // the covariates kept (columns of the design's X)
  std::vector<int32_t> unit, period;   // per design row: index among units/periods with untreated rows, -1 if none
  Index n_units = 0, n_periods = 0;

  Index n_covariates() const { return X.cols(); }
  Index dim() const { return n_covariates() + n_units + n_periods - 1; }
  // Adds a * z_r (the row's regressors times a) to v.
  void add_row(Index r, double a, VectorXd& v) const {
    const Index p = n_covariates();
    for (Index j = 0; j < p; ++j) v[j] += a * X(r, j);
    v[p + unit[static_cast<size_t>(r)]] += a;
    if (period[static_cast<size_t>(r)] > 0) v[p + n_units + period[static_cast<size_t>(r)] - 1] += a;
  }
  double dot_row(Index r, const VectorXd& theta) const {
    const Index p = n_covariates();
    double s = theta[p + unit[static_cast<size_t>(r)]];
    for (Index j = 0; j < p; ++j) s += X(r, j) * theta[j];
    if (period[static_cast<size_t>(r)] > 0) s += theta[p + n_units + period[static_cast<size_t>(r)] - 1];
    return s;
  }
};

// Z0' W0 Z0 as a sparse matrix: dense covariate block, diagonal unit and period blocks, and the
// unit x period incidence counts.
Eigen::SparseMatrix<double> normal_matrix(const ImputationDesign& z, const std::vector<Index>& untreated, const VectorXd& w) {
  std::vector<Eigen::Triplet<double>> trip;
  const Index p = z.n_covariates(), U = z.n_units;
  for (Index r : untreated) {
    const double wr = w[r];
    std::vector<Index> cols;
    for (Index j = 0; j < p; ++j) cols.push_back(j);
    cols.push_back(p + z.unit[static_cast<size_t>(r)]);
    if (z.period[static_cast<size_t>(r)] > 0) cols.push_back(p + U + z.period[static_cast<size_t>(r)] - 1);
    auto value = [&](Index c) { return c < p ? z.X(r, c) : 1.0; };
    for (Index a : cols)
      for (Index b : cols) trip.emplace_back(a, b, wr * value(a) * value(b));
  }
  Eigen::SparseMatrix<double> A(z.dim(), z.dim());
  A.setFromTriplets(trip.begin(), trip.end());
  return A;
}

// The normal matrix factored; false when a pivot vanishes (the model is not identified).
bool factor(const ImputationDesign& z, const std::vector<Index>& untreated, const VectorXd& w,
            Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>>& ldlt) {
  ldlt.compute(normal_matrix(z, untreated, w));
  return ldlt.info() == Eigen::Success && !(ldlt.vectorD().array().abs() < 1e-9).any();
}

// Keeps the covariates (in formula order) that are not collinear with the unit and period effects
// and the covariates kept before them on the untreated rows, as fixest drops collinear terms;
// returns the names of the others. Throws when the effects alone are not identified.
std::vector<std::string> keep_identified_covariates(ImputationDesign& z, const Design& d, const std::vector<Index>& untreated,
                                                    const VectorXd& w, Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>>& ldlt) {
  const MatrixXd all = z.X;
  z.X.resize(all.rows(), 0);
  if (!factor(z, untreated, w, ldlt))
    throw NumericError("the imputation model is not identified on untreated observations: units and periods are not connected");
  std::vector<Index> kept;
  std::vector<std::string> collinear;
  for (Index j = 0; j < all.cols(); ++j) {
    kept.push_back(j);
    z.X = all(Eigen::all, kept);
    if (factor(z, untreated, w, ldlt)) continue;
    kept.pop_back();
    collinear.push_back(d.x_names[static_cast<size_t>(j)]);
  }
  z.X = all(Eigen::all, kept);
  if (!collinear.empty() && !factor(z, untreated, w, ldlt))
    throw NumericError("the imputation model is not identified on untreated observations");
  return collinear;
}

}  // namespace

ImputationResult imputation_did(const Frame& frame, const StaggeredSpec& spec, const ImputationOptions& o) {
  if (!(o.level > 0 && o.level < 1)) throw SpecError(fmt::format("confidence level {} must lie strictly between 0 and 1", o.level));
  if (o.pretrend_leads < 0) throw SpecError("the number of pre-trend leads must be 0 or more");
  ImputationResult res;
  res.cluster = o.cluster.empty() ? spec.unit : o.cluster;
  res.covariates = spec.controls;
  const Design d = covariate_design(frame, spec, false, {res.cluster}, "imputation");  // intercept: in the unit effects
  for (const auto& [why, count] : d.dropped) res.dropped[why] += count;

  const auto g = first_treatment(frame, spec);
  const auto& t = frame.numeric(spec.time);
  const Factor& units = d.groups.at(spec.unit);
  const Factor& periods = d.groups.at(spec.time);
  const Factor& clusters = d.groups.at(res.cluster);
  const Index n = static_cast<Index>(d.nobs());
  const VectorXd w = d.weighted() ? d.weights : VectorXd::Ones(n);
  std::vector<bool> treated(static_cast<size_t>(n));
  std::vector<double> horizon(static_cast<size_t>(n), -std::numeric_limits<double>::infinity());
  std::vector<int32_t> unit_idx(units.n_levels, -1), period_idx(periods.n_levels, -1);
  for (Index r = 0; r < n; ++r) {
    const size_t fr = d.rows[static_cast<size_t>(r)];
    treated[static_cast<size_t>(r)] = !std::isnan(g[fr]) && t[fr] >= g[fr];
    if (!std::isnan(g[fr])) horizon[static_cast<size_t>(r)] = t[fr] - g[fr];
    if (!treated[static_cast<size_t>(r)]) {
      unit_idx[static_cast<size_t>(units.codes[static_cast<size_t>(r)])] = 0;
      period_idx[static_cast<size_t>(periods.codes[static_cast<size_t>(r)])] = 0;
    }
  }
  ImputationDesign z{d.X, std::vector<int32_t>(static_cast<size_t>(n)), std::vector<int32_t>(static_cast<size_t>(n))};
  for (auto& u : unit_idx)
    if (u == 0) u = static_cast<int32_t>(z.n_units++);
  for (auto& q : period_idx)
    if (q == 0) q = static_cast<int32_t>(z.n_periods++);
  if (z.n_units == 0) throw DataError("no untreated observations: the imputation estimator needs never-treated or not-yet-treated observations");
  // Treated observations whose unit or period has no untreated observation cannot be imputed.
  std::vector<Index> untreated, imputable;
  size_t not_imputable = 0;
  for (Index r = 0; r < n; ++r) {
    z.unit[static_cast<size_t>(r)] = unit_idx[static_cast<size_t>(units.codes[static_cast<size_t>(r)])];
    z.period[static_cast<size_t>(r)] = period_idx[static_cast<size_t>(periods.codes[static_cast<size_t>(r)])];
    if (!treated[static_cast<size_t>(r)]) untreated.push_back(r);
    else if (z.unit[static_cast<size_t>(r)] < 0 || z.period[static_cast<size_t>(r)] < 0) ++not_imputable;
    else imputable.push_back(r);
  }
  if (not_imputable) {
    res.dropped["treated observations without untreated observations of their unit or period"] = not_imputable;
    res.warnings.push_back(fmt::format("{} treated observation(s) cannot be imputed (their unit or period has no untreated observation) and are left out",
                                       not_imputable));
  }
  if (imputable.empty()) throw DataError("no treated observation can be imputed");
  res.n_untreated = untreated.size();
  res.n_treated = imputable.size();

  // Step 1: the fixed effects and covariates from untreated observations.
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> ldlt;
  res.collinear = keep_identified_covariates(z, d, untreated, w, ldlt);
  if (!res.collinear.empty()) {
    res.warnings.push_back(fmt::format("dropped as collinear with the unit and period effects (or other covariates) on the untreated observations: {}",
                                       fmt::join(res.collinear, ", ")));
    std::erase_if(res.covariates, [&](const std::string& c) { return std::find(res.collinear.begin(), res.collinear.end(), c) != res.collinear.end(); });
  }
  VectorXd rhs = VectorXd::Zero(z.dim());
  for (Index r : untreated) z.add_row(r, w[r] * d.y[r], rhs);
  const VectorXd theta = ldlt.solve(rhs);
  // Residuals of untreated observations and imputed effects of treated ones (step 2).
  VectorXd adj = VectorXd::Zero(n);
  for (Index r : untreated) adj[r] = d.y[r] - z.dot_row(r, theta);
  for (Index r : imputable) adj[r] = d.y[r] - z.dot_row(r, theta);

  // Targets: the overall ATT and each horizon.
  std::vector<std::pair<std::string, double>> targets = {{"ATT", -1}};
  if (o.horizons) {
    std::set<double> hs;
    for (Index r : imputable) hs.insert(horizon[static_cast<size_t>(r)]);
    for (double h : hs) targets.push_back({fmt::format("h{:g}", h), h});
  }
  const double zcrit = q_normal(1 - (1 - o.level) / 2);
  std::map<int32_t, int32_t> cluster_index;  // the clusters of the rows used (untreated or imputed)
  for (const auto* used : {&untreated, &imputable})
    for (Index r : *used) cluster_index.emplace(clusters.codes[static_cast<size_t>(r)], 0);
  int32_t next = 0;
  for (auto& [code, idx] : cluster_index) idx = next++;
  res.n_clusters = cluster_index.size();
  for (const auto& [term, h] : targets) {
    ImputationEffect e;
    e.term = term;
    e.horizon = h;
    // Step 3: weights w_it (observation weight, normalized to sum 1) on the target's observations.
    VectorXd v = VectorXd::Zero(n);
    double total = 0;
    for (Index r : imputable)
      if (h < 0 || horizon[static_cast<size_t>(r)] == h) {
        v[r] = w[r];
        total += w[r];
        ++e.n_treated_obs;
      }
    v /= total;
    for (Index r : imputable) e.att += v[r] * adj[r];
    // Theorem 3: v for untreated observations = -W0 Z0 (Z0'W0 Z0)^-1 Z1'w1.
    VectorXd z1w = VectorXd::Zero(z.dim());
    for (Index r : imputable)
      if (v[r] != 0) z.add_row(r, v[r], z1w);
    const VectorXd gamma = ldlt.solve(z1w);
    for (Index r : untreated) v[r] = -w[r] * z.dot_row(r, gamma);
    // Residuals: untreated as fitted; treated net of the v^2-weighted mean of tau in cohort x horizon cells.
    std::map<std::pair<double, double>, std::pair<double, double>> cell;  // (g, e) -> (sum v^2 tau, sum v^2)
    for (Index r : imputable) {
      auto& c = cell[{g[d.rows[static_cast<size_t>(r)]], horizon[static_cast<size_t>(r)]}];
      c.first += v[r] * v[r] * adj[r];
      c.second += v[r] * v[r];
    }
    std::vector<double> by_cluster(cluster_index.size(), 0.0);
    auto add = [&](Index r, double resid) { by_cluster[static_cast<size_t>(cluster_index[clusters.codes[static_cast<size_t>(r)]])] += v[r] * resid; };
    for (Index r : untreated) add(r, adj[r]);
    for (Index r : imputable) {
      const auto& c = cell[{g[d.rows[static_cast<size_t>(r)]], horizon[static_cast<size_t>(r)]}];
      add(r, adj[r] - (c.second > 0 ? c.first / c.second : 0.0));
    }
    double var = 0;
    for (double s : by_cluster) var += s * s;
    e.se = std::sqrt(var);
    e.ci_low = e.att - zcrit * e.se;
    e.ci_high = e.att + zcrit * e.se;
    res.effects.push_back(e);
  }

  // Pre-trend test: leads of treatment among untreated observations, same fixed effects.
  if (o.pretrend_leads > 0) {
    double first = INFINITY, last = -INFINITY;
    for (size_t r : d.rows) first = std::min(first, t[r]), last = std::max(last, t[r]);
    if (o.pretrend_leads > last - first)
      throw SpecError(fmt::format("the pre-trend test takes at most {:g} leads: '{}' spans {:g} to {:g}; asked {}", last - first, spec.time, first, last,
                                  o.pretrend_leads));
    std::vector<size_t> rows;
    for (Index r : untreated) rows.push_back(d.rows[static_cast<size_t>(r)]);
    Frame f = frame.take(rows);
    std::vector<std::string> terms;
    std::vector<int> absent;  // leads in units of the time variable (as Stata's did_imputation): none on a grid of 2 years
    for (int k = 1; k <= o.pretrend_leads; ++k) {
      std::vector<double> col(rows.size());
      size_t ones = 0;
      for (size_t i = 0; i < rows.size(); ++i) ones += (col[i] = (!std::isnan(g[rows[i]]) && t[rows[i]] - g[rows[i]] == -k) ? 1.0 : 0.0) > 0;
      if (!ones) {
        absent.push_back(-k);
        continue;
      }
      std::string name = fmt::format("lead{}", k);
      f.set(Column::numeric(name, std::move(col)));
      terms.push_back(name);
    }
    if (!absent.empty() && !terms.empty())
      res.warnings.push_back(fmt::format("the pre-trend test leaves out the leads with no observation ({} periods of '{}' before treatment)",
                                         fmt::join(absent, ", "), spec.time));
    if (terms.empty()) {
      res.warnings.push_back("no pre-treatment observations of treated units: the pre-trend test is not available");
    } else {
      std::vector<std::string> rhs_terms = terms;
      rhs_terms.insert(rhs_terms.end(), spec.controls.begin(), spec.controls.end());
      FeolsOptions fo;
      fo.vcov = VcovSpec::parse("cluster:" + res.cluster, spec.time);
      DesignOptions pd;
      pd.weights = spec.weights;
      pd.panel_unit = spec.unit;
      pd.panel_time = spec.time;
      pd.drop_singletons = false;  // units treated after one period have one untreated row (kept, as fixest)
      RegressionResult m = feols(f, fmt::format("`{}` ~ {} | {} + {}", spec.y, fmt::join(rhs_terms, " + "), spec.unit, spec.time), fo, pd);
      std::vector<long> idx;
      for (const auto& term : terms)
        for (size_t j = 0; j < m.terms.size(); ++j)
          if (m.terms[j] == term) idx.push_back(static_cast<long>(j));
      if (!idx.empty()) {
        TestResult test = wald_f(m.coef, m.vcov, idx, m.vcov_info.df,
                                 "joint Wald test that the leads of treatment are zero among untreated observations (BJS 2024, Test 1)");
        res.pretrend_test = test;
      }
      res.pretrend_model = std::move(m);
    }
  }
  return res;
}

}  // namespace cbec
