#include "cbec/estimate/did/psm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/estimate/glm/binary_choice.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

double sample_sd(const std::vector<double>& x) {
  if (x.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  const double m = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(x.size() - 1));
}

// Greedy nearest-neighbour matching on the score within one group (MatchIt 4.5, nn_matchC_vec):
// units sorted by score; for each treated unit in turn the closest eligible control below and
// above, the lower one on a tie; a caliper stops the search on a side at the first eligible
// control outside it.
void nearest_in_group(const std::vector<size_t>& idx, const Eigen::VectorXd& score, const std::vector<int>& treated, const MatchingSpec& s,
                      std::vector<std::vector<size_t>>& matches) {
  std::vector<size_t> sorted = idx;
  std::stable_sort(sorted.begin(), sorted.end(), [&](size_t a, size_t b) { return score[static_cast<Eigen::Index>(a)] < score[static_cast<Eigen::Index>(b)]; });
  std::vector<size_t> pos_treated;   // positions in `sorted` of the treated, in matching order
  for (size_t p = 0; p < sorted.size(); ++p)
    if (treated[sorted[p]]) pos_treated.push_back(p);
  const auto d = [&](size_t p) { return score[static_cast<Eigen::Index>(sorted[p])]; };
  if (!s.replace)   // largest score first (stable, as R's order(decreasing = TRUE))
    std::stable_sort(pos_treated.begin(), pos_treated.end(), [&](size_t a, size_t b) { return d(a) > d(b); });
  else              // with replacement the order does not matter: data order, as MatchIt
    std::sort(pos_treated.begin(), pos_treated.end(), [&](size_t a, size_t b) { return sorted[a] < sorted[b]; });
  std::vector<double> all;
  for (size_t i : idx) all.push_back(score[static_cast<Eigen::Index>(i)]);
  const double caliper = s.caliper > 0 ? s.caliper * sample_sd(all) : 0;
  std::vector<char> available(sorted.size());
  std::vector<size_t> times(sorted.size(), 0);
  const size_t reuse_max = s.replace ? pos_treated.size() : 1;
  for (size_t p = 0; p < sorted.size(); ++p) available[p] = !treated[sorted[p]];
  // Round r gives each treated unit its r-th match; the rounds stop once one gives none (a ratio
  // beyond the controls: the rest would only scan them again).
  for (int r = 0, matched = 1; r < s.ratio && matched; ++r) {
    matched = 0;
    for (size_t ii : pos_treated) {
      auto& mine = matches[sorted[ii]];
      auto eligible = [&](size_t k) {
        return !treated[sorted[k]] && available[k] && std::find(mine.begin(), mine.end(), sorted[k]) == mine.end();
      };
      long left = -1, right = -1;
      for (long k = static_cast<long>(ii) - 1; k >= 0; --k) {
        if (!eligible(static_cast<size_t>(k))) continue;
        if (caliper > 0 && std::fabs(d(ii) - d(static_cast<size_t>(k))) > caliper) break;
        left = k;
        break;
      }
      for (size_t k = ii + 1; k < sorted.size(); ++k) {
        if (!eligible(k)) continue;
        if (caliper > 0 && std::fabs(d(ii) - d(k)) > caliper) break;
        right = static_cast<long>(k);
        break;
      }
      long k = left;
      if (left >= 0 && right >= 0) k = std::fabs(d(static_cast<size_t>(left)) - d(ii)) <= std::fabs(d(static_cast<size_t>(right)) - d(ii)) ? left : right;
      else if (left < 0) k = right;
      if (k < 0) continue;
      mine.push_back(sorted[static_cast<size_t>(k)]);
      matched = 1;
      if (++times[static_cast<size_t>(k)] >= reuse_max) available[static_cast<size_t>(k)] = 0;
    }
  }
}

// Epanechnikov kernel weights of the controls within the bandwidth of each treated unit.
void kernel_in_group(const std::vector<size_t>& idx, const Eigen::VectorXd& score, const std::vector<int>& treated, double h,
                     std::vector<std::vector<size_t>>& matches, std::vector<std::vector<double>>& kernel) {
  for (size_t i : idx) {
    if (!treated[i]) continue;
    double total = 0;
    for (size_t j : idx) {
      if (treated[j]) continue;
      const double u = (score[static_cast<Eigen::Index>(j)] - score[static_cast<Eigen::Index>(i)]) / h;
      if (std::fabs(u) >= 1) continue;
      matches[i].push_back(j);
      kernel[i].push_back(0.75 * (1 - u * u));
      total += kernel[i].back();
    }
    for (double& k : kernel[i]) k /= total;
  }
}

double weighted_mean(const std::vector<double>& x, const std::vector<double>& w) {
  double sw = 0, sx = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sw += w[i];
    sx += w[i] * x[i];
  }
  return sx / sw;
}

// x on a treatment dummy by weighted least squares with Stata's importance weights (N = sum of weights).
void weighted_t_test(const std::vector<double>& x, const std::vector<int>& t, const std::vector<double>& w, double& stat, double& p) {
  double sw[2] = {0, 0}, sx[2] = {0, 0};
  for (size_t i = 0; i < x.size(); ++i) {
    sw[t[i]] += w[i];
    sx[t[i]] += w[i] * x[i];
  }
  const double m0 = sx[0] / sw[0], m1 = sx[1] / sw[1];
  double sse = 0;
  for (size_t i = 0; i < x.size(); ++i) sse += w[i] * std::pow(x[i] - (t[i] ? m1 : m0), 2);
  const double df = sw[0] + sw[1] - 2, s2 = sse / df;
  stat = (m1 - m0) / std::sqrt(s2 * (1 / sw[0] + 1 / sw[1]));
  p = p_t_two_sided(stat, df);
}

// MatchIt 4.5.5's bal1var (summary.matchit, standardize = TRUE): the treated's SD, sqrt(p (1 - p))
// of the treated for a covariate that is 0/1 in both groups; where that is below sqrt(machine
// epsilon) (a covariate constant among the treated) its pooled_sd: the within-group sum of squares
// over n - 1, for a 0/1 covariate sum_g n_g p_g (1 - p_g) / n.
double smd_denominator(const std::vector<double>& xt, const std::vector<double>& xc, double mean_t, double mean_c, double sd_t) {
  auto is01 = [](const std::vector<double>& x) { return std::all_of(x.begin(), x.end(), [](double v) { return v == 0 || v == 1; }); };
  const bool binary = is01(xt) && is01(xc);
  const double sd = binary ? std::sqrt(mean_t * (1 - mean_t)) : sd_t;
  if (std::isfinite(sd) && sd >= std::sqrt(std::numeric_limits<double>::epsilon())) return sd;
  const double n = static_cast<double>(xt.size() + xc.size());
  if (binary)
    return std::sqrt((static_cast<double>(xt.size()) * mean_t * (1 - mean_t) + static_cast<double>(xc.size()) * mean_c * (1 - mean_c)) / n);
  double ss = 0;
  for (double v : xt) ss += (v - mean_t) * (v - mean_t);
  for (double v : xc) ss += (v - mean_c) * (v - mean_c);
  return std::sqrt(ss / (n - 1));
}

// bal1var's standardized difference: a difference within sqrt(machine epsilon) is reported as it is.
double standardized_difference(double diff, double sd) {
  return std::fabs(diff) <= std::sqrt(std::numeric_limits<double>::epsilon()) ? diff : diff / sd;
}

void balance(const Design& d, MatchingResult& m) {
  // The t test after matching is pstest's, regress x treated [iw=_weight], with psmatch2's weights
  // (the shares). MatchIt's rescaled weights would change the importance weights' N and so t and p
  // whenever controls are used unevenly (k > 1 neighbours, replacement, kernel).
  for (Eigen::Index c = 1; c < d.X.cols(); ++c) {
    BalanceRow b;
    b.variable = d.x_names[static_cast<size_t>(c)];
    std::vector<double> xt, xc, wc, x_after, w_after;
    std::vector<int> t_after;
    for (size_t i = 0; i < m.rows.size(); ++i) {
      const double x = d.X(static_cast<Eigen::Index>(i), c);
      (m.treated[i] ? xt : xc).push_back(x);
      if (!m.treated[i]) wc.push_back(m.weights[i]);
      if (m.weights[i] > 0) {
        x_after.push_back(x);
        w_after.push_back(m.shares[i]);
        t_after.push_back(m.treated[i]);
      }
    }
    b.mean_treated = std::accumulate(xt.begin(), xt.end(), 0.0) / static_cast<double>(xt.size());
    b.mean_control_before = std::accumulate(xc.begin(), xc.end(), 0.0) / static_cast<double>(xc.size());
    b.mean_control_after = weighted_mean(xc, wc);
    std::vector<double> xt_after, wt_after;
    for (size_t i = 0; i < x_after.size(); ++i)
      if (t_after[i]) {
        xt_after.push_back(x_after[i]);
        wt_after.push_back(w_after[i]);
      }
    const double mean_t_after = b.mean_treated_after = weighted_mean(xt_after, wt_after);
    const double sd_t = sample_sd(xt), sd_c = sample_sd(xc), pooled = std::sqrt((sd_t * sd_t + sd_c * sd_c) / 2);
    const double sd_smd = smd_denominator(xt, xc, b.mean_treated, b.mean_control_before, sd_t);
    b.smd_before = standardized_difference(b.mean_treated - b.mean_control_before, sd_smd);
    b.smd_after = standardized_difference(mean_t_after - b.mean_control_after, sd_smd);
    b.bias_before = 100 * (b.mean_treated - b.mean_control_before) / pooled;
    b.bias_after = 100 * (mean_t_after - b.mean_control_after) / pooled;
    b.bias_reduction = 100 * (1 - std::fabs(b.bias_after) / std::fabs(b.bias_before));
    weighted_t_test(x_after, t_after, w_after, b.t_after, b.p_after);
    m.balance.push_back(b);
  }
}

void match_group(const std::vector<size_t>& idx, const MatchingSpec& s, MatchingResult& m, std::vector<std::vector<double>>& kernel) {
  if (s.method == "nearest") nearest_in_group(idx, m.score, m.treated, s, m.matches);
  else kernel_in_group(idx, m.score, m.treated, s.bandwidth, m.matches, kernel);
}

// psmatch2's shares (treated 1, controls the sum of their shares) and MatchIt's weights: the
// controls' shares rescaled to their matched count, once over the whole sample (MatchIt 4's rule,
// also with exact matching on the year). One factor for every control keeps the years' mix of the
// treated: rescaled year by year, the controls of a year with few of them weighed as much as those of
// a year with many, and the pooled control mean after matching (and the weighted DID) followed a
// different mix of years than the treated mean.
void matching_weights(const std::vector<std::vector<double>>& kernel, MatchingResult& m) {
  const size_t n = m.treated.size();
  m.shares.assign(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    if (!m.treated[i] || m.matches[i].empty()) continue;
    m.shares[i] = 1;
    for (size_t k = 0; k < m.matches[i].size(); ++k)
      m.shares[m.matches[i][k]] += kernel[i].empty() ? 1.0 / static_cast<double>(m.matches[i].size()) : kernel[i][k];
  }
  for (size_t i = 0; i < n; ++i) {
    if (m.treated[i]) {
      ++m.n_treated;
      m.n_treated_matched += m.shares[i] > 0;
    } else {
      ++m.n_control;
      m.n_control_matched += m.shares[i] > 0;
    }
  }
  if (m.n_treated == 0 || m.n_control == 0)
    throw DataError(fmt::format("psm: the sample has no {} observations (treatment 0 or 1 in every row used), so nothing can be matched",
                                m.n_treated == 0 ? "treated" : "control"));
  if (m.n_treated_matched == 0) throw NumericError("psm: no treated unit found a match; widen the caliper or bandwidth");
  m.weights = m.shares;
  double sum_c = 0;
  for (size_t i = 0; i < n; ++i)
    if (!m.treated[i]) sum_c += m.shares[i];
  if (sum_c > 0)
    for (size_t i = 0; i < n; ++i)
      if (!m.treated[i]) m.weights[i] *= static_cast<double>(m.n_control_matched) / sum_c;
  if (m.n_treated_matched < m.n_treated)
    m.warnings.push_back(fmt::format("{} of {} treated observations found no match (off support or outside the caliper) and leave the matched sample",
                                     m.n_treated - m.n_treated_matched, m.n_treated));
}

// Nearest-neighbour 1:k matching can give a treated unit fewer than k controls (too few controls
// without replacement, or within the caliper): said, as MatchIt warns.
void warn_fewer_than_ratio(const MatchingSpec& s, MatchingResult& m) {
  if (s.method != "nearest" || s.ratio < 2) return;
  size_t short_of = 0;
  for (size_t i = 0; i < m.treated.size(); ++i)
    short_of += m.treated[i] && !m.matches[i].empty() && m.matches[i].size() < static_cast<size_t>(s.ratio);
  if (short_of > 0)
    m.warnings.push_back(fmt::format("{} of {} matched treated observations got fewer than the {} controls asked for ({}); their controls are weighted "
                                     "1 / (number found)", short_of, m.n_treated_matched, s.ratio,
                                     s.replace ? "too few within the caliper" : "too few controls left without replacement, or within the caliper"));
}

}  // namespace

MatchingResult match_on_scores(const Eigen::VectorXd& score, const std::vector<int>& treated, const MatchingSpec& s) {
  MatchingResult m;
  m.score = score;
  m.treated = treated;
  m.matches.assign(treated.size(), {});
  std::vector<size_t> all(treated.size());
  std::iota(all.begin(), all.end(), 0);
  std::vector<std::vector<double>> kernel(treated.size());
  match_group(all, s, m, kernel);
  matching_weights(kernel, m);
  warn_fewer_than_ratio(s, m);
  return m;
}

MatchingResult propensity_match(const Frame& frame, const MatchingSpec& s) {
  if (s.covariates.empty()) throw SpecError("psm: name the covariates of the propensity score");
  if (std::find(s.covariates.begin(), s.covariates.end(), s.treatment) != s.covariates.end())
    throw SpecError(fmt::format("psm: the treatment '{}' is also among the covariates, where it predicts itself perfectly; remove it from the covariates", s.treatment));
  if (s.method != "nearest" && s.method != "kernel") throw SpecError(fmt::format("psm: method must be nearest or kernel, not '{}'", s.method));
  if (s.ratio < 1) throw SpecError(fmt::format("psm: the matching ratio must be at least 1, not {}", s.ratio));
  if (s.caliper < 0 || s.bandwidth <= 0) throw SpecError("psm: the caliper must be >= 0 and the bandwidth > 0");
  std::string f = s.treatment + " ~ ";
  for (size_t j = 0; j < s.covariates.size(); ++j) f += (j ? " + " : "") + s.covariates[j];
  DesignOptions o;
  o.drop_singletons = false;
  if (!s.by.empty()) o.groups = {s.by};
  const Design d = build_design(frame, parse_formula(f), o);
  MatchingResult m;
  m.rows = d.rows;
  m.dropped = d.dropped;
  const size_t n = d.nobs();
  m.treated.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double t = d.y[static_cast<Eigen::Index>(i)];
    if (t != 0 && t != 1)
      throw DataError(fmt::format("psm: the treatment '{}' must be 0 or 1; data line {} has {}", s.treatment, frame.line(d.rows[i]), t));
    m.treated[i] = static_cast<int>(t);
  }
  std::vector<std::vector<size_t>> groups;
  if (s.by.empty()) {
    groups.emplace_back(n);
    std::iota(groups[0].begin(), groups[0].end(), 0);
  } else {
    const Factor& g = d.groups.at(s.by);
    groups.resize(g.n_levels);
    for (size_t i = 0; i < n; ++i) groups[static_cast<size_t>(g.codes[i])].push_back(i);
  }
  m.score = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(n), std::numeric_limits<double>::quiet_NaN());
  m.matches.assign(n, {});
  std::vector<std::vector<double>> kernel(n);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const auto& idx = groups[gi];
    const auto nt = static_cast<size_t>(std::count_if(idx.begin(), idx.end(), [&](size_t i) { return m.treated[i] == 1; }));
    if (nt == 0 || nt == idx.size()) {
      if (!idx.empty())
        m.warnings.push_back(fmt::format("{}{}: no {} units, nothing matched", s.by.empty() ? "sample" : s.by + " = ",
                                         s.by.empty() ? "" : d.groups.at(s.by).labels[gi], nt == 0 ? "treated" : "control"));
      continue;
    }
    const std::string where = s.by.empty() ? std::string() : fmt::format(" ({} = {})", s.by, d.groups.at(s.by).labels[gi]);
    // A covariate that does not vary in the sample fitted (the whole sample, or a year of its own)
    // says nothing of the treatment there: left out of that score with a note, as glm's NA
    // coefficient (it made a year's fit singular while the pooled fit dropped it without a word).
    std::vector<Eigen::Index> kept;
    for (Eigen::Index c = 0; c < d.X.cols(); ++c) {
      const double first = d.X(static_cast<Eigen::Index>(idx[0]), c);
      const bool varies = std::any_of(idx.begin(), idx.end(), [&](size_t i) { return d.X(static_cast<Eigen::Index>(i), c) != first; });
      if (varies || d.x_names[static_cast<size_t>(c)] == "(Intercept)") kept.push_back(c);
      else m.warnings.push_back(fmt::format("'{}' does not vary{}: left out of the propensity score", d.x_names[static_cast<size_t>(c)], where));
    }
    Eigen::MatrixXd X(static_cast<Eigen::Index>(idx.size()), static_cast<Eigen::Index>(kept.size()));
    Eigen::VectorXd y(X.rows());
    for (size_t k = 0; k < idx.size(); ++k) {
      X.row(static_cast<Eigen::Index>(k)) = d.X(static_cast<Eigen::Index>(idx[k]), kept);
      y[static_cast<Eigen::Index>(k)] = m.treated[idx[k]];
    }
    BinaryChoiceFit fit;
    try {
      fit = fit_binary_choice(X, y, Eigen::VectorXd(), parse_binary_link(s.link));
    } catch (const NumericError& e) {
      throw NumericError(s.by.empty() ? std::string(e.what()) : fmt::format("{} = {}: {}", s.by, d.groups.at(s.by).labels[gi], e.what()));
    }
    if (!fit.converged) m.warnings.push_back(fmt::format("the propensity-score model{} did not converge (perfect prediction?)", where));
    if (fit.at_bounds > 0)
      m.warnings.push_back(fmt::format("the propensity-score model{} fits {} observation(s) with probability numerically 0 or 1 (glm: 'fitted probabilities "
                                       "numerically 0 or 1 occurred'): the covariates separate treated from controls there, so those scores are not "
                                       "estimates and matching on them is arbitrary; drop or coarsen the separating covariate",
                                       where, fit.at_bounds));
    for (size_t k = 0; k < idx.size(); ++k) m.score[static_cast<Eigen::Index>(idx[k])] = fit.fitted[static_cast<Eigen::Index>(k)];
    match_group(idx, s, m, kernel);
  }
  matching_weights(kernel, m);
  warn_fewer_than_ratio(s, m);
  balance(d, m);
  return m;
}

Frame matched_sample(const Frame& frame, const MatchingResult& m, const std::string& weight_name) {
  std::vector<size_t> rows;
  std::vector<double> w;
  for (size_t i = 0; i < m.rows.size(); ++i)
    if (m.weights[i] > 0) {
      rows.push_back(m.rows[i]);
      w.push_back(m.weights[i]);
    }
  Frame out = frame.take(rows);
  out.set(Column::numeric(weight_name, w));
  return out;
}

}  // namespace cbec
