#include "cbec/report/regression_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace cbec {

namespace {
std::string stars(double p, const std::vector<double>& levels) {
  std::string s;
  for (double l : levels)
    if (p < l) s += "*";
  return s;
}
}  // namespace

Table regression_table(const std::vector<RegressionResult>& models, const RegressionTableOptions& o) {
  Table t;
  t.title = o.title;
  t.header = {""};
  for (size_t m = 0; m < models.size(); ++m)
    t.header.push_back(m < o.model_names.size() ? o.model_names[m] : fmt::format("({})", m + 1));
  // Dependent variable row.
  std::vector<std::string> dep = {"Dependent variable"};
  for (const auto& r : models) dep.push_back(r.depvar);
  t.rows.push_back(dep);
  t.rules_before.push_back(1);
  // Terms in order of first appearance (intercept last, as Stata).
  std::vector<std::string> terms = o.keep;
  if (terms.empty()) {
    for (const auto& r : models)
      for (const auto& term : r.terms)
        if (term != "(Intercept)" && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
    bool any_intercept = std::any_of(models.begin(), models.end(), [](const RegressionResult& r) { return r.find("(Intercept)") >= 0; });
    if (any_intercept) terms.push_back("(Intercept)");
  }
  for (const auto& term : terms) {
    std::vector<std::string> est = {term == "(Intercept)" ? "Constant" : term}, sub = {""};
    for (const auto& r : models) {
      long j = r.find(term);
      if (j < 0) {
        est.emplace_back("");
        sub.emplace_back("");
        continue;
      }
      const double b = r.coef[j], se = std::sqrt(std::max(0.0, r.vcov(j, j))), p = r.p_value()[j];
      est.push_back(fmt::format("{:.{}f}{}", b, o.digits, stars(p, o.star_levels)));
      sub.push_back(fmt::format("({:.{}f})", o.show_t ? b / se : se, o.digits));
    }
    t.rows.push_back(est);
    t.rows.push_back(sub);
  }
  t.rules_before.push_back(t.rows.size());
  // Fixed effects.
  std::vector<std::string> fe_names;
  for (const auto& r : models)
    for (const auto& [name, levels] : r.fixed_effects)
      if (std::find(fe_names.begin(), fe_names.end(), name) == fe_names.end()) fe_names.push_back(name);
  for (const auto& fe : fe_names) {
    std::vector<std::string> row = {fe + " FE"};
    for (const auto& r : models) {
      bool has = std::any_of(r.fixed_effects.begin(), r.fixed_effects.end(), [&](const auto& p) { return p.first == fe; });
      row.emplace_back(has ? "Yes" : "No");
    }
    t.rows.push_back(row);
  }
  auto stat_row = [&](const std::string& label, auto get) {
    std::vector<std::string> row = {label};
    for (const auto& r : models) row.push_back(get(r));
    t.rows.push_back(row);
  };
  stat_row("Observations", [](const RegressionResult& r) { return fmt::format("{}", r.nobs); });
  stat_row("R-squared", [&](const RegressionResult& r) {
    auto it = r.fit.find("r2");
    return it == r.fit.end() ? std::string() : fmt::format("{:.{}f}", it->second, o.digits);
  });
  if (std::any_of(models.begin(), models.end(), [](const RegressionResult& r) { return r.fit.count("r2_within"); }))
    stat_row("Within R-squared", [&](const RegressionResult& r) {
      auto it = r.fit.find("r2_within");
      return it == r.fit.end() ? std::string() : fmt::format("{:.{}f}", it->second, o.digits);
    });
  auto fit_row = [&](const std::string& key, const std::string& label, int digits) {
    if (std::none_of(models.begin(), models.end(), [&](const RegressionResult& r) { return r.fit.count(key) > 0; })) return;
    stat_row(label, [&](const RegressionResult& r) {
      auto it = r.fit.find(key);
      return it == r.fit.end() ? std::string() : fmt::format("{:.{}f}", it->second, digits);
    });
  };
  if (o.extended_stats) {
    fit_row("adj_r2_within", "Adj. within R-squared", o.digits);
    fit_row("r2_within_xt", "R-squared within (xtreg)", o.digits);
    fit_row("r2_between_xt", "R-squared between (xtreg)", o.digits);
    fit_row("r2_overall_xt", "R-squared overall (xtreg)", o.digits);
    if (std::any_of(models.begin(), models.end(), [](const RegressionResult& r) { return r.fit.count("within_intercept") > 0; })) {
      stat_row("Within intercept (_cons)", [&](const RegressionResult& r) {
        auto it = r.fit.find("within_intercept");
        return it == r.fit.end() ? std::string() : fmt::format("{:.{}f}", it->second, o.digits);
      });
      stat_row("", [&](const RegressionResult& r) {
        auto it = r.fit.find("within_intercept_se");
        return it == r.fit.end() ? std::string() : fmt::format("({:.{}f})", it->second, o.digits);
      });
    }
    fit_row("loglik", "Log likelihood", o.digits);
    fit_row("aic", "AIC", o.digits);
    fit_row("bic", "BIC", o.digits);
  }
  // Specification tests: statistic [p-value].
  static const std::vector<std::pair<std::string, std::string>> diagnostics = {
      {"f_effects", "F test of effects"}, {"wu_hausman", "Wu-Hausman F"}, {"wu_hausman_robust", "Endogeneity F (chosen vcov)"},
      {"sargan", "Sargan chi2"}, {"hansen_j", "Hansen J chi2"}};
  for (const auto& [key, label] : diagnostics) {
    if (std::none_of(models.begin(), models.end(), [&](const RegressionResult& r) { return r.tests.count(key) > 0; })) continue;
    stat_row(label, [&](const RegressionResult& r) {
      auto it = r.tests.find(key);
      return it == r.tests.end() ? std::string() : fmt::format("{:.{}f} [{:.4f}]", it->second.stat, o.digits, it->second.p_value);
    });
  }
  stat_row("Std. errors", [](const RegressionResult& r) {
    if (!r.vcov_info.cluster.empty()) return fmt::format("{} by {}", r.vcov_info.type, fmt::join(r.vcov_info.cluster, "+"));
    return r.vcov_info.type;
  });
  t.notes.push_back(fmt::format("{} in parentheses. * p<{:g}, ** p<{:g}, *** p<{:g}", o.show_t ? "t statistics" : "Standard errors",
                                o.star_levels[0], o.star_levels[1], o.star_levels[2]));
  if (std::any_of(models.begin(), models.end(), [](const RegressionResult& r) {
        return std::any_of(r.tests.begin(), r.tests.end(), [](const auto& kv) {
          return kv.first == "f_effects" || kv.first == "wu_hausman" || kv.first == "sargan" || kv.first == "hansen_j";
        });
      }))
    t.notes.push_back("Specification tests: statistic [p-value].");
  std::set<std::string> seen;
  for (size_t m = 0; m < models.size(); ++m) {
    const auto& r = models[m];
    for (const auto& [reason, count] : r.dropped)
      t.notes.push_back(fmt::format("Model {}: {} observation{} dropped ({}).", m + 1, count, count == 1 ? "" : "s", reason));
    for (const auto& wmsg : r.warnings)
      if (seen.insert(wmsg).second) t.notes.push_back("Warning: " + wmsg);
  }
  return t;
}

}  // namespace cbec
