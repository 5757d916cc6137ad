#include "cbec/report/known_truth.hpp"

#include <fmt/format.h>

#include "cbec/report/table.hpp"

namespace cbec {

bool has_true_effects(const nlohmann::json& truth) { return !truth.is_null() && truth.contains("by_rel"); }

std::optional<double> true_effect(const nlohmann::json& truth, double rel) {
  if (truth.is_null()) return std::nullopt;
  if (rel < 0) return 0.0;
  const std::string k = fmt::format("{:g}", rel);
  if (!has_true_effects(truth) || !truth["by_rel"].contains(k)) return std::nullopt;
  return truth["by_rel"][k].get<double>();
}

std::string true_effect_cell(const nlohmann::json& truth, double rel) {
  if (rel < 0) return "0";
  const auto v = true_effect(truth, rel);
  return v ? format_fixed(*v) : "";
}

}  // namespace cbec
