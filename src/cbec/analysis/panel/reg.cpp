// reg: one or several linear regressions (OLS, fixed effects, IV) side by side, esttab-style, with
// optionally the estimated fixed effects per level. Under mpirun, a fixed-effects model's rows are
// split across the processes (estimate/ols/row_partition.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/analysis/table_options.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/ols/fixed_effect_levels.hpp"
#include "cbec/estimate/ols/row_partition.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/fixed_effects_report.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

Analysis reg_analysis() {
  Analysis a;
  a.name = "reg";
  a.command = "reg";
  a.summary = "Linear regressions with fixed effects and IV, side by side (esttab-style)";
  OptionSpec formulas = list_option("formulas", "Formulas, e.g. \"y ~ x1 + log(x2) | unit + year\"", true);
  formulas.positional = true;
  a.options = {formulas,
               list_option("names", "Column names of the models in the table"),
               text_option("vcov", "Variance: iid, hc0..hc3, cluster:var[+var2], cr2:var, dk[:lag]", "iid"),
               column_option("weights", "Observation weights variable"),
               flag_option("keep_singletons", "Keep observations alone in a fixed-effect level"),
               number_option("demean_tol", 1e-10,
                             "Convergence tolerance of the fixed-effects demeaning, fixest's rule (its fixef.tol, default 1e-6; "
                             "reghdfe's tolerance 1e-8)",
                             1e-14, 1e-2),
               flag_option("t", "Show t statistics instead of standard errors (as --coefstat t)"),
               flag_option("fixef", "The estimated fixed effects per level of each model with one or two absorbed dimensions (JSON fixef and a table)"),
               text_option("title", "Table title")};
  a.needs.panel = PanelNeed::Optional;   // for l(), f(), d() and dk
  a.regression_tables = true;
  a.names_every_column = [](const Options&) { return true; };
  // One fixed-effects model on the rows as read, without IV, CR2 or a panel (lags, leads and
  // whole-sample transforms need other rows): its rows can be read in shares.
  a.shares_by = [](const Options& o, const AnalysisContext& ctx) {
    std::vector<std::string> by;
    const auto formulas = o.list("formulas");
    if (formulas.size() != 1 || o.flag("fixef") || !ctx.frame_disposable || !ctx.unit.empty() || !ctx.time.empty() ||
        o.has("subset") || o.has("split_by") || VcovSpec::parse(o.text("vcov"), "").type == "CR2")
      return by;
    const ModelSpec spec = parse_formula(formulas[0]);
    if (spec.has_iv() || spec.reads_other_rows()) return by;
    for (const auto& fe : spec.fixed_effects)
      if (fe.size() == 1) by.push_back(fe[0]);
    return by;
  };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    DesignOptions dopt;
    dopt.panel_unit = ctx.unit;
    dopt.panel_time = ctx.time;
    dopt.weights = o.text("weights");
    dopt.drop_singletons = !o.flag("keep_singletons");
    FeolsOptions fopt;
    fopt.vcov = VcovSpec::parse(o.text("vcov"), dopt.panel_time);
    fopt.timer = ctx.timer;
    fopt.demean_tol = o.number("demean_tol");
    const auto formulas = o.list("formulas");
    for (const auto& f : formulas) check_vcov("reg", "feols", fopt.vcov, {!parse_formula(f).fixed_effects.empty(), !dopt.weights.empty()});
    std::vector<RegressionResult> results;
    nlohmann::json j{{"models", nlohmann::json::array()}};
    if (!ctx.rows_split_by.empty()) {
      results.push_back(feols_on_shares(std::move(frame), formulas[0], fopt, dopt, ctx.rows_split_by, *reduce_exchange()));
    } else if (formulas.size() == 1 && ctx.frame_disposable && !o.flag("fixef")) {
      // One model: the data are released as its design is built (peak memory ~ data + design).
      results.push_back(feols_across_processes(std::move(frame), formulas[0], fopt, dopt));
    } else {
      fopt.cache = formulas.size() > 1 || !ctx.frame_disposable ? ctx.cache : nullptr;  // shares demeaned columns between models
      for (const auto& f : formulas) results.push_back(feols_across_processes(frame, f, fopt, dopt));
    }
    for (const auto& r : results) j["models"].push_back(to_json(r));
    RegressionTableOptions topt = table_options(o, ctx);
    topt.title = o.text("title");
    if (o.flag("t")) topt.coef_stat = CoefStat::T;
    topt.model_names = o.list("names");
    if (topt.model_names.size() > results.size())
      throw SpecError(fmt::format("{} names for {} models: give at most one name per formula", topt.model_names.size(), results.size()));
    for (size_t m = 1; m < topt.model_names.size(); ++m)
      if (std::find(topt.model_names.begin(), topt.model_names.begin() + static_cast<long>(m), topt.model_names[m]) != topt.model_names.begin() + static_cast<long>(m))
        throw SpecError(fmt::format("names: '{}' is given to two models; give each model its own name", topt.model_names[m]));
    topt.extended_stats = true;
    Table t = regression_table(results, topt);
    add_truth_note(t, ctx.truth);
    Outcome out{{t}, {}, j};
    if (o.flag("fixef")) {
      // The fixed effects of model m, from its design rebuilt with y and X as columns.
      out.json["fixef"] = nlohmann::json::array();
      for (size_t m = 0; m < formulas.size(); ++m) {
        if (results[m].fixed_effects.size() > 2) {  // no per-level values for three or more dimensions
          out.json["fixef"].push_back(nullptr);
          out.tables.front().notes.push_back(fmt::format("Model {}: fixed effects per level are given for one or two dimensions only.", m + 1));
          continue;
        }
        DesignOptions dm = dopt;
        for (const auto& g : fopt.vcov.groups())
          if (std::find(dm.groups.begin(), dm.groups.end(), g) == dm.groups.end()) dm.groups.push_back(g);
        const std::vector<FixedEffectLevels> fe = fixed_effect_levels(build_design(frame, parse_formula(formulas[m]), dm), results[m]);
        out.json["fixef"].push_back(to_json(fe));
        const std::string name = m < topt.model_names.size() ? topt.model_names[m] : "(" + std::to_string(m + 1) + ")";
        if (!fe.empty()) out.tables.push_back(fixed_effects_table(fe, name));
      }
    }
    return out;
  };
  return a;
}

}  // namespace cbec
