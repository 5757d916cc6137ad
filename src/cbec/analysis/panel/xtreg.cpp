// xtreg: the classic panel estimators (pooled, within, between, first differences, random effects)
// side by side, with the Hausman test, the F test of the effects and the within intercept of every
// within model, and optionally the LM tests for effects and the fixed effects per level.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/analysis/table_options.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/ols/fixed_effect_levels.hpp"
#include "cbec/estimate/panel/effects_tests.hpp"
#include "cbec/estimate/panel/panel_models.hpp"
#include "cbec/estimate/panel/within_intercept.hpp"
#include "cbec/report/fixed_effects_report.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/regression_json.hpp"

namespace cbec {

Analysis xtreg_analysis() {
  Analysis a;
  a.name = "xtreg";
  a.command = "xtreg";
  a.summary = "Panel estimators: pooled, fe, fe_time, twoways, be, fd, re (Swamy-Arora); Hausman test";
  const OptionSpec formula = formula_option("Formula without fixed effects, e.g. \"y ~ x1 + x2\"");
  OptionSpec model = list_option("model", "One or more models");
  model.choices = {"pooled", "fe", "fe_time", "twoways", "be", "fd", "re"};
  model.default_value = nlohmann::json::array({"fe"});
  a.options = {formula, model, text_option("vcov", "Variance: iid, hc0..hc3, cluster:var, cr2:var, dk[:lag]", "iid"),
               flag_option("hausman", "Hausman test of fe against re (adds fe and re when not listed)"),
               flag_option("hausman_robust", "Also the regression-based Hausman test (Wooldridge 2010, 10.7.3; plm::phtest method \"aux\") "
                                             "with the chosen vcov: cluster:<unit> gives its cluster-robust form"),
               flag_option("effects_tests", "Tests for effects: F tests (individual, time, twoways; plm::pFtest) and LM tests "
                                            "(Breusch-Pagan, Honda, King-Wu, GHM; plm::plmtest)"),
               flag_option("fixef", "The estimated fixed effects per level of the fe, fe_time and twoways models (JSON fixef and a table)")};
  a.needs.panel = PanelNeed::Required;
  a.regression_tables = true;
  a.names_every_column = [](const Options&) { return true; };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    PanelOptions po;
    po.unit = ctx.unit;
    po.time = ctx.time;
    // robust clusters by the unit, as Stata's `xtreg, vce(robust)` and plm's vcovHC on a panel model do:
    // a heteroskedasticity-robust variance of single observations is inconsistent with unit effects
    // when T is fixed (Stock and Watson 2008, Econometrica 76(1)); hc0..hc3 say so in a warning.
    const bool robust = lower_ascii(o.text("vcov")) == "robust";
    po.vcov = VcovSpec::parse(robust ? "cluster:" + ctx.unit : o.text("vcov"), po.time);
    auto models = o.list("model");
    if (o.flag("hausman") || o.flag("hausman_robust"))
      for (const char* m : {"fe", "re"})
        if (std::find(models.begin(), models.end(), m) == models.end()) models.push_back(m);
    for (const auto& m : models) check_vcov("xtreg --model " + m, m, po.vcov, {m == "fe" || m == "fe_time" || m == "twoways", false});
    std::vector<RegressionResult> results;
    std::vector<std::string> names;
    PanelOptions iid = po;
    iid.vcov = VcovSpec{};
    const std::string formula = o.text("formula");
    auto is_within = [](PanelModel m) { return m == PanelModel::Within || m == PanelModel::WithinTime || m == PanelModel::Twoways; };
    auto effect_of = [](PanelModel m) { return m == PanelModel::Within ? "individual" : m == PanelModel::WithinTime ? "time" : "twoways"; };
    // The F test that the effects of within model `pm` (its iid fit) are zero, against the pooled OLS on
    // the within model's regressors (one the effects absorb, such as a unit's constant, left out of both
    // as Stata's `xtreg, fe` does; plm's pFtest keeps it in the pooled model), fitted once per set.
    std::map<std::vector<std::string>, RegressionResult> pooled_iid;
    auto f_effects = [&](const RegressionResult& within_iid, PanelModel pm) {
      auto it = pooled_iid.find(within_iid.collinear);
      if (it == pooled_iid.end()) {
        PanelOptions without = iid;
        without.omit_terms = within_iid.collinear;
        it = pooled_iid.emplace(within_iid.collinear, panel_model(frame, formula, PanelModel::Pooling, without)).first;
      }
      return effects_f_test(within_iid, it->second, effect_of(pm));
    };
    nlohmann::json fixef = nlohmann::json::object();
    std::vector<Table> fixef_tables;
    for (const auto& m : models) {
      const PanelModel pm = parse_panel_model(m);
      results.push_back(panel_model(frame, formula, pm, po));
      names.push_back(panel_model_name(pm));
      if (robust) results.back().warnings.push_back(fmt::format("--vcov robust: clustered by {}, as Stata's xtreg vce(robust)", ctx.unit));
      else if (po.vcov.type.rfind("HC", 0) == 0 && pm != PanelModel::Pooling && pm != PanelModel::Between)
        results.back().warnings.push_back(fmt::format("{} is robust to heteroskedasticity of single observations only: with unit effects and few "
                                                      "periods it is inconsistent (Stock and Watson 2008); Stata's xtreg vce(robust) and plm's "
                                                      "vcovHC cluster by the unit: --vcov cluster:{}", o.text("vcov"), ctx.unit));
      if (!is_within(pm)) continue;
      RegressionResult& r = results.back();
      r.tests["f_effects"] = po.vcov.type == "iid" ? f_effects(r, pm) : f_effects(panel_model(frame, formula, pm, iid), pm);
      const WithinIntercept wi = within_intercept(frame, formula, pm, po);
      r.fit["within_intercept"] = wi.estimate;
      r.fit["within_intercept_se"] = wi.se;
      if (o.flag("fixef")) {
        const std::vector<FixedEffectLevels> fe = fixed_effect_levels(within_design(frame, formula, pm, po), r);
        fixef[names.back()] = to_json(fe);
        fixef_tables.push_back(fixed_effects_table(fe, names.back()));
      }
    }
    RegressionTableOptions to = table_options(o, ctx);
    to.model_names = names;
    to.extended_stats = true;
    Table t = regression_table(results, to);
    // One "R-squared" row, three definitions: said once, for the models shown.
    const bool absorbed = std::any_of(models.begin(), models.end(), [&](const std::string& m) { return is_within(parse_panel_model(m)); });
    const bool random = std::any_of(models.begin(), models.end(), [](const std::string& m) { return parse_panel_model(m) == PanelModel::Random; });
    if (absorbed || random)
      t.notes.push_back(fmt::format("R-squared: {}{}{}.", absorbed ? "fixed-effects models the dummy-variable (LSDV) R2 (fixest's r2, Stata's areg; plm's is the within R2 row)" : "",
                                    absorbed && random ? "; " : "", random ? "random effects plm's squared correlation of the quasi-demeaned response and fit" : ""));
    if (std::any_of(models.begin(), models.end(), [](const std::string& m) { return parse_panel_model(m) == PanelModel::Between; }))
      t.notes.push_back("between: Observations are the units, the regression being on their means (as plm; Stata's xtreg, be reports the rows "
                        "as Number of obs and the units as Number of groups).");
    nlohmann::json j{{"models", nlohmann::json::array()}};

    if (o.flag("hausman")) {
      auto find = [&](const std::string& n) { return static_cast<size_t>(std::find(names.begin(), names.end(), n) - names.begin()); };
      // The classic test assumes random effects efficient under H0, so it takes both models'
      // conventional variances whatever --vcov says (as plm's phtest and Stata's hausman); the
      // robust form is --hausman-robust.
      const bool conventional = po.vcov.type == "iid";
      TestResult h = conventional ? hausman(results[find("within")], results[find("random")])
                                  : hausman(panel_model(frame, formula, PanelModel::Within, iid), panel_model(frame, formula, PanelModel::Random, iid));
      if (!conventional)
        h.note = (h.note.empty() ? "" : h.note + (h.note.back() == '.' ? " " : ". ")) +
                 "From the models' conventional (iid) variances, as plm's phtest and Stata's hausman; with the chosen variance use --hausman-robust.";
      t.notes.push_back(fmt::format("Hausman test (fe vs re): {}. {}", chi2_test_text(h), h.note));
      j["hausman"] = to_json(h);
    }
    if (o.flag("hausman_robust")) {
      const TestResult h = hausman_robust(frame, o.text("formula"), po);
      t.notes.push_back(fmt::format("Regression-based Hausman test ({}): {}.", po.vcov.describe(), chi2_test_text(h)));
      j["hausman_robust"] = to_json(h);
    }
    std::optional<Table> effects_table;
    if (o.flag("effects_tests")) {
      Table et;
      et.title = "Tests for individual and time effects";
      et.header = {"Test", "Effects", "Statistic", "df", "p-value"};
      nlohmann::json ej = nlohmann::json::object();
      auto add = [&](const std::string& key, const std::string& label, const std::string& effect, const TestResult& r) {
        ej[key] = to_json(r);
        et.rows.push_back({label, effect, fmt::format("{:.4f}", r.stat),
                           r.df2 > 0 ? fmt::format("{:g}, {:g}", r.df1, r.df2) : r.df1 > 0 ? fmt::format("{:g}", r.df1) : "",
                           fmt::format("{:.4g}", r.p_value)});
      };
      for (PanelModel pm : {PanelModel::Within, PanelModel::WithinTime, PanelModel::Twoways})
        add(std::string("f_") + effect_of(pm), "F (pooled vs within)", effect_of(pm), f_effects(panel_model(frame, formula, pm, iid), pm));
      for (const char* type : {"bp", "honda", "kw", "ghm"})
        for (const char* effect : {"individual", "time", "twoways"}) {
          if (std::string(type) == "ghm" && std::string(effect) != "twoways") continue;
          const std::string label = std::string(type) == "bp" ? "Breusch-Pagan LM" : std::string(type) == "honda" ? "Honda LM"
                                    : std::string(type) == "kw"  ? "King-Wu LM" : "GHM LM";
          add(std::string(type) + "_" + effect, label, effect, lm_effects_test(frame, formula, po, effect, type));
        }
      et.notes.push_back("F: plm::pFtest (Stata's F test that all u_i = 0 for individual effects; a regressor the effects absorb is left out of "
                         "the pooled model too, as Stata does); LM tests on the pooled OLS residuals "
                         "(plm::plmtest; unbalanced panels as Baltagi and Li 1990): Breusch-Pagan chi2, Honda and King-Wu one-sided "
                         "normal, GHM chi-bar-squared.");
      j["effects_tests"] = ej;
      effects_table = et;
    }
    std::vector<Table> tables{t};
    if (effects_table.has_value()) tables.push_back(*effects_table);
    for (auto& ft : fixef_tables) tables.push_back(std::move(ft));
    if (o.flag("fixef")) j["fixef"] = fixef;
    // Each model's column title (within, random, ...), for tables built from the JSON (etable).
    for (size_t i = 0; i < results.size(); ++i) {
      j["models"].push_back(to_json(results[i]));
      j["models"].back()["name"] = names[i];
    }
    return Outcome{tables, {}, j};
  };
  return a;
}

}  // namespace cbec
