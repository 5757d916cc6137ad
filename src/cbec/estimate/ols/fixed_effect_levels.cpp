#include "cbec/estimate/ols/fixed_effect_levels.hpp"

#include <fmt/format.h>

#include <cmath>
#include <deque>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean.hpp"

namespace cbec {

namespace {

// The regressors of the structural equation: exogenous, then endogenous (IV), with their names.
Eigen::MatrixXd regressors(const Design& d, std::vector<std::string>& names) {
  names = d.x_names;
  names.insert(names.end(), d.endog_names.begin(), d.endog_names.end());
  const long ke = d.endog.size() ? d.endog.cols() : 0;
  Eigen::MatrixXd X(d.y.size(), d.X.cols() + ke);
  X.leftCols(d.X.cols()) = d.X;
  if (ke) X.rightCols(ke) = d.endog;
  return X;
}

// The fixed-effect part of y: y - X b with b on the regressors (terms dropped as collinear count
// 0), and each coefficient's column among the regressors.
Eigen::VectorXd fixed_effect_part(const Design& d, const Eigen::MatrixXd& X, const std::vector<std::string>& names,
                                  const RegressionResult& r, std::vector<long>& cols) {
  Eigen::VectorXd b = Eigen::VectorXd::Zero(X.cols());
  cols.assign(r.terms.size(), -1);
  for (size_t k = 0; k < r.terms.size(); ++k)
    for (long j = 0; j < X.cols(); ++j)
      if (names[static_cast<size_t>(j)] == r.terms[k]) {
        b[j] = r.coef[static_cast<long>(k)];
        cols[k] = j;
      }
  return d.y - X * b;
}

FixedEffectLevels one_dimension(const Design& d, const RegressionResult& r) {
  const Factor& f = d.fixed_effects.front();
  std::vector<long> cols;
  std::vector<std::string> names;
  const Eigen::MatrixXd X = regressors(d, names);
  const Eigen::VectorXd dv = fixed_effect_part(d, X, names, r, cols);
  const long G = static_cast<long>(f.n_levels), k = static_cast<long>(r.terms.size());
  Eigen::VectorXd sw = Eigen::VectorXd::Zero(G), sd = Eigen::VectorXd::Zero(G);
  Eigen::MatrixXd sx = Eigen::MatrixXd::Zero(G, k);
  FixedEffectLevels out;
  out.dimension = f.name;
  out.levels = f.labels;
  out.nobs.assign(static_cast<size_t>(G), 0);
  for (long i = 0; i < dv.size(); ++i) {
    const int32_t g = f.codes[static_cast<size_t>(i)];
    const double w = d.weighted() ? d.weights[i] : 1.0;
    sw[g] += w;
    sd[g] += w * dv[i];
    for (long j = 0; j < k; ++j) sx(g, j) += w * X(i, cols[static_cast<size_t>(j)]);
    ++out.nobs[static_cast<size_t>(g)];
  }
  out.estimate = sd.cwiseQuotient(sw);
  const double s2 = r.fit.at("rss") / r.df_resid;
  out.se.resize(G);
  for (long g = 0; g < G; ++g) {
    const Eigen::VectorXd xbar = sx.row(g).transpose() / sw[g];
    out.se[g] = std::sqrt(s2 / sw[g] + xbar.dot(r.vcov * xbar));
  }
  return out;
}

std::vector<FixedEffectLevels> two_dimensions(const Design& d, const RegressionResult& r) {
  std::vector<long> cols;
  std::vector<std::string> names;
  Eigen::VectorXd s = fixed_effect_part(d, regressors(d, names), names, r, cols);
  {
    Eigen::VectorXd e = s;
    Demeaner(d.fixed_effects, d.weights).demean(e);
    s -= e;  // alpha_g(i) + gamma_h(i), exactly (up to the demeaning tolerance)
  }
  const Factor &a = d.fixed_effects[0], &b = d.fixed_effects[1];
  const size_t na = a.n_levels, nb = b.n_levels;
  std::vector<std::vector<size_t>> obs_a(na), obs_b(nb);
  for (size_t i = 0; i < a.codes.size(); ++i) {
    obs_a[static_cast<size_t>(a.codes[i])].push_back(i);
    obs_b[static_cast<size_t>(b.codes[i])].push_back(i);
  }
  std::vector<FixedEffectLevels> out(2);
  out[0].dimension = a.name;
  out[0].levels = a.labels;
  out[1].dimension = b.name;
  out[1].levels = b.labels;
  out[0].estimate = Eigen::VectorXd::Constant(static_cast<long>(na), std::nan(""));
  out[1].estimate = Eigen::VectorXd::Constant(static_cast<long>(nb), std::nan(""));
  for (size_t g = 0; g < na; ++g) out[0].nobs.push_back(obs_a[g].size());
  for (size_t h = 0; h < nb; ++h) out[1].nobs.push_back(obs_b[h].size());
  Eigen::VectorXd& alpha = out[0].estimate;
  Eigen::VectorXd& gamma = out[1].estimate;
  // Each connected set of levels starts from its first level of the second dimension, set to 0.
  // Levels are marked when reached (not by their value: a value that overflows to NaN would be
  // reached again and again).
  std::vector<char> reached_a(na, 0), reached_b(nb, 0);
  for (size_t h0 = 0; h0 < nb; ++h0) {
    if (reached_b[h0] || obs_b[h0].empty()) continue;
    gamma[static_cast<long>(h0)] = 0;
    reached_b[h0] = 1;
    std::deque<std::pair<int, size_t>> queue{{1, h0}};
    while (!queue.empty()) {
      const auto [dim, level] = queue.front();
      queue.pop_front();
      for (size_t i : dim == 1 ? obs_b[level] : obs_a[level]) {
        const size_t ga = static_cast<size_t>(a.codes[i]), hb = static_cast<size_t>(b.codes[i]);
        if (dim == 1 && !reached_a[ga]) {
          alpha[static_cast<long>(ga)] = s[static_cast<long>(i)] - gamma[static_cast<long>(hb)];
          reached_a[ga] = 1;
          queue.emplace_back(0, ga);
        } else if (dim == 0 && !reached_b[hb]) {
          gamma[static_cast<long>(hb)] = s[static_cast<long>(i)] - alpha[static_cast<long>(ga)];
          reached_b[hb] = 1;
          queue.emplace_back(1, hb);
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<FixedEffectLevels> fixed_effect_levels(const Design& d, const RegressionResult& r) {
  if (d.is_stacked()) throw SpecError("fixed_effect_levels needs a design that is not stacked");
  if (d.fixed_effects.empty()) return {};
  if (d.fixed_effects.size() > 2)
    throw SpecError(fmt::format("the fixed effects per level are computed for one or two dimensions, not {}", d.fixed_effects.size()));
  if (d.fixed_effects.size() == 1) return {one_dimension(d, r)};
  return two_dimensions(d, r);
}

}  // namespace cbec
