#include "cbec/report/did_tables.hpp"

#include <fmt/format.h>

#include "cbec/report/known_truth.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

Table event_periods_table(const std::string& title, const std::vector<EventPeriod>& periods, const nlohmann::json& truth) {
  Table t;
  t.title = title;
  t.header = {"Relative period", "Estimate", "Std. error", "95% CI", "p-value", "Treated obs."};
  if (!truth.is_null()) t.header.push_back("True effect (simulated)");
  for (const auto& p : periods) {
    std::vector<std::string> row = {fmt::format("{}{}", p.rel, p.reference ? " (reference)" : p.binned ? (p.rel < 0 ? " (and earlier)" : " (and later)") : "")};
    if (p.reference) row.insert(row.end(), {"0", "", "", "", std::to_string(p.n_treated_obs)});
    else
      row.insert(row.end(), {format_fixed(p.estimate), format_fixed(p.se), fmt::format("[{}, {}]", format_fixed(p.ci_low), format_fixed(p.ci_high)),
                             format_fixed(p.p_value), std::to_string(p.n_treated_obs)});
    if (!truth.is_null()) row.push_back(true_effect_cell(truth, p.rel, p.binned));
    t.rows.push_back(std::move(row));
  }
  if (!truth.is_null())
    for (const auto& p : periods)
      if (p.binned && p.rel >= 0) {
        t.notes.push_back(fmt::format("The true effect of the binned endpoint {} is the average over the periods it bins, weighted by treated observations.", p.rel));
        break;
      }
  return t;
}

Figure event_periods_figure(const std::string& title, const std::vector<EventPeriod>& periods, const nlohmann::json& truth) {
  std::vector<CoefficientPoint> pts;
  for (const auto& p : periods) {
    CoefficientPoint c{static_cast<double>(p.rel), p.reference ? 0.0 : p.estimate, p.reference ? 0.0 : p.ci_low, p.reference ? 0.0 : p.ci_high, std::nullopt};
    c.truth = p.binned ? true_effect_binned(truth, p.rel) : true_effect(truth, p.rel);
    pts.push_back(c);
  }
  return coefficient_plot("", title, "Periods relative to treatment", pts);
}

void add_truth_note(Table& t, const nlohmann::json& truth) {
  if (!truth.is_null() && truth.contains("att"))
    t.notes.push_back(fmt::format("Known true ATT of the simulated data: {} (average over treated observations).", format_fixed(truth["att"].get<double>())));
}

Table placebo_table(const PlaceboResult& p) {
  const size_t b = p.draws.size();
  Table t;
  t.title = "Placebo test: random reassignment of treatment";
  t.header = {"Statistic", "Value"};
  t.rows = {{"Real DID estimate", format_fixed(p.estimate)},
            {"Placebo draws", std::to_string(b)},
            {"Mean (SD) of placebo estimates", fmt::format("{} ({})", format_fixed(p.mean), format_fixed(p.sd))},
            {"p-value, two-sided (|placebo| >= |real|)", format_p_from_draws(p.p_two_sided, b)},
            {"p-value, left (placebo <= real)", format_p_from_draws(p.p_left, b)},
            {"p-value, right (placebo >= real)", format_p_from_draws(p.p_right, b)},
            {"Reassignment", p.mode},
            {"Seed", std::to_string(p.seed)},
            {"Observations", std::to_string(p.nobs)}};
  for (const auto& [why, n] : p.dropped) t.notes.push_back(fmt::format("{} observation{} dropped ({}).", n, n == 1 ? "" : "s", why));
  for (const auto& w : p.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

Table wild_bootstrap_table(const WildBootstrapResult& r, const nlohmann::json& truth) {
  Table t;
  t.title = "Wild cluster bootstrap (null imposed)";
  t.header = {"Statistic", "Value"};
  t.rows = {{"Coefficient", r.term},
            {"Estimate", format_fixed(r.estimate)},
            {"t (CR1)", format_fixed(r.t_stat)},
            {fmt::format("Bootstrap p-value (H0: = {:g})", r.null_value), r.enumerated ? format_fixed(r.p_value) : format_p_from_draws(r.p_value, r.draws)},
            {"95% CI (test inversion)", fmt::format("[{}, {}]", format_fixed(r.ci_low), format_fixed(r.ci_high))},
            {"Clusters", fmt::format("{} ({})", r.n_clusters, r.cluster)},
            {"Draws", fmt::format("{}{}", r.draws, r.enumerated ? " (all sign vectors enumerated)" : "")},
            {"Weights", r.weight_type}};
  add_truth_note(t, truth);
  return t;
}

Table bacon_table(const BaconResult& b, const std::string& decomposed, const nlohmann::json& truth) {
  Table t;
  t.title = "Goodman-Bacon decomposition of the TWFE DID estimate";
  t.header = {"Comparison", "Weight", "Weighted average 2x2 estimate"};
  for (const auto& [type, wt] : b.by_type) t.rows.push_back({type, format_fixed(wt.first), format_fixed(wt.second)});
  t.rows.push_back({"TWFE estimate (sum of weight x estimate)", "1", format_fixed(b.twfe)});
  t.rules_before.push_back(t.rows.size() - 1);
  t.notes.push_back("Decomposed: " + decomposed + ".");
  for (const auto& w : b.warnings) t.notes.push_back("Warning: " + w);
  add_truth_note(t, truth);
  return t;
}

Table mediation_table(const MediationResult& m) {
  RegressionTableOptions to;
  to.title = "Mediation: three-step test";
  to.model_names = {"(1) Y", "(2) M", "(3) Y"};
  Table t = regression_table({m.total, m.mediator, m.direct}, to);
  t.notes.push_back(fmt::format("Indirect effect a*b = {} (Sobel z = {:.3f}, p = {}); bootstrap 95% CI [{}, {}] from {} cluster draws; share mediated {}.",
                                format_fixed(m.indirect), m.sobel_z, format_fixed(m.sobel_p), format_fixed(m.boot_low), format_fixed(m.boot_high), m.draws,
                                format_fixed(m.proportion)));
  return t;
}

}  // namespace cbec
