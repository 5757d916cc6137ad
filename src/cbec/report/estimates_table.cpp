#include "cbec/report/estimates_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/term_patterns.hpp"

namespace cbec {

namespace {

std::string label_of(const RegressionTableOptions& o, const std::string& name) {
  auto it = o.labels.find(name);
  return it == o.labels.end() ? name : it->second;
}

// A summary row's label, with "<column> FE" labelled by its column's label.
std::string fact_label(const RegressionTableOptions& o, const std::string& label) {
  const std::string fe = " FE";
  if (label.size() > fe.size() && label.compare(label.size() - fe.size(), fe.size(), fe) == 0)
    return label_of(o, label.substr(0, label.size() - fe.size())) + fe;
  return label_of(o, label);
}

const Estimate* estimate_of(const EstimateColumn& c, const std::string& term) {
  auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const Estimate& e) { return e.term == term; });
  return it == c.rows.end() ? nullptr : &*it;
}

// The cell under an estimate: the statistic asked for; a test statistic's p-value.
std::string in_parentheses(const Estimate& e, const RegressionTableOptions& o, bool& p_for_statistic) {
  const int d = o.digits;
  if (std::isnan(e.se)) {
    if (std::isnan(e.p_value)) return "";
    p_for_statistic = true;
    return "(" + format_fixed(e.p_value, d) + ")";
  }
  // As the regression table: small numbers in scientific notation, never "-0.000"; p-values fixed.
  switch (o.coef_stat) {
    case CoefStat::SE: return "(" + format_number(e.se, d) + ")";
    case CoefStat::T: return "(" + format_number(e.estimate / e.se, d) + ")";
    case CoefStat::P: return std::isnan(e.p_value) ? std::string() : "(" + format_fixed(e.p_value, d) + ")";
    case CoefStat::CI:
      return std::isnan(e.ci_low) || std::isnan(e.ci_high) ? std::string() : "[" + format_number(e.ci_low, d) + ", " + format_number(e.ci_high, d) + "]";
  }
  return "";
}

const char* coef_stat_words(CoefStat s) {
  switch (s) {
    case CoefStat::SE: return "Standard errors in parentheses";
    case CoefStat::T: return "t (or z) statistics in parentheses";
    case CoefStat::P: return "p-values in parentheses";
    case CoefStat::CI: return "95% confidence intervals in brackets";
  }
  return "";
}

}  // namespace

Table estimates_table(const std::vector<EstimateColumn>& columns, const RegressionTableOptions& o) {
  if (!o.stats.empty())
    throw SpecError("stats names regression statistics: a table with estimates of other results shows each column's own summary rows; leave stats out");
  Table t;
  t.title = o.title;
  // Each column's name: the table's `names`, else the column's own; with `numbers` in a row below
  // the column numbers, otherwise in the header (a column without a name is numbered there).
  std::vector<std::string> names = {""};
  for (size_t m = 0; m < columns.size(); ++m) names.push_back(m < o.model_names.size() ? o.model_names[m] : columns[m].name);
  t.header = {""};
  for (size_t m = 0; m < columns.size(); ++m)
    t.header.push_back(o.numbers || names[m + 1].empty() ? fmt::format("({})", m + 1) : names[m + 1]);
  if (o.numbers) t.rows.push_back(names);
  if (std::any_of(columns.begin(), columns.end(), [](const EstimateColumn& c) { return !c.depvar.empty(); })) {
    std::vector<std::string> dep = {"Dependent variable"};
    for (const auto& c : columns) dep.push_back(label_of(o, c.depvar));
    t.rows.push_back(dep);
  }
  t.rules_before.push_back(t.rows.size());
  std::vector<std::string> all;
  bool intercept = false;
  for (const auto& c : columns)
    for (const auto& e : c.rows) {
      if (e.term == "(Intercept)") intercept = true;
      else if (std::find(all.begin(), all.end(), e.term) == all.end()) all.push_back(e.term);
    }
  if (intercept) all.push_back("(Intercept)");
  bool p_for_statistic = false;
  for (const auto& term : shown_terms(all, {o.keep, o.drop, o.order, o.indicate})) {
    std::vector<std::string> est = {term == "(Intercept)" ? label_of(o, "Constant") : label_of(o, term)}, sub = {""};
    for (const auto& c : columns) {
      const Estimate* e = estimate_of(c, term);
      est.push_back(e ? format_number(e->estimate, o.digits) + (std::isnan(e->p_value) ? "" : significance_stars(e->p_value, o.star_levels)) : "");
      sub.push_back(e ? in_parentheses(*e, o, p_for_statistic) : "");
    }
    t.rows.push_back(est);
    t.rows.push_back(sub);
  }
  t.rules_before.push_back(t.rows.size());
  for (const auto& [label, patterns] : o.indicate) {
    const auto ps = compile_patterns(patterns, "indicate", all);
    std::vector<std::string> row = {label};
    for (const auto& c : columns)
      row.emplace_back(std::any_of(c.rows.begin(), c.rows.end(), [&](const Estimate& e) { return any_match(ps, e.term); }) ? "Yes" : "No");
    t.rows.push_back(row);
  }
  // Summary rows: every label any column gives, in order of first appearance, Observations last.
  std::vector<std::string> labels;
  for (const auto& c : columns)
    for (const auto& [label, text] : c.facts)
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  std::stable_partition(labels.begin(), labels.end(), [](const std::string& l) { return l != "Observations"; });
  for (const auto& label : labels) {
    std::vector<std::string> row = {fact_label(o, label)};
    for (const auto& c : columns) {
      auto it = std::find_if(c.facts.begin(), c.facts.end(), [&](const auto& f) { return f.first == label; });
      row.push_back(it == c.facts.end() ? "" : it->second);
    }
    t.rows.push_back(row);
  }
  t.notes.push_back(fmt::format("{}{}. * p<{:g}, ** p<{:g}, *** p<{:g}", coef_stat_words(o.coef_stat),
                                p_for_statistic ? "; under a test statistic, its p-value" : "", o.star_levels[0], o.star_levels[1], o.star_levels[2]));
  // Each column's warnings (thin support, negative weights, collinear terms), named by its column.
  for (size_t m = 0; m < columns.size(); ++m)
    for (const auto& n : columns[m].notes) t.notes.push_back(fmt::format("({}) {}: {}", m + 1, names[m + 1].empty() ? columns[m].name : names[m + 1], n));
  return t;
}

Table results_side_by_side(const std::vector<nlohmann::json>& results, const RegressionTableOptions& options, nlohmann::json* columns) {
  if (std::none_of(results.begin(), results.end(), [](const nlohmann::json& j) { return offers_estimates(j); })) {
    std::vector<RegressionResult> models;
    for (const auto& j : results)
      for (auto& m : regression_models_of(j)) models.push_back(std::move(m));
    Table t = regression_table(models, options);
    // Tests of a result beside its models (xtreg's Hausman tests), which a model's own rows do not carry.
    for (const auto& j : results)
      for (const auto& [key, label] : {std::pair<const char*, const char*>{"hausman", "Hausman test (fe vs re)"},
                                       {"hausman_robust", "Regression-based Hausman test"}})
        if (j.is_object() && j.contains(key) && j.at(key).is_object() && j.at(key).contains("stat") && j.at(key).at("stat").is_number())
          t.notes.push_back(fmt::format("{}: {}.", label, chi2_test_text(test_result_of(j.at(key)))));
    return t;
  }
  std::vector<EstimateColumn> all;
  for (const auto& j : results)
    for (auto& c : estimate_columns_of(j)) all.push_back(std::move(c));
  if (columns) {
    *columns = nlohmann::json::array();
    for (const auto& c : all) columns->push_back(to_json(c));
  }
  return estimates_table(all, options);
}

}  // namespace cbec
