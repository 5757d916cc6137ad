// xtreg: the classic panel estimators (pooled, within, between, first differences, random effects)
// side by side, with the Hausman test.
#include <fmt/format.h>

#include <algorithm>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/estimate/panel/panel_models.hpp"
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
                                             "with the chosen vcov: cluster:<unit> gives its cluster-robust form")};
  a.needs.panel = PanelNeed::Required;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    PanelOptions po;
    po.unit = ctx.unit;
    po.time = ctx.time;
    po.vcov = VcovSpec::parse(o.text("vcov"), po.time);
    auto models = o.list("model");
    if (o.flag("hausman") || o.flag("hausman_robust"))
      for (const char* m : {"fe", "re"})
        if (std::find(models.begin(), models.end(), m) == models.end()) models.push_back(m);
    for (const auto& m : models) check_vcov("xtreg --model " + m, m, po.vcov, {m == "fe" || m == "fe_time" || m == "twoways", false});
    std::vector<RegressionResult> results;
    std::vector<std::string> names;
    for (const auto& m : models) {
      results.push_back(panel_model(frame, o.text("formula"), parse_panel_model(m), po));
      names.push_back(panel_model_name(parse_panel_model(m)));
    }
    RegressionTableOptions to;
    to.model_names = names;
    Table t = regression_table(results, to);
    nlohmann::json j{{"models", nlohmann::json::array()}};
    if (o.flag("hausman")) {
      auto find = [&](const std::string& n) { return static_cast<size_t>(std::find(names.begin(), names.end(), n) - names.begin()); };
      const TestResult h = hausman(results[find("within")], results[find("random")]);
      t.notes.push_back(fmt::format("Hausman test (fe vs re): chi2({:g}) = {:.3f}, p = {:.4f}. {}", h.df1, h.stat, h.p_value, h.note));
      j["hausman"] = to_json(h);
    }
    if (o.flag("hausman_robust")) {
      const TestResult h = hausman_robust(frame, o.text("formula"), po);
      t.notes.push_back(fmt::format("Regression-based Hausman test ({}): chi2({:g}) = {:.3f}, p = {:.4f}.", po.vcov.describe(), h.df1, h.stat, h.p_value));
      j["hausman_robust"] = to_json(h);
    }
    for (const auto& r : results) j["models"].push_back(to_json(r));
    return Outcome{{t}, {}, j};
  };
  return a;
}

}  // namespace cbec
