#include "cbec/estimate/did/callaway_santanna.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "cbec/core/error.hpp"
#include "cbec/estimate/did/cs_aggregation.hpp"
#include "cbec/estimate/did/drdid_panel.hpp"
#include "cbec/estimate/glm/binary_choice.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/frame/levels.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/multiplier_bootstrap.hpp"

namespace cbec {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The balanced panel the estimator works on: units x periods, with each cell's design row.
struct BalancedPanel {
  std::vector<double> periods;          // sorted
  std::vector<double> cohort;           // per unit, 0 = never treated
  std::set<double> treated_cohorts;     // cohorts with ATT(g, t) to estimate
  std::vector<std::string> unit_label;
  std::vector<std::vector<size_t>> row;  // row[u][t]: row of the design
  Design design;                         // y, covariates (intercept first), weights
  std::vector<int32_t> cluster;          // per unit, when clustering beyond units
  size_t n_clusters = 0;
};

void validate(const CallawaySantAnnaOptions& o) {
  if (o.control_group != "never" && o.control_group != "notyet")
    throw SpecError(fmt::format("control group '{}' is unknown; use never (never-treated units) or notyet (not-yet-treated units)", o.control_group));
  parse_drdid_method(o.method);
  if (o.base_period != "varying" && o.base_period != "universal")
    throw SpecError(fmt::format("base period '{}' is unknown; use varying or universal", o.base_period));
  if (o.anticipation < 0) throw SpecError("anticipation must be 0 or a positive number of periods");
  if (!(o.level > 0 && o.level < 1)) throw SpecError(fmt::format("confidence level {} must lie strictly between 0 and 1", o.level));
  if (o.bootstrap && o.draws < 2) throw SpecError("the multiplier bootstrap needs at least 2 draws");
}

BalancedPanel prepare(const Frame& frame, const StaggeredSpec& spec, const CallawaySantAnnaOptions& o,
                      CallawaySantAnnaResult& res) {
  BalancedPanel p;
  Design d = covariate_design(frame, spec, true, {o.cluster}, "Callaway-Sant'Anna");
  for (const auto& [why, count] : d.dropped) res.dropped[why + " (rows)"] += count;

  const auto g_all = first_treatment(frame, spec);
  const auto& t_all = frame.numeric(spec.time);
  const Factor& units = d.groups.at(spec.unit);
  std::set<double> period_set;
  for (size_t r : d.rows) period_set.insert(t_all[r]);
  std::vector<double> periods(period_set.begin(), period_set.end());

  // Per unit: cohort (0 = never treated) and rows by period.
  std::vector<double> cohort(units.n_levels, kNaN);
  // A unit without any first-treatment value is never treated; the analysis layer says how many
  // (analysis.cpp, for every staggered estimator).
  for (size_t j = 0; j < d.rows.size(); ++j) {
    const double g = std::isnan(g_all[d.rows[j]]) ? 0.0 : g_all[d.rows[j]];
    double& c = cohort[static_cast<size_t>(units.codes[j])];
    if (!std::isnan(c) && c != g)
      throw DataError(fmt::format("'{}' changes within unit '{}' (data line {}): the first treatment period must be one value per unit",
                                  spec.first_treat, units.labels[static_cast<size_t>(units.codes[j])], frame.line(d.rows[j])));
    c = g;
  }
  std::set<double> cohorts;
  bool any_never = false;
  for (double c : cohort) {
    if (c == 0) any_never = true;
    else if (!std::isnan(c)) cohorts.insert(c);
  }
  if (cohorts.empty()) throw DataError(fmt::format("no treated unit: '{}' is 0 or missing everywhere", spec.first_treat));
  double g_last = kNaN;  // without never-treated units: the last cohort, a comparison group only
  if (!any_never) {
    if (o.control_group == "never")
      throw DataError("there are no never-treated units; use the not-yet-treated units as controls (control group notyet)");
    // Without never-treated units the last cohort serves only as a control: periods from its
    // treatment (less anticipation) on are dropped, as did does.
    g_last = *cohorts.rbegin();
    cohorts.erase(g_last);
    if (cohorts.empty())
      throw DataError(fmt::format("every treated unit is in cohort {:g} and no unit is never treated: with the not-yet-treated as controls the "
                                  "last cohort is only a comparison group, so no cohort is left to estimate; add never-treated units",
                                  g_last));
    const size_t before = periods.size();
    periods.erase(std::remove_if(periods.begin(), periods.end(), [&](double t) { return t >= g_last - o.anticipation; }), periods.end());
    res.warnings.push_back(fmt::format("no never-treated units: cohort {:g} serves as the comparison group and {} period(s) from {:g} on are dropped",
                                       g_last, before - periods.size(), g_last - o.anticipation));
    if (periods.size() < 2) throw DataError("fewer than two periods remain before the last cohort is treated");
  }
  // Cohorts need a pre-treatment period: units treated in the first period are dropped (counted);
  // those treated within the anticipation window after it stay in the sample but have no ATT(g, t)
  // (as did does).
  std::set<double> valid;
  for (double g : cohorts)
    if (g > periods.front()) valid.insert(g);
  std::map<double, size_t> period_index;
  for (size_t k = 0; k < periods.size(); ++k) period_index[periods[k]] = k;

  std::vector<std::vector<size_t>> rows(units.n_levels, std::vector<size_t>(periods.size(), SIZE_MAX));
  for (size_t j = 0; j < d.rows.size(); ++j) {
    auto it = period_index.find(t_all[d.rows[j]]);
    if (it == period_index.end()) continue;
    size_t& cell = rows[static_cast<size_t>(units.codes[j])][it->second];
    if (cell != SIZE_MAX)
      throw DataError(fmt::format("unit '{}' appears twice in period {:g} (data lines {} and {}); the panel must have one row per unit and period",
                                  units.labels[static_cast<size_t>(units.codes[j])], periods[it->second], frame.line(d.rows[cell]), frame.line(d.rows[j])));
    cell = j;
  }
  size_t dropped_treated_first = 0, dropped_unbalanced = 0;
  const Factor* cl = o.cluster.empty() || o.cluster == spec.unit ? nullptr : &d.groups.at(o.cluster);
  std::map<int32_t, int32_t> cluster_code;
  for (size_t u = 0; u < units.n_levels; ++u) {
    if (std::isnan(cohort[u])) continue;
    if (cohort[u] != 0 && !valid.count(cohort[u]) && cohort[u] != g_last) { ++dropped_treated_first; continue; }
    if (std::any_of(rows[u].begin(), rows[u].end(), [](size_t r) { return r == SIZE_MAX; })) { ++dropped_unbalanced; continue; }
    p.cohort.push_back(cohort[u]);
    p.unit_label.push_back(units.labels[u]);
    p.row.push_back(rows[u]);
    if (cl) {
      // Clusters must not change over time within a unit (as did's mboot requires).
      const int32_t c0 = cl->codes[rows[u][0]];
      for (size_t r : rows[u])
        if (cl->codes[r] != c0)
          throw DataError(fmt::format("cluster variable '{}' changes over time within unit '{}'; clusters must contain whole units", o.cluster, units.labels[u]));
      p.cluster.push_back(cluster_code.emplace(c0, static_cast<int32_t>(cluster_code.size())).first->second);
    }
  }
  if (dropped_treated_first) {
    res.dropped["units treated in the first period"] = dropped_treated_first;
    res.warnings.push_back(fmt::format("{} unit(s) already treated in the first period were dropped", dropped_treated_first));
  }
  if (dropped_unbalanced) {
    res.dropped["units not observed in every period"] = dropped_unbalanced;
    res.warnings.push_back(fmt::format("{} unit(s) not observed in every period were dropped to balance the panel", dropped_unbalanced));
  }
  if (p.cohort.empty()) throw DataError("no unit is left after balancing the panel");
  p.treated_cohorts = valid;
  p.n_clusters = cluster_code.size();
  p.periods = std::move(periods);
  p.design = std::move(d);
  return p;
}

struct GroupTimeEstimates {
  std::vector<GroupTimeEffect> effects;
  MatrixXd influence;  // units x effects (zero columns where not estimated)
};

// ATT(g, t) for every cohort and period (did::compute.att_gt, panel branch).
GroupTimeEstimates estimate_group_time(const BalancedPanel& p, const CallawaySantAnnaOptions& o, CallawaySantAnnaResult& res) {
  const DrDidMethod method = parse_drdid_method(o.method);
  const bool varying = o.base_period == "varying", never = o.control_group == "never";
  const size_t n = p.cohort.size(), T = p.periods.size();
  const size_t tfac = varying ? 1 : 0;
  const Index k = p.design.X.cols();
  GroupTimeEstimates out;
  std::vector<VectorXd> columns;
  for (double g : p.treated_cohorts) {
    long last_pre = -1;  // last period index with t + anticipation < g
    for (size_t s = 0; s < T; ++s)
      if (p.periods[s] + o.anticipation < g) last_pre = static_cast<long>(s);
    if (last_pre < 0) {
      const auto members = static_cast<size_t>(std::count(p.cohort.begin(), p.cohort.end(), g));
      res.warnings.push_back(fmt::format("cohort {:g} ({} unit(s)) has no period before treatment less anticipation: it has no ATT(g, t); its "
                                         "units stay in the sample and count among the units (not-yet-treated comparisons where they qualify; "
                                         "did drops them when some units are treated in the first period)",
                                         g, members));
      continue;
    }
    for (size_t t = 0; t + tfac < T; ++t) {
      const size_t current = t + tfac;
      size_t base = varying ? t : static_cast<size_t>(last_pre);
      const double control_cut = p.periods[std::max(t, base) + tfac] + o.anticipation;
      if (g <= p.periods[current]) base = static_cast<size_t>(last_pre);
      GroupTimeEffect e;
      e.group = g;
      e.time = p.periods[current];
      e.base_time = p.periods[base];
      e.post = g <= p.periods[current];
      VectorXd column = VectorXd::Zero(static_cast<Index>(n));
      if (base == current) {  // universal base period: ATT(g, g - 1) = 0 by construction
        e.att = 0;
        e.se = kNaN;
        out.effects.push_back(e);
        columns.push_back(column);
        continue;
      }
      std::vector<size_t> units;
      for (size_t u = 0; u < n; ++u) {
        const double c = p.cohort[u];
        const bool comparison = never ? c == 0 : (c == 0 || (c > control_cut && c != g));
        if (c == g) ++e.n_treated;
        else if (comparison) ++e.n_comparison;
        else continue;
        units.push_back(u);
      }
      const size_t n1 = units.size();
      const size_t earlier = std::min(base, current);
      VectorXd dy(static_cast<Index>(n1)), D(static_cast<Index>(n1)), w;
      MatrixXd X(static_cast<Index>(n1), k);
      if (p.design.weighted()) w.resize(static_cast<Index>(n1));
      for (size_t j = 0; j < n1; ++j) {
        const auto& r = p.row[units[j]];
        dy[static_cast<Index>(j)] = p.design.y[static_cast<Index>(r[current])] - p.design.y[static_cast<Index>(r[base])];
        D[static_cast<Index>(j)] = p.cohort[units[j]] == g ? 1.0 : 0.0;
        X.row(static_cast<Index>(j)) = p.design.X.row(static_cast<Index>(r[earlier]));
        if (w.size()) w[static_cast<Index>(j)] = p.design.weights[static_cast<Index>(r[earlier])];
      }
      std::string problem;
      if (e.n_treated == 0 || e.n_comparison == 0) problem = "no comparison units";
      DidTwoByTwo two;
      if (problem.empty()) {
        try {
          if (method != DrDidMethod::reg) {
            const double max_ps = fit_binary_choice(X, D, w).fitted.maxCoeff();
            if (max_ps >= 0.999) problem = "the overlap condition fails (a propensity score of 0.999 or more)";
          }
          if (problem.empty()) two = drdid_panel(dy, D, X, w, method);
        } catch (const NumericError& err) {
          problem = err.what();
        }
      }
      if (!problem.empty()) {
        e.estimated = false;
        e.att = e.se = e.ci_low = e.ci_high = kNaN;
        res.warnings.push_back(fmt::format("ATT({:g}, {:g}) not estimated: {}", g, e.time, problem));
        out.effects.push_back(e);
        columns.push_back(column);
        continue;
      }
      e.att = two.att;
      const double scale = static_cast<double>(n) / static_cast<double>(n1);
      for (size_t j = 0; j < n1; ++j) column[static_cast<Index>(units[j])] = scale * two.influence[static_cast<Index>(j)];
      out.effects.push_back(e);
      columns.push_back(std::move(column));
    }
  }
  out.influence.resize(static_cast<Index>(n), static_cast<Index>(columns.size()));
  for (size_t j = 0; j < columns.size(); ++j) out.influence.col(static_cast<Index>(j)) = columns[j];
  return out;
}

// Thin-support rule of the warnings: an ATT(g, t) or event-time effect resting on fewer than
// kFewComparisonUnits comparison units, or on a single treated unit, is flagged; so is a pre-test
// whose covariance has a correlation-matrix condition number above kNearSingularCondition (half of
// double precision's digits lost: the Wald statistic is driven by a direction of almost no variance).
constexpr size_t kFewComparisonUnits = 5;
constexpr double kNearSingularCondition = 1e8;

std::string cell_name(const GroupTimeEffect& e) { return fmt::format("({:g}, {:g})", e.group, e.time); }

// Warnings for cells on thin support: few comparison units, single-unit cohorts.
void warn_thin_cells(const BalancedPanel& p, const std::vector<GroupTimeEffect>& effects, CallawaySantAnnaResult& res) {
  std::map<double, size_t> cohort_size;
  for (double c : p.cohort)
    if (c != 0) ++cohort_size[c];
  for (double g : p.treated_cohorts)
    if (cohort_size[g] == 1)
      res.warnings.push_back(fmt::format("cohort {:g} has a single unit: its ATT({:g}, t) and the aggregates using them rest on one treated unit", g, g));
  std::vector<std::string> few;
  for (const auto& e : effects)
    if (e.estimated && e.n_treated > 0 && e.n_comparison < kFewComparisonUnits) few.push_back(fmt::format("{} {}", cell_name(e), e.n_comparison));
  if (!few.empty())
    res.warnings.push_back(fmt::format("{} ATT(g, t) rest on fewer than {} comparison units (their standard errors are unreliable); (g, t) and comparison units: {}",
                                       few.size(), kFewComparisonUnits, fmt::join(few, ", ")));
}

// The cells that carry the covariance's weakest direction: loadings of 0.1 or more on the
// eigenvector of the smallest eigenvalue of the correlation matrix; the condition number too.
std::pair<double, std::vector<size_t>> weak_direction(const MatrixXd& V) {
  const VectorXd inv_sd = V.diagonal().cwiseSqrt().cwiseInverse();
  const MatrixXd R = inv_sd.asDiagonal() * V * inv_sd.asDiagonal();
  Eigen::SelfAdjointEigenSolver<MatrixXd> eig(R);
  const VectorXd& ev = eig.eigenvalues();
  const double condition = ev[0] > 0 ? ev[ev.size() - 1] / ev[0] : std::numeric_limits<double>::infinity();
  std::vector<size_t> cells;
  for (Index j = 0; j < R.rows(); ++j)
    if (std::fabs(eig.eigenvectors()(j, 0)) >= 0.1) cells.push_back(static_cast<size_t>(j));
  return {condition, cells};
}

double analytic_se(const VectorXd& influence) {
  const double n = static_cast<double>(influence.size());
  const double se = std::sqrt(influence.squaredNorm() / n / n);
  return se <= std::sqrt(std::numeric_limits<double>::epsilon()) * 10 ? kNaN : se;
}

}  // namespace

CallawaySantAnnaResult callaway_santanna(const Frame& frame, const StaggeredSpec& spec, const CallawaySantAnnaOptions& o) {
  validate(o);
  CallawaySantAnnaResult res;
  res.options = o;
  if (!o.bootstrap) res.options.uniform_bands = false;
  const BalancedPanel p = prepare(frame, spec, o, res);
  res.n_units = p.cohort.size();
  res.n_periods = p.periods.size();
  res.n_never_treated = static_cast<size_t>(std::count(p.cohort.begin(), p.cohort.end(), 0.0));
  res.n_clusters = p.n_clusters ? p.n_clusters : res.n_units;

  GroupTimeEstimates gt = estimate_group_time(p, o, res);
  if (gt.effects.empty()) throw DataError("no group-time effect can be estimated: no cohort has a pre-treatment period");
  warn_thin_cells(p, gt.effects, res);
  const Index n = static_cast<Index>(res.n_units);

  // Analytical inference for ATT(g, t) and the pre-test (did::att_gt).
  std::vector<size_t> estimated, pre;
  for (size_t k = 0; k < gt.effects.size(); ++k) {
    auto& e = gt.effects[k];
    if (!e.estimated) continue;
    estimated.push_back(k);
    if (!std::isnan(e.se)) e.se = analytic_se(gt.influence.col(static_cast<Index>(k)));
    if (e.group > e.time && !std::isnan(e.se)) pre.push_back(k);
  }
  if (!pre.empty()) {
    VectorXd a(static_cast<Index>(pre.size()));
    MatrixXd psi(n, static_cast<Index>(pre.size()));
    for (size_t j = 0; j < pre.size(); ++j) {
      a[static_cast<Index>(j)] = gt.effects[pre[j]].att;
      psi.col(static_cast<Index>(j)) = gt.influence.col(static_cast<Index>(pre[j]));
    }
    const MatrixXd V = psi.transpose() * psi / static_cast<double>(n);
    Eigen::LDLT<MatrixXd> ldlt(V);
    const auto [condition, weak] = weak_direction(V);
    std::vector<std::string> weak_cells;
    for (size_t j : weak) weak_cells.push_back(cell_name(gt.effects[pre[j]]));
    if (ldlt.rcond() > std::numeric_limits<double>::epsilon() && condition > kNearSingularCondition)
      res.warnings.push_back(fmt::format("the pre-test's covariance is near-singular (condition number {:.3g} of its correlation matrix, above {:g}): "
                                         "the Wald statistic is unreliable; cells (g, t) in its weakest direction: {}",
                                         condition, kNearSingularCondition, fmt::join(weak_cells, ", ")));
    if (ldlt.rcond() > std::numeric_limits<double>::epsilon()) {
      TestResult w;
      w.stat = static_cast<double>(n) * a.dot(ldlt.solve(a));
      w.df1 = static_cast<double>(pre.size());
      w.p_value = p_chi2_upper(w.stat, w.df1);
      w.distribution = "chi2";
      w.note = p.n_clusters ? "H0: every pre-treatment ATT(g, t) is zero (parallel pre-trends); by units' influence functions, not clustered (as did)"
                            : "H0: every pre-treatment ATT(g, t) is zero (parallel pre-trends)";
      res.pretest = w;
    } else {
      res.warnings.push_back(fmt::format("the pre-test is not reported: the covariance of the pre-treatment ATT(g, t) is singular; cells (g, t) in its null direction: {}",
                                         fmt::join(weak_cells, ", ")));
    }
  }

  // Aggregations on the estimated ATT(g, t): none estimated is an error naming the first cell's reason.
  if (estimated.empty()) {
    std::string why;
    for (const auto& w : res.warnings)
      if (w.rfind("ATT(", 0) == 0) { why = w; break; }
    throw NumericError(fmt::format("no ATT(g, t) could be estimated{}", why.empty() ? "" : fmt::format(" ({})", why)));
  }
  GroupTimeInput in;
  in.influence.resize(n, static_cast<Index>(estimated.size()));
  for (size_t j = 0; j < estimated.size(); ++j) {
    const auto& e = gt.effects[estimated[j]];
    in.group.push_back(e.group);
    in.time.push_back(e.time);
    in.att.push_back(e.att);
    in.influence.col(static_cast<Index>(j)) = gt.influence.col(static_cast<Index>(estimated[j]));
  }
  in.unit_group = p.cohort;
  in.unit_weight = VectorXd::Ones(n);
  if (p.design.weighted())
    for (Index u = 0; u < n; ++u) in.unit_weight[u] = p.design.weights[static_cast<Index>(p.row[static_cast<size_t>(u)][0])];
  std::vector<AggregationOutput> aggs = {aggregate_simple(in),
                                         aggregate_dynamic(in, o.min_e, o.max_e, o.balance_e),
                                         aggregate_group(in), aggregate_calendar(in)};
  if (aggs[0].overall.entries.empty())   // the simple average's post-treatment cells: none
    res.warnings.push_back("every estimated ATT(g, t) is before treatment (pre-trend cells only): the overall, group, calendar and "
                           "post-treatment event-time averages are not defined");
  // Event-time effects on thin support: a cell with fewer than kFewComparisonUnits comparison
  // units, or a single treated unit in all.
  for (const auto& e : aggs[1].effects) {
    std::vector<std::string> few;
    std::map<double, size_t> treated;  // cohort -> units
    for (size_t j : e.entries) {
      const auto& cell = gt.effects[estimated[j]];
      if (cell.time == cell.base_time) continue;   // a universal base period's reference cell, 0 by construction
      treated[cell.group] = cell.n_treated;
      if (cell.n_comparison < kFewComparisonUnits) few.push_back(fmt::format("{} {}", cell_name(cell), cell.n_comparison));
    }
    size_t n_treated = 0;
    for (const auto& [g, count] : treated) n_treated += count;
    if (!few.empty())
      res.warnings.push_back(fmt::format("event-time effect e = {:g} rests on ATT(g, t) with fewer than {} comparison units; (g, t) and comparison units: {}",
                                         e.key, kFewComparisonUnits, fmt::join(few, ", ")));
    if (n_treated == 1)
      res.warnings.push_back(fmt::format("event-time effect e = {:g} rests on a single treated unit (cohort {:g})", e.key, treated.begin()->first));
  }

  // Every influence function side by side: one bootstrap serves them all (common draws).
  std::vector<std::vector<Index>> family(aggs.size());
  std::vector<Index> overall_col(aggs.size());
  size_t n_agg_columns = 0;
  for (const auto& a : aggs) n_agg_columns += a.effects.size() + 1;
  MatrixXd all(n, static_cast<Index>(gt.effects.size() + n_agg_columns));
  all.leftCols(static_cast<Index>(gt.effects.size())) = gt.influence;
  {
    Index c = static_cast<Index>(gt.effects.size());
    for (size_t a = 0; a < aggs.size(); ++a) {
      for (const auto& e : aggs[a].effects) {
        family[a].push_back(c);
        all.col(c++) = e.influence;
      }
      overall_col[a] = c;
      all.col(c++) = aggs[a].overall.influence;
    }
  }
  VectorXd se(all.cols());
  for (Index c = 0; c < all.cols(); ++c) se[c] = analytic_se(all.col(c));
  const double z = q_normal(1 - (1 - o.level) / 2);
  std::vector<double> crit(aggs.size(), z);
  res.crit_value = z;
  if (o.bootstrap) {
    const MultiplierBootstrap boot = multiplier_bootstrap(all, p.cluster, o.draws, o.seed, o.threads);
    for (Index c = 0; c < all.cols(); ++c)
      if (!std::isnan(se[c])) se[c] = boot.se[c];
    if (res.options.uniform_bands) {
      std::vector<Index> gt_cols;
      for (size_t k : estimated)
        if (!std::isnan(gt.effects[k].se)) gt_cols.push_back(static_cast<Index>(k));
      const double c_gt = sup_t_critical_value(boot, gt_cols, o.level);
      if (std::isfinite(c_gt)) res.crit_value = c_gt;
      for (size_t a = 1; a < aggs.size(); ++a) {
        const double c = sup_t_critical_value(boot, family[a], o.level);
        crit[a] = std::isfinite(c) && c >= z ? c : z;  // did falls back to pointwise bands
      }
      if (res.crit_value >= 7)
        res.warnings.push_back("the simultaneous critical value is 7 or more: cohorts are small or outcomes barely vary; the uniform bands are unreliable");
    }
  } else if (p.n_clusters) {  // as did::att_gt (clustervars with bstrap = FALSE)
    res.warnings.push_back(fmt::format("the analytical standard errors (--no-bootstrap) do not account for the clusters of '{}', only for units: "
                                       "drop --no-bootstrap for standard errors clustered by '{}' (the multiplier bootstrap)", o.cluster, o.cluster));
  }
  for (size_t k = 0; k < gt.effects.size(); ++k) {
    auto& e = gt.effects[k];
    if (!e.estimated) continue;
    if (!std::isnan(e.se)) e.se = se[static_cast<Index>(k)];
    e.ci_low = e.att - res.crit_value * e.se;
    e.ci_high = e.att + res.crit_value * e.se;
  }
  res.group_time = std::move(gt.effects);
  CsAggregation* targets[] = {&res.simple, &res.dynamic, &res.group, &res.calendar};
  for (size_t a = 0; a < aggs.size(); ++a) {
    CsAggregation& t = *targets[a];
    t.type = aggs[a].type;
    t.crit_value = crit[a];
    t.att = aggs[a].overall.att;
    t.se = se[overall_col[a]];
    t.ci_low = t.att - z * t.se;
    t.ci_high = t.att + z * t.se;
    for (size_t j = 0; j < aggs[a].effects.size(); ++j) {
      const double s = se[family[a][j]];
      const double v = aggs[a].effects[j].att;
      t.effects.push_back({aggs[a].effects[j].key, v, s, v - crit[a] * s, v + crit[a] * s});
    }
  }
  return res;
}

}  // namespace cbec
