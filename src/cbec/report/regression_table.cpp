#include "cbec/report/regression_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/report/term_patterns.hpp"

namespace cbec {

std::string significance_stars(double p, const std::vector<double>& levels) {
  std::string s;
  for (double l : levels)
    if (p < l) s += "*";
  return s;
}

namespace {
std::string label_of(const RegressionTableOptions& o, const std::string& name) {
  auto it = o.labels.find(name);
  return it == o.labels.end() ? name : it->second;
}

// All terms in order of first appearance (intercept last, as Stata).
std::vector<std::string> all_terms(const std::vector<RegressionResult>& models) {
  std::vector<std::string> all;
  for (const auto& r : models)
    for (const auto& term : r.terms)
      if (term != "(Intercept)" && std::find(all.begin(), all.end(), term) == all.end()) all.push_back(term);
  if (std::any_of(models.begin(), models.end(), [](const RegressionResult& r) { return r.find("(Intercept)") >= 0; })) all.push_back("(Intercept)");
  return all;
}

std::vector<std::string> terms_shown(const std::vector<RegressionResult>& models, const RegressionTableOptions& o) {
  return shown_terms(all_terms(models), {o.keep, o.drop, o.order, o.indicate});
}

std::string in_parentheses(const RegressionResult& r, long j, const RegressionTableOptions& o) {
  if (std::isnan(r.vcov(j, j))) return "";  // no standard error (e.g. the GM estimators' lambda)
  const double b = r.coef[j], se = std::sqrt(std::max(0.0, r.vcov(j, j)));
  switch (o.coef_stat) {
    case CoefStat::SE: return "(" + format_number(se, o.digits) + ")";
    case CoefStat::T: return "(" + (std::isfinite(b / se) ? format_number(b / se, o.digits) : std::string(".")) + ")";   // a zero SE: no test
    case CoefStat::P: return "(" + format_fixed(r.p_value()[j], o.digits) + ")";  // fixed, (0.000), as esttab
    case CoefStat::CI: {
      const Eigen::MatrixXd ci = r.conf_int();
      return "[" + format_number(ci(j, 0), o.digits) + ", " + format_number(ci(j, 1), o.digits) + "]";
    }
  }
  return "";
}

const char* coef_stat_words(CoefStat s) {
  switch (s) {
    case CoefStat::SE: return "Standard errors in parentheses";
    case CoefStat::T: return "t statistics in parentheses";
    case CoefStat::P: return "p-values in parentheses";
    case CoefStat::CI: return "95% confidence intervals in brackets";
  }
  return "";
}

const char* stat_label(const std::string& key) {
  static const std::map<std::string, const char*> labels = {
      {"n", "Observations"}, {"r2", "R-squared"}, {"adj_r2", "Adj. R-squared"}, {"r2_within", "Within R-squared"},
      {"adj_r2_within", "Adj. within R-squared"}, {"f", "F statistic"}, {"clusters", "Clusters"}, {"loglik", "Log likelihood"},
      {"aic", "AIC"}, {"bic", "BIC"}, {"rmse", "RMSE"}, {"vcov", "Std. errors"}};
  auto it = labels.find(key);
  if (it == labels.end()) throw SpecError(fmt::format("stats: no summary row '{}'; choose from {}", key, fmt::join(regression_stat_names(), ", ")));
  return it->second;
}

// One cell of a summary row named in `stats`; "" where the model has no such number.
std::string stat_cell(const RegressionResult& r, const std::string& key, int digits) {
  if (key == "n") return fmt::format("{}", r.nobs);
  if (key == "vcov") return vcov_words(r);
  if (key == "clusters") return r.vcov_info.n_clusters.empty() ? std::string() : fmt::format("{}", fmt::join(r.vcov_info.n_clusters, " / "));
  if (key == "f") {
    auto it = r.tests.find("wald_slopes");
    return it == r.tests.end() || !std::isfinite(it->second.stat) ? std::string() : format_fixed(it->second.stat, digits);
  }
  auto it = r.fit.find(key);
  return it == r.fit.end() || !std::isfinite(it->second) ? std::string() : format_fixed(it->second, digits);
}
}  // namespace

std::string vcov_words(const RegressionResult& r) {
  if (!r.vcov_info.cluster.empty()) return fmt::format("{} by {}", r.vcov_info.type, fmt::join(r.vcov_info.cluster, "+"));
  return r.vcov_info.type;
}

std::string chi2_test_text(const TestResult& t) { return fmt::format("chi2({:g}) = {:.3f}, p = {:.4f}", t.df1, t.stat, t.p_value); }

std::string f_test_text(const TestResult& t) {
  if (!std::isfinite(t.stat)) return t.note;
  return fmt::format("F({:g}, {:g}) = {:.3f}, p = {:.4f}", t.df1, t.df2, t.stat, t.p_value);
}

namespace {

std::string dropped_note(const std::string& who, size_t count, const std::string& reason) {
  return fmt::format("{}{} observation{} dropped ({}).", who, count, count == 1 ? "" : "s", reason);
}

// The models' warnings, each once: as it is when every model gives it, else naming the models that
// do ("Warning (model 2): dropped as perfectly collinear: x").
void add_model_warnings(std::vector<std::string>& notes, const std::vector<RegressionResult>& models) {
  std::vector<std::pair<std::string, std::vector<size_t>>> by_text;
  for (size_t m = 0; m < models.size(); ++m)
    for (const auto& w : models[m].warnings) {
      auto it = std::find_if(by_text.begin(), by_text.end(), [&](const auto& e) { return e.first == w; });
      if (it == by_text.end()) by_text.push_back({w, {m + 1}});
      else if (it->second.back() != m + 1) it->second.push_back(m + 1);
    }
  for (const auto& [text, which] : by_text)
    notes.push_back(which.size() == models.size() ? "Warning: " + text
                                                  : fmt::format("Warning (model{} {}): {}", which.size() == 1 ? "" : "s", fmt::join(which, ", "), text));
}

}  // namespace

void add_dropped_notes(std::vector<std::string>& notes, const RegressionResult& r, const std::string& who, std::set<std::string>& seen) {
  for (const auto& [reason, count] : r.dropped) notes.push_back(dropped_note(who, count, reason));
  for (const auto& wmsg : r.warnings)
    if (seen.insert(wmsg).second) notes.push_back("Warning: " + wmsg);
}

CoefStat parse_coef_stat(const std::string& name) {
  if (name == "se") return CoefStat::SE;
  if (name == "t") return CoefStat::T;
  if (name == "p") return CoefStat::P;
  if (name == "ci") return CoefStat::CI;
  throw SpecError(fmt::format("the statistic in parentheses must be se, t, p or ci, not '{}'", name));
}

const std::vector<std::string>& regression_stat_names() {
  static const std::vector<std::string> names = {"n", "r2", "adj_r2", "r2_within", "adj_r2_within", "f", "clusters", "loglik", "aic", "bic", "rmse", "vcov"};
  return names;
}

Table regression_table(const std::vector<RegressionResult>& models, const RegressionTableOptions& o) {
  Table t;
  t.title = o.title;
  t.header = {""};
  for (size_t m = 0; m < models.size(); ++m) {
    const std::string number = fmt::format("({})", m + 1);
    t.header.push_back(o.numbers || m >= o.model_names.size() ? number : o.model_names[m]);
  }
  if (o.numbers && !o.model_names.empty()) {
    std::vector<std::string> names = {""};
    for (size_t m = 0; m < models.size(); ++m) names.push_back(m < o.model_names.size() ? o.model_names[m] : "");
    t.rows.push_back(names);
  }
  // Dependent variable row.
  std::vector<std::string> dep = {"Dependent variable"};
  for (const auto& r : models) dep.push_back(label_of(o, r.depvar));
  t.rows.push_back(dep);
  t.rules_before.push_back(t.rows.size());
  for (const auto& term : terms_shown(models, o)) {
    std::vector<std::string> est = {term == "(Intercept)" ? label_of(o, "Constant") : label_of(o, term)}, sub = {""};
    for (const auto& r : models) {
      long j = r.find(term);
      if (j < 0) {
        est.emplace_back("");
        sub.emplace_back("");
        continue;
      }
      est.push_back(format_number(r.coef[j], o.digits) + significance_stars(r.p_value()[j], o.star_levels));
      sub.push_back(in_parentheses(r, j, o));
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
    std::vector<std::string> row = {label_of(o, fe) + " FE"};
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
  for (const auto& [label, patterns] : o.indicate) {
    const auto ps = compile_patterns(patterns, "indicate", all_terms(models));
    stat_row(label, [&](const RegressionResult& r) { return std::any_of(r.terms.begin(), r.terms.end(), [&](const std::string& x) { return any_match(ps, x); }) ? "Yes" : "No"; });
  }
  bool tests_shown = false;   // rows of specification tests, which the note below explains
  if (!o.stats.empty()) {
    for (const auto& key : o.stats) stat_row(stat_label(key), [&](const RegressionResult& r) { return stat_cell(r, key, o.digits); });
  } else {
    stat_row("Observations", [](const RegressionResult& r) { return fmt::format("{}", r.nobs); });
    // A statistic's row when some model has it (an ML spatial or GMM model has no R-squared).
    auto fit_row = [&](const std::string& key, const std::string& label, int digits) {
      if (std::none_of(models.begin(), models.end(), [&](const RegressionResult& r) { return r.fit.count(key) > 0; })) return;
      stat_row(label, [&](const RegressionResult& r) {
        auto it = r.fit.find(key);
        return it == r.fit.end() ? std::string() : format_fixed(it->second, digits);   // "." when not defined (a perfect fit's R2, ln L)
      });
    };
    fit_row("r2", "R-squared", o.digits);
    fit_row("r2_within", "Within R-squared", o.digits);
    if (o.extended_stats) {
      fit_row("adj_r2_within", "Adj. within R-squared", o.digits);
      fit_row("r2_within_xt", "R-squared within (xtreg)", o.digits);
      fit_row("r2_between_xt", "R-squared between (xtreg)", o.digits);
      fit_row("r2_overall_xt", "R-squared overall (xtreg)", o.digits);
      if (std::any_of(models.begin(), models.end(), [](const RegressionResult& r) { return r.fit.count("within_intercept") > 0; })) {
        stat_row("Within intercept (_cons)", [&](const RegressionResult& r) {
          auto it = r.fit.find("within_intercept");
          return it == r.fit.end() ? std::string() : format_fixed(it->second, o.digits);
        });
        stat_row("", [&](const RegressionResult& r) {
          auto it = r.fit.find("within_intercept_se");
          return it == r.fit.end() ? std::string() : "(" + format_fixed(it->second, o.digits) + ")";
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
    std::vector<std::pair<std::string, std::string>> shown_tests;
    for (const auto& diagnostic : diagnostics)
      if (std::any_of(models.begin(), models.end(), [&](const RegressionResult& r) { return r.tests.count(diagnostic.first) > 0; }))
        shown_tests.push_back(diagnostic);
    // 2SLS: each endogenous regressor's first-stage F of the excluded instruments (iid), then
    // its Wald F with the chosen variance, in the order the models name them.
    for (const auto& [prefix, words] : {std::pair<std::string, std::string>{"first_stage_f:", "First-stage F"},
                                        std::pair<std::string, std::string>{"first_stage_wald:", "First-stage F (chosen vcov)"}})
      for (const auto& r : models)
        for (const auto& [key, test] : r.tests)
          if (key.rfind(prefix, 0) == 0 &&
              std::none_of(shown_tests.begin(), shown_tests.end(), [&](const auto& shown) { return shown.first == key; }))
            shown_tests.emplace_back(key, fmt::format("{}: {}", words, label_of(o, key.substr(prefix.size()))));
    for (const auto& shown : shown_tests) {
      const std::string& key = shown.first;  // not a structured binding: the lambdas capture it (clang)
      stat_row(shown.second, [&](const RegressionResult& r) {
        auto it = r.tests.find(key);
        if (it == r.tests.end()) return std::string();
        if (std::isnan(it->second.stat)) return std::string(".");  // not defined here (e.g. effects of a single unit)
        return format_fixed(it->second.stat, o.digits) + " [" + format_fixed(it->second.p_value) + "]";
      });
    }
    tests_shown = !shown_tests.empty();
    stat_row("Std. errors", vcov_words);
  }
  t.notes.push_back(fmt::format("{}. * p<{:g}, ** p<{:g}, *** p<{:g}", coef_stat_words(o.coef_stat),
                                o.star_levels[0], o.star_levels[1], o.star_levels[2]));
  if (tests_shown) t.notes.push_back("Specification tests: statistic [p-value].");
  for (size_t m = 0; m < models.size(); ++m)
    for (const auto& [reason, count] : models[m].dropped) t.notes.push_back(dropped_note(fmt::format("Model {}: ", m + 1), count, reason));
  add_model_warnings(t.notes, models);
  return t;
}

}  // namespace cbec
