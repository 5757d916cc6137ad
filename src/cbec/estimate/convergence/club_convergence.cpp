#include "cbec/estimate/convergence/club_convergence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "cbec/core/error.hpp"
#include "cbec/estimate/convergence/hp_filter.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

namespace {

// Step 3: the core group among `order` (positions into it), or nothing.
std::optional<std::vector<size_t>> core_group(const Eigen::MatrixXd& X, const std::vector<size_t>& order, double r, const std::string& rule) {
  // The criterion maximized over the growing group: t_k (the paper) or |t_k| (ConvergenceClubs);
  // they differ when a t_k in (-1.65, 0) is larger in size than every positive one.
  auto criterion = [&](double t) { return rule == "paper" ? t : std::abs(t); };
  const size_t n = order.size();
  size_t k = 1;
  LogTTest t;
  for (; k < n; ++k) {
    t = log_t_test(X, {order[k - 1], order[k]}, r);
    if (converges(t)) break;
  }
  if (k == n) return std::nullopt;
  std::vector<size_t> group = {order[k - 1], order[k]};
  size_t best_size = 2;
  double best = criterion(t.stat);
  for (++k; k < n; ++k) {
    group.push_back(order[k]);
    t = log_t_test(X, group, r);
    if (!converges(t)) break;
    if (criterion(t.stat) > best) {
      best = criterion(t.stat);
      best_size = group.size();
    }
  }
  group.resize(best_size);
  return group;
}

}  // namespace

void find_clubs(const Eigen::MatrixXd& X, const ClubOptions& o, ClubResult& result) {
  const long T = X.cols();
  // Step 1: ordering key, the last period or the mean of the last fraction of periods.
  const long tail = o.order_fraction > 0 ? std::max(1L, static_cast<long>(std::lround(o.order_fraction * static_cast<double>(T)))) : 1;
  std::vector<size_t> order(static_cast<size_t>(X.rows()));
  std::iota(order.begin(), order.end(), 0);
  Eigen::VectorXd key = X.rightCols(tail).rowwise().mean();
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[static_cast<long>(a)] > key[static_cast<long>(b)]; });
  result.full = log_t_test(X, order, o.r);
  while (!order.empty()) {
    if (order.size() == 1) {
      result.divergent = order;
      return;
    }
    LogTTest all = log_t_test(X, order, o.r);  // step 2
    if (converges(all)) {
      result.clubs.push_back({order, {}, all});
      return;
    }
    auto core = core_group(X, order, o.r, o.core_rule);
    if (!core) {
      result.divergent = order;
      return;
    }
    // Step 4: the sieve, in the clustering order.
    std::vector<size_t> members, rest;
    for (size_t u : order) {
      bool in_core = std::find(core->begin(), core->end(), u) != core->end();
      if (!in_core) {
        std::vector<size_t> trial = *core;
        trial.push_back(u);
        in_core = log_t_test(X, trial, o.r).stat > o.cstar;
      }
      (in_core ? members : rest).push_back(u);
    }
    result.clubs.push_back({members, {}, log_t_test(X, members, o.r)});
    order = rest;
  }
}

Eigen::MatrixXd club_input(const Eigen::MatrixXd& raw, const ClubOptions& o, const std::string& variable) {
  Eigen::MatrixXd X = raw;
  if (o.logs) {
    if (!(X.minCoeff() > 0)) throw DataError(fmt::format("'{}' has zero or negative values: club convergence in logs needs positive values (or use levels)", variable));
    X = X.array().log().matrix();
  }
  if (o.hp_lambda < 0) throw SpecError(fmt::format("the Hodrick-Prescott lambda must be positive (or 0 for no filtering), got {}", o.hp_lambda));
  if (o.hp_lambda > 0)
    for (long i = 0; i < X.rows(); ++i) X.row(i) = hp_trend(X.row(i).transpose(), o.hp_lambda).transpose();
  return X;
}

ClubResult club_convergence(const Frame& frame, const std::string& variable, const std::string& unit, const std::string& time, const ClubOptions& o) {
  if (o.merge != "none" && o.merge != "ps" && o.merge != "vlt") throw SpecError(fmt::format("unknown club merge rule '{}'; use none, ps or vlt", o.merge));
  if (!(o.order_fraction >= 0 && o.order_fraction <= 1)) throw SpecError(fmt::format("the ordering fraction must be in [0, 1], got {}", o.order_fraction));
  Panel p = declare_panel(frame, unit, time);
  if (!p.balanced || p.rows_missing_id > 0) throw DataError(fmt::format("club convergence needs a balanced panel; {} is {}", unit, p.summary()));
  const auto& x = frame.numeric(variable);
  const long T = static_cast<long>(p.n_periods());
  Eigen::MatrixXd raw(static_cast<long>(p.n_units), T);
  for (size_t u = 0; u < p.n_units; ++u)
    for (long t = 0; t < T; ++t) {
      const size_t row = p.order[p.unit_start[u] + static_cast<size_t>(t)];
      if (std::isnan(x[row])) throw DataError(fmt::format("'{}' is missing for {} in {}; club convergence needs a complete balanced panel", variable, p.unit_labels[u], p.time_value[row]));
      raw(static_cast<long>(u), t) = x[row];
    }
  if (p.n_units < 2) throw DataError("club convergence needs at least two units");
  ClubResult result;
  result.variable = variable;
  result.units = p.unit_labels;
  result.periods = static_cast<size_t>(T);
  result.options = o;
  const Eigen::MatrixXd X = club_input(raw, o, variable);
  find_clubs(X, o, result);
  if (o.merge != "none") merge_clubs(X, o, result);
  return result;
}

}  // namespace cbec
