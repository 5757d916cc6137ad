#include "cbec/report/estimate_column.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {

double number_or_nan(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j.at(key).is_number() ? j.at(key).get<double>() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

nlohmann::json to_json(const EstimateColumn& c) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : c.rows)
    rows.push_back({{"term", e.term}, {"estimate", json_number(e.estimate)}, {"se", json_number(e.se)}, {"p_value", json_number(e.p_value)},
                    {"ci_low", json_number(e.ci_low)}, {"ci_high", json_number(e.ci_high)}});
  nlohmann::json facts = nlohmann::json::array();
  for (const auto& [label, text] : c.facts) facts.push_back({label, text});
  return {{"name", c.name}, {"depvar", c.depvar}, {"rows", rows}, {"facts", facts}, {"notes", c.notes}};
}

EstimateColumn estimate_column_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("rows") || !j.at("rows").is_array())
    throw DataError("a column of estimates needs `rows`: [{\"term\", \"estimate\", \"se\", \"p_value\"}, ...]");
  EstimateColumn c;
  c.name = j.value("name", "");
  c.depvar = j.value("depvar", "");
  for (const auto& r : j.at("rows")) {
    if (!r.contains("term") || !r.at("term").is_string()) throw DataError("each row of a column of estimates needs a `term`");
    c.rows.push_back({r.at("term").get<std::string>(), number_or_nan(r, "estimate"), number_or_nan(r, "se"), number_or_nan(r, "p_value"),
                      number_or_nan(r, "ci_low"), number_or_nan(r, "ci_high")});
  }
  if (j.contains("facts"))
    for (const auto& f : j.at("facts"))
      if (f.is_array() && f.size() == 2 && f[0].is_string() && f[1].is_string()) c.facts.emplace_back(f[0].get<std::string>(), f[1].get<std::string>());
  if (j.contains("notes") && j.at("notes").is_array())
    for (const auto& n : j.at("notes"))
      if (n.is_string()) c.notes.push_back(n.get<std::string>());
  return c;
}

EstimateColumn column_of(const RegressionResult& r) {
  EstimateColumn c;
  c.name = r.estimator;
  c.depvar = r.depvar;
  const Eigen::VectorXd se = r.se(), p = r.p_value();
  const Eigen::MatrixXd ci = r.conf_int();
  for (size_t k = 0; k < r.terms.size(); ++k) {
    const auto j = static_cast<Eigen::Index>(k);
    c.rows.push_back({r.terms[k], r.coef[j], se[j], p[j], ci(j, 0), ci(j, 1)});
  }
  for (const auto& [name, levels] : r.fixed_effects) c.facts.emplace_back(name + " FE", "Yes");
  if (!r.vcov_info.type.empty()) c.facts.emplace_back("Std. errors", vcov_words(r));
  c.facts.emplace_back("Observations", std::to_string(r.nobs));
  c.notes = r.warnings;
  return c;
}

bool offers_estimates(const nlohmann::json& j) { return j.is_object() && j.contains("estimates") && j.at("estimates").is_array(); }

std::vector<EstimateColumn> estimate_columns_of(const nlohmann::json& j) {
  std::vector<EstimateColumn> out;
  if (offers_estimates(j)) {
    for (const auto& c : j.at("estimates")) out.push_back(estimate_column_from_json(c));
    if (!out.empty() && j.contains("warnings") && j.at("warnings").is_array())
      for (const auto& w : j.at("warnings"))
        if (w.is_string() && std::find(out.front().notes.begin(), out.front().notes.end(), w.get<std::string>()) == out.front().notes.end())
          out.front().notes.push_back(w.get<std::string>());
    return out;
  }
  for (const auto& m : regression_models_of(j)) out.push_back(column_of(m));
  return out;
}

}  // namespace cbec
