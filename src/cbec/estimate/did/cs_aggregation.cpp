#include "cbec/estimate/did/cs_aggregation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace cbec {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

// P(G = g): the weighted share of units in cohort g.
double cohort_share(const GroupTimeInput& in, double g) {
  double s = 0;
  for (size_t i = 0; i < in.unit_group.size(); ++i)
    if (in.unit_group[i] == g) s += in.unit_weight[static_cast<Index>(i)];
  return s / static_cast<double>(in.unit_group.size());
}

// An average over no ATT(g, t) (every estimated cell before treatment): not defined, NaN (did's
// aggte stops there), not 0.
AggregateEstimate undefined(Index n, double key) {
  AggregateEstimate out;
  out.key = key;
  out.att = std::numeric_limits<double>::quiet_NaN();
  out.influence = VectorXd::Constant(n, std::numeric_limits<double>::quiet_NaN());
  return out;
}

// Weighted average of att over `cohorts` with weights share / sum(share), and its influence
// function: the ATTs' influence functions combined with the same weights, plus the estimation
// effect of the shares (did's wif(): d/dp of p_k / sum p applied to 1[G = g_k] w - p_k).
AggregateEstimate weighted_by_share(const std::vector<double>& att, const MatrixXd& influence,
                                    const std::vector<double>& cohorts, const GroupTimeInput& in, double key) {
  const size_t m = att.size();
  if (m == 0) return undefined(influence.rows(), key);
  std::vector<double> share(m);
  double total = 0;
  for (size_t k = 0; k < m; ++k) total += share[k] = cohort_share(in, cohorts[k]);
  AggregateEstimate out;
  out.key = key;
  const Index n = influence.rows();
  out.influence = VectorXd::Zero(n);
  double sum_att_share = 0;
  for (size_t k = 0; k < m; ++k) {
    out.att += att[k] * share[k] / total;
    out.influence += influence.col(static_cast<Index>(k)) * (share[k] / total);
    sum_att_share += att[k] * share[k];
  }
  for (Index i = 0; i < n; ++i) {
    const double w = in.unit_weight[i], g = in.unit_group[static_cast<size_t>(i)];
    double deviation_sum = 0, term1 = 0;
    for (size_t k = 0; k < m; ++k) {
      const double dev = (g == cohorts[k] ? w : 0.0) - share[k];
      deviation_sum += dev;
      term1 += dev / total * att[k];
    }
    out.influence[i] += term1 - deviation_sum * sum_att_share / (total * total);
  }
  return out;
}

AggregateEstimate weighted_entries(const GroupTimeInput& in, const std::vector<size_t>& entries, double key) {
  std::vector<double> att, cohorts;
  MatrixXd inf(in.influence.rows(), static_cast<Index>(entries.size()));
  for (size_t j = 0; j < entries.size(); ++j) {
    att.push_back(in.att[entries[j]]);
    cohorts.push_back(in.group[entries[j]]);
    inf.col(static_cast<Index>(j)) = in.influence.col(static_cast<Index>(entries[j]));
  }
  AggregateEstimate out = weighted_by_share(att, inf, cohorts, in, key);
  out.entries = entries;
  return out;
}

// Equal-weight mean of effects (no estimated weights).
AggregateEstimate simple_mean(const std::vector<AggregateEstimate>& effects, Index n) {
  if (effects.empty()) return undefined(n, 0);
  AggregateEstimate out;
  out.influence = VectorXd::Zero(n);
  for (const auto& e : effects) {
    out.att += e.att / static_cast<double>(effects.size());
    out.influence += e.influence / static_cast<double>(effects.size());
  }
  return out;
}

}  // namespace

AggregationOutput aggregate_simple(const GroupTimeInput& in) {
  std::vector<size_t> post;
  for (size_t k = 0; k < in.att.size(); ++k)
    if (in.group[k] <= in.time[k]) post.push_back(k);
  AggregationOutput out;
  out.type = "simple";
  out.overall = weighted_entries(in, post, 0);
  return out;
}

AggregationOutput aggregate_dynamic(const GroupTimeInput& in, int min_e, int max_e, std::optional<int> balance_e) {
  AggregationOutput out;
  out.type = "dynamic";
  const double t_max = *std::max_element(in.time.begin(), in.time.end());
  const double t_min = std::min(*std::min_element(in.time.begin(), in.time.end()),
                                *std::min_element(in.group.begin(), in.group.end()));
  std::set<double> eseq;
  std::vector<bool> included(in.att.size(), true);
  for (size_t k = 0; k < in.att.size(); ++k) {
    if (balance_e) included[k] = t_max - in.group[k] >= *balance_e;
    if (included[k]) eseq.insert(in.time[k] - in.group[k]);
  }
  for (double e : eseq) {
    if (balance_e && (e > *balance_e || e < *balance_e - t_max + t_min)) continue;
    if (e < min_e || e > max_e) continue;
    std::vector<size_t> entries;
    for (size_t k = 0; k < in.att.size(); ++k)
      if (included[k] && in.time[k] - in.group[k] == e) entries.push_back(k);
    out.effects.push_back(weighted_entries(in, entries, e));
  }
  std::vector<AggregateEstimate> post;
  for (const auto& e : out.effects)
    if (e.key >= 0) post.push_back(e);
  out.overall = simple_mean(post, in.influence.rows());
  return out;
}

AggregationOutput aggregate_group(const GroupTimeInput& in) {
  AggregationOutput out;
  out.type = "group";
  std::set<double> cohorts;
  for (size_t k = 0; k < in.att.size(); ++k)
    if (in.group[k] <= in.time[k]) cohorts.insert(in.group[k]);
  std::vector<double> att, groups;
  MatrixXd inf(in.influence.rows(), static_cast<Index>(cohorts.size()));
  for (double g : cohorts) {
    // theta(g): the plain average of ATT(g, t) over the cohort's post-treatment periods (eq. 3.10).
    std::vector<AggregateEstimate> cells;
    for (size_t k = 0; k < in.att.size(); ++k)
      if (in.group[k] == g && g <= in.time[k]) cells.push_back({0, in.att[k], in.influence.col(static_cast<Index>(k)), {}});
    AggregateEstimate e = simple_mean(cells, in.influence.rows());
    e.key = g;
    inf.col(static_cast<Index>(att.size())) = e.influence;
    att.push_back(e.att);
    groups.push_back(g);
    out.effects.push_back(std::move(e));
  }
  out.overall = weighted_by_share(att, inf, groups, in, 0);
  return out;
}

AggregationOutput aggregate_calendar(const GroupTimeInput& in) {
  AggregationOutput out;
  out.type = "calendar";
  const double first_group = *std::min_element(in.group.begin(), in.group.end());
  std::set<double> periods;
  for (double t : in.time)
    if (t >= first_group) periods.insert(t);
  for (double t : periods) {
    std::vector<size_t> entries;
    for (size_t k = 0; k < in.att.size(); ++k)
      if (in.time[k] == t && in.group[k] <= t) entries.push_back(k);
    if (!entries.empty()) out.effects.push_back(weighted_entries(in, entries, t));
  }
  out.overall = simple_mean(out.effects, in.influence.rows());
  return out;
}

}  // namespace cbec
