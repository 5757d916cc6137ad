// The known true effects of simulated data (the truth file of `cbec simulate`: "att" and
// "by_rel", the effect by periods since treatment), looked up for tables and figures.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cbec {

// True when the truth holds effects by periods since treatment.
bool has_true_effects(const nlohmann::json& truth);

// The true effect `rel` periods after treatment: 0 before treatment, nothing when the truth is
// null or lacks that period.
std::optional<double> true_effect(const nlohmann::json& truth, double rel);

// The true effect of a binned endpoint collecting every period from `rel` on (rel >= 0): the
// average of the true effects of the periods it bins, weighted by their treated observations as
// the binned coefficient weights them (equally when the truth file has no counts).
std::optional<double> true_effect_binned(const nlohmann::json& truth, double rel);

// The same as a table cell: "0" before treatment, four decimals, or "" when unknown.
std::string true_effect_cell(const nlohmann::json& truth, double rel, bool binned = false);

}  // namespace cbec
