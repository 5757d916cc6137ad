#include "cbec/report/did_estimates.hpp"

#include <cmath>

#include "cbec/report/regression_table.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

constexpr const char* kTerm = "did";

// An effect with its standard error and 95% interval; p from the normal, NaN without a standard error.
Estimate effect(double att, double se, double ci_low, double ci_high) {
  const double p = std::isfinite(se) && se > 0 ? p_normal_two_sided(att / se) : std::nan("");
  return {kTerm, att, se, p, ci_low, ci_high};
}

}  // namespace

EstimateColumn att_column(const CallawaySantAnnaResult& r, const std::string& outcome) {
  EstimateColumn c;
  c.depvar = outcome;
  c.name = "Callaway-Sant'Anna";
  c.rows.push_back(effect(r.simple.att, r.simple.se, r.simple.ci_low, r.simple.ci_high));
  c.facts.emplace_back("Comparison group", r.options.control_group == "never" ? "never treated" : "not yet treated");
  c.facts.emplace_back("Std. errors", r.options.bootstrap ? (r.options.cluster.empty() ? "multiplier bootstrap" : "multiplier bootstrap by " + r.options.cluster)
                                                          : "analytical");
  c.facts.emplace_back("Units", std::to_string(r.n_units));
  return c;
}

EstimateColumn att_column(const SunAbrahamResult& r, const std::string& outcome) {
  EstimateColumn c;
  c.depvar = outcome;
  c.name = "Sun-Abraham";
  const double z = q_normal(0.975);
  c.rows.push_back(effect(r.att, r.att_se, r.att - z * r.att_se, r.att + z * r.att_se));
  c.facts.emplace_back("Comparison group", r.control_cohort);
  c.facts.emplace_back("Std. errors", vcov_words(r.model));
  c.facts.emplace_back("Observations", std::to_string(r.model.nobs));
  return c;
}

EstimateColumn att_column(const ImputationResult& r, const std::string& outcome) {
  EstimateColumn c;
  c.depvar = outcome;
  c.name = "Imputation (BJS)";
  for (const auto& e : r.effects)
    if (e.horizon < 0) c.rows.push_back(effect(e.att, e.se, e.ci_low, e.ci_high));
  c.facts.emplace_back("Comparison group", "untreated observations");
  c.facts.emplace_back("Std. errors", "BJS conservative by " + r.cluster);
  c.facts.emplace_back("Observations", std::to_string(r.n_untreated + r.n_treated));
  return c;
}

EstimateColumn att_column(const DidMultiplegtResult& r, const std::string& outcome) {
  EstimateColumn c;
  c.depvar = outcome;
  c.name = "DID_M";
  for (const auto& e : r.effects)
    if (e.name == "effect") c.rows.push_back(effect(e.estimate, e.se, e.ci_low, e.ci_high));
  c.facts.emplace_back("Comparison group", "stable units");
  c.facts.emplace_back("Std. errors", r.draws > 0 ? "unit bootstrap" : "none");
  c.facts.emplace_back("Observations", std::to_string(r.n_cells));
  return c;
}

}  // namespace cbec
