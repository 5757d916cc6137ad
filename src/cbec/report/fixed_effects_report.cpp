#include "cbec/report/fixed_effects_report.hpp"

#include <fmt/format.h>

#include "cbec/report/regression_json.hpp"

namespace cbec {

namespace {
std::string normalization(const std::vector<FixedEffectLevels>& fe) {
  if (fe.size() < 2) return "levels (plm::fixef type \"level\"): mean of y - x'b in each level";
  return fmt::format("levels of {} free; in each connected set of levels the first level of {} is 0 (fixest's normalization)", fe[0].dimension,
                     fe[1].dimension);
}
}  // namespace

nlohmann::json to_json(const std::vector<FixedEffectLevels>& fe) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : fe) {
    nlohmann::json est = nlohmann::json::array(), se = nlohmann::json::array();
    for (long i = 0; i < f.estimate.size(); ++i) est.push_back(json_number(f.estimate[i]));
    for (long i = 0; i < f.se.size(); ++i) se.push_back(json_number(f.se[i]));
    nlohmann::json one{{"levels", f.levels}, {"estimate", est}, {"nobs", f.nobs}};
    if (f.se.size()) one["se"] = se;
    j[f.dimension] = one;
  }
  if (!fe.empty()) j["normalization"] = normalization(fe);
  return j;
}

Table fixed_effects_table(const std::vector<FixedEffectLevels>& fe, const std::string& model) {
  Table t;
  t.title = fmt::format("Fixed effects of the {} model", model);
  t.header = {"Dimension", "Level", "Estimate", "Std. error", "Observations"};
  for (const auto& f : fe)
    for (size_t i = 0; i < f.levels.size(); ++i) {
      const long k = static_cast<long>(i);
      t.rows.push_back({f.dimension, f.levels[i], format_fixed(f.estimate[k]), f.se.size() ? format_fixed(f.se[k]) : "",
                        std::to_string(f.nobs[i])});
    }
  if (!fe.empty()) t.notes.push_back("Normalization: " + normalization(fe) + ".");
  return t;
}

}  // namespace cbec
