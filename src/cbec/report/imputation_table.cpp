#include "cbec/report/imputation_table.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace cbec {

Table imputation_table(const ImputationResult& r, const nlohmann::json& truth) {
  auto f4 = [](double v) { return std::isfinite(v) ? fmt::format("{:.4f}", v) : std::string("."); };
  Table t;
  t.title = "Imputation estimator (Borusyak, Jaravel and Spiess 2024)";
  t.header = {"Effect", "Estimate", "Std. error", "95% CI", "Treated obs."};
  const bool has_truth = !truth.is_null() && truth.contains("by_rel");
  if (has_truth) t.header.push_back("True effect (simulated)");
  for (const auto& e : r.effects) {
    std::vector<std::string> row = {e.horizon < 0 ? "ATT (all treated observations)" : fmt::format("{:g} periods after treatment", e.horizon),
                                    f4(e.att), f4(e.se), fmt::format("[{}, {}]", f4(e.ci_low), f4(e.ci_high)), std::to_string(e.n_treated_obs)};
    if (has_truth) {
      const std::string k = fmt::format("{:g}", e.horizon);
      row.push_back(e.horizon < 0 ? (truth.contains("att") ? f4(truth["att"].get<double>()) : "")
                                  : truth["by_rel"].contains(k) ? f4(truth["by_rel"][k].get<double>()) : "");
    }
    t.rows.push_back(std::move(row));
  }
  if (r.pretrend_test)
    t.notes.push_back(fmt::format("Pre-trend test (leads among untreated observations = 0): F({:g}, {:g}) = {:.3f}, p = {:.4f}.", r.pretrend_test->df1,
                                  r.pretrend_test->df2, r.pretrend_test->stat, r.pretrend_test->p_value));
  t.notes.push_back(fmt::format("Fixed effects fitted on {} untreated observations, imputed for {} treated; conservative standard errors clustered by {} ({} clusters).",
                                r.n_untreated, r.n_treated, r.cluster, r.n_clusters));
  for (const auto& [why, count] : r.dropped) t.notes.push_back(fmt::format("Dropped: {} {}.", count, why));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

}  // namespace cbec
