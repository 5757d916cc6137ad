#include "cbec/estimate/did/subgroup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

struct Fit {
  double b = 0, se = 0;
};

Fit fit_in(const Frame& frame, const std::vector<size_t>& rows, const SubgroupSpec& s, RegressionResult* keep = nullptr) {
  FeolsOptions o;
  o.vcov = s.vcov;
  DesignOptions d;
  d.panel_unit = s.unit;
  d.panel_time = s.panel_time;
  RegressionResult r = feols(frame.take(rows), s.formula, o, d);
  const long j = r.find(s.term);
  if (j < 0) throw NumericError(fmt::format("'{}' is not estimable in this group (dropped as collinear or absent from '{}')", s.term, s.formula));
  Fit f{r.coef[j], r.se()[j]};
  if (keep) *keep = std::move(r);
  return f;
}

}  // namespace

SubgroupResult subgroup_difference(const Frame& frame, const SubgroupSpec& s) {
  SubgroupResult res;
  res.term = s.term;
  res.group = s.group;
  const Factor group = make_factor(frame, {s.group});
  if (group.n_levels != 2)
    throw SpecError(fmt::format("subgroup test: '{}' must have exactly two values, it has {}; make a two-level variable for the comparison", s.group, group.n_levels));
  const Factor unit = make_factor(frame, {s.unit});
  std::vector<int32_t> unit_group(unit.n_levels, -1);
  std::vector<std::vector<size_t>> unit_rows(unit.n_levels);
  for (size_t i = 0; i < group.codes.size(); ++i) {
    const int32_t u = unit.codes[i], g = group.codes[i];
    if (u < 0 || g < 0) {   // in neither group: counted (they were left out silently)
      ++res.dropped["missing_group"];
      continue;
    }
    auto& ug = unit_group[static_cast<size_t>(u)];
    if (ug >= 0 && ug != g)
      throw DataError(fmt::format("subgroup test: '{}' changes within {} '{}'; the group must be constant within each unit", s.group, s.unit,
                                  unit.labels[static_cast<size_t>(u)]));
    ug = g;
    unit_rows[static_cast<size_t>(u)].push_back(i);
  }
  res.levels = group.labels;
  auto rows_of = [&](const std::vector<int32_t>& labels, int32_t g) {
    std::vector<size_t> rows;
    for (size_t u = 0; u < labels.size(); ++u)
      if (labels[u] == g) rows.insert(rows.end(), unit_rows[u].begin(), unit_rows[u].end());
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  res.models.resize(2);
  Fit fit[2];
  for (int32_t g = 0; g < 2; ++g) {
    res.units.push_back(static_cast<size_t>(std::count(unit_group.begin(), unit_group.end(), g)));
    fit[g] = fit_in(frame, rows_of(unit_group, g), s, &res.models[static_cast<size_t>(g)]);
  }
  // Clusters that hold units of both groups make the groups' estimates correlated: the z test's
  // variance V_1 + V_2 then leaves out suest's covariance term.
  for (const auto& var : s.vcov.cluster) {
    if (var == s.unit || !frame.has(var)) continue;
    const Factor cl = make_factor(frame, {var});
    std::vector<int32_t> cluster_group(cl.n_levels, -1);   // the group seen first; 2 once both are
    for (size_t i = 0; i < cl.codes.size(); ++i) {
      const int32_t c = cl.codes[i], u = unit.codes[i];
      if (c < 0 || u < 0 || unit_group[static_cast<size_t>(u)] < 0) continue;
      int32_t& cg = cluster_group[static_cast<size_t>(c)];
      cg = cg < 0 || cg == unit_group[static_cast<size_t>(u)] ? unit_group[static_cast<size_t>(u)] : 2;
    }
    size_t n_spanning = 0;
    for (int32_t cg : cluster_group) n_spanning += cg == 2;
    if (n_spanning > 0)
      res.warnings.push_back(fmt::format("{} of {} clusters of '{}' hold units of both groups: the groups' estimates are then correlated and the z test's "
                                         "variance (independent groups) omits Stata suest's covariance; cluster by a variable nested in the groups, "
                                         "or rely on the permutation test", n_spanning, cl.n_levels, var));
  }
  res.difference = fit[0].b - fit[1].b;
  res.se_difference = std::sqrt(fit[0].se * fit[0].se + fit[1].se * fit[1].se);
  res.z = res.difference / res.se_difference;
  res.p_z = p_normal_two_sided(res.z);
  if (res.units[0] < 2 || res.units[1] < 2) res.warnings.push_back("a group has fewer than two units: the permutation test is not meaningful");
  res.draws = s.draws;
  if (s.draws == 0) {
    res.p_one_sided = res.p_two_sided = std::numeric_limits<double>::quiet_NaN();
    return res;
  }
  // Units with a group label, permuted among themselves.
  std::vector<size_t> labelled;
  for (size_t u = 0; u < unit_group.size(); ++u)
    if (unit_group[u] >= 0) labelled.push_back(u);
  const auto draws = replicate(s.draws, s.seed, [&](size_t, Rng& rng) {
    std::vector<int32_t> labels(unit_group.size(), -1);
    std::vector<int32_t> pool;
    for (size_t u : labelled) pool.push_back(unit_group[u]);
    for (size_t k = pool.size(); k > 1; --k) {  // Fisher-Yates with the draw's own stream
      const auto j = std::min(k - 1, static_cast<size_t>(uniform01(rng) * static_cast<double>(k)));
      std::swap(pool[k - 1], pool[j]);
    }
    for (size_t k = 0; k < labelled.size(); ++k) labels[labelled[k]] = pool[k];
    try {
      return fit_in(frame, rows_of(labels, 0), s).b - fit_in(frame, rows_of(labels, 1), s).b;
    } catch (const Error&) {
      return std::numeric_limits<double>::quiet_NaN();
    }
  }, s.threads);
  size_t ok = 0, one = 0, two = 0;
  for (double d : draws) {
    if (std::isnan(d)) continue;
    ++ok;
    one += res.difference >= 0 ? d >= res.difference : d <= res.difference;
    two += std::fabs(d) >= std::fabs(res.difference);
  }
  res.failed_draws = s.draws - ok;
  if (res.failed_draws > 0) res.warnings.push_back(fmt::format("{} permutation draws could not estimate '{}' in a group and were left out", res.failed_draws, s.term));
  res.p_one_sided = ok ? static_cast<double>(one) / static_cast<double>(ok) : std::numeric_limits<double>::quiet_NaN();
  res.p_two_sided = ok ? static_cast<double>(two) / static_cast<double>(ok) : std::numeric_limits<double>::quiet_NaN();
  return res;
}

}  // namespace cbec
