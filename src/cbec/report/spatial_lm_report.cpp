#include "cbec/report/spatial_lm_report.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "cbec/report/regression_json.hpp"

namespace cbec {
namespace {

std::vector<std::pair<std::string, const TestResult*>> tests_of(const SpatialLmTests& t) {
  return {{"lm_error", &t.lm_error}, {"lm_lag", &t.lm_lag}, {"robust_lm_error", &t.robust_lm_error},
          {"robust_lm_lag", &t.robust_lm_lag}, {"sarma", &t.sarma}};
}

}  // namespace

nlohmann::json to_json(const SpatialLmTests& t, bool with_moran) {
  nlohmann::json j{{"nobs", t.n}, {"k", t.k}, {"tests", nlohmann::json::object()}};
  for (const auto& [key, test] : tests_of(t)) j["tests"][key] = to_json(*test);
  if (with_moran)
    j["moran"] = {{"I", json_number(t.moran.I)}, {"expectation", json_number(t.moran.expectation)},
                  {"variance", json_number(t.moran.variance)}, {"z", json_number(t.moran.z)},
                  {"p_value", json_number(t.moran.p_value)}, {"alternative", alternative_name(t.moran.alternative)}};
  return j;
}

Table spatial_lm_table(const SpatialLmTests& t, bool with_moran, const std::string& title) {
  Table tab;
  tab.title = title;
  tab.header = {"Test", "Statistic", "df", "p-value"};
  if (with_moran)
    tab.rows.push_back({fmt::format("Moran's I of residuals (I = {:.4f}, E(I) = {:.4f})", t.moran.I, t.moran.expectation),
                        format_fixed(t.moran.z), "z", format_fixed(t.moran.p_value)});
  for (const auto& [key, test] : tests_of(t)) tab.rows.push_back({test->note, format_fixed(test->stat), fmt::format("{:g}", test->df1), format_fixed(test->p_value)});
  tab.notes.push_back(fmt::format("{} observations, {} regressors; LM statistics are chi2 with sigma2 = e'e/n (Anselin et al. 1996).", t.n, t.k));
  if (with_moran)
    tab.notes.push_back(fmt::format("Moran's I: exact moments under normal errors (Cliff & Ord 1981), alternative '{}'.", alternative_name(t.moran.alternative)));
  return tab;
}

nlohmann::json to_json(const BskTests& t) { return {{"lm1", to_json(t.lm1)}, {"lm2", to_json(t.lm2)}, {"lmh", to_json(t.lmh)}}; }

void add_bsk_rows(Table& table, const BskTests& t) {
  table.rows.push_back({t.lm1.note, format_fixed(t.lm1.stat), "z", format_fixed(t.lm1.p_value)});
  table.rows.push_back({t.lm2.note, format_fixed(t.lm2.stat), "z", format_fixed(t.lm2.p_value)});
  table.rows.push_back({t.lmh.note, format_fixed(t.lmh.stat), "mix", format_fixed(t.lmh.p_value)});
  table.notes.push_back("Baltagi, Song & Koh (2003) tests on pooled OLS residuals; splm's bsktest reports the same statistics "
                        "with two-sided normal p-values for LM1 and LM2, these are one-sided as the tests are.");
}

}  // namespace cbec
