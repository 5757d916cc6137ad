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

std::optional<double> true_effect_binned(const nlohmann::json& truth, double rel) {
  if (rel < 0 || !has_true_effects(truth)) return true_effect(truth, rel);
  // Weighted by treated observations when the truth has their counts (by_rel_n), else equally.
  double sum = 0, n = 0;
  for (const auto& [k, v] : truth["by_rel"].items())
    if (std::stod(k) >= rel) {
      const double w = truth.contains("by_rel_n") && truth["by_rel_n"].contains(k) ? truth["by_rel_n"][k].get<double>() : 1.0;
      sum += w * v.get<double>();
      n += w;
    }
  if (n == 0) return std::nullopt;
  return sum / n;
}

std::string true_effect_cell(const nlohmann::json& truth, double rel, bool binned) {
  if (rel < 0) return "0";
  const auto v = binned ? true_effect_binned(truth, rel) : true_effect(truth, rel);
  return v ? format_fixed(*v) : "";
}

}  // namespace cbec
