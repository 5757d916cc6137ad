#include "cbec/report/imputation_table.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cbec/report/known_truth.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

Table imputation_table(const ImputationResult& r, const nlohmann::json& truth) {
  Table t;
  t.title = "Imputation estimator (Borusyak, Jaravel and Spiess 2024)";
  t.header = {"Effect", "Estimate", "Std. error", "95% CI", "Treated obs."};
  const bool has_truth = has_true_effects(truth);
  if (has_truth) t.header.push_back("True effect (simulated)");
  for (const auto& e : r.effects) {
    std::vector<std::string> row = {e.horizon < 0 ? "ATT (all treated observations)" : fmt::format("{:g} period{} after treatment", e.horizon, e.horizon == 1 ? "" : "s"),
                                    format_fixed(e.att), format_fixed(e.se), fmt::format("[{}, {}]", format_fixed(e.ci_low), format_fixed(e.ci_high)), std::to_string(e.n_treated_obs)};
    if (has_truth)
      row.push_back(e.horizon >= 0 ? true_effect_cell(truth, e.horizon) : truth.contains("att") ? format_fixed(truth["att"].get<double>()) : "");
    t.rows.push_back(std::move(row));
  }
  if (r.pretrend_test)
    t.notes.push_back(fmt::format("Pre-trend test (leads among untreated observations = 0): {}.", f_test_text(*r.pretrend_test)));
  t.notes.push_back(fmt::format("Fixed effects fitted on {} untreated observations, imputed for {} treated; conservative standard errors clustered by {} ({} clusters).",
                                r.n_untreated, r.n_treated, r.cluster, r.n_clusters));
  for (const auto& [why, count] : r.dropped) t.notes.push_back(fmt::format("Dropped: {} {}.", count, why));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

}  // namespace cbec
