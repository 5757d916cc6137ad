// psm: propensity-score matching with a balance table, and the DID regression on the full and the
// matched sample side by side (PSM-DID).
#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/did/psm.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/balance_table.hpp"
#include "cbec/report/panel_json.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

Analysis psm_analysis() {
  Analysis a;
  a.name = "psm";
  a.command = "psm";
  a.summary = "Propensity-score matching (nearest neighbour, caliper, kernel; pooled or by year), balance table, PSM-DID";
  OptionSpec covariates = terms_option("covariates", "Covariates of the score model");
  covariates.required = true;
  OptionSpec ratio = count_option("ratio", 1, "Controls per treated unit (nearest)", 1);
  a.options = {column_option("treat", "Treatment indicator (0/1) of the score model", true),
               covariates,
               choice_option("link", {"logit", "probit"}, "logit", "Link of the score model"),
               choice_option("method", {"nearest", "kernel"}, "nearest", "Matching method"),
               ratio,
               flag_option("replace", "Match with replacement"),
               number_option("caliper", 0, "Caliper in standard deviations of the score (nearest; 0: none)", 0),
               number_option("bandwidth", 0.06, "Kernel bandwidth", 0),
               column_option("by", "Match within each level of this variable (e.g. year)"),
               text_option("did", "DID formula estimated on the full and the matched sample, e.g. \"y ~ did + x | city + year\""),
               flag_option("weighted", "Use the matching weights in the matched-sample regression"),
               text_option("vcov", "Variance of the DID regressions (default: cluster by unit with a panel, else hc1)"),
               text_option("save", "Write the matched sample with its _weight column (.csv)")};
  a.needs.panel = PanelNeed::Optional;   // lags in the formula; the default vcov clusters by unit
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    MatchingSpec spec;
    spec.treatment = o.text("treat");
    spec.covariates = o.list("covariates");
    spec.link = o.text("link");
    spec.method = o.text("method");
    spec.ratio = static_cast<int>(o.integer("ratio"));
    spec.replace = o.flag("replace");
    spec.caliper = o.number("caliper");
    spec.bandwidth = o.number("bandwidth");
    spec.by = o.text("by");
    // Options of the other method, or of a DID not asked for, would be ignored without a word.
    if (spec.method == "kernel" && (spec.ratio != 1 || spec.replace || spec.caliper > 0))
      throw SpecError("psm: ratio, replace and caliper are nearest-neighbour options; kernel matching uses every control within the bandwidth (give bandwidth, or method = nearest)");
    if (spec.method == "nearest" && spec.bandwidth != 0.06)
      throw SpecError("psm: bandwidth is the kernel's; nearest-neighbour matching uses ratio, replace and caliper (give method = kernel to use a bandwidth)");
    if (o.flag("weighted") && !o.has("did"))
      throw SpecError("psm: weighted applies to the matched-sample DID; give did = \"y ~ did | id + year\" with it, or drop weighted");
    FeolsOptions fo;
    DesignOptions d;
    d.panel_unit = ctx.unit;
    d.panel_time = ctx.time;
    if (o.has("did")) {
      fo.vcov = VcovSpec::parse(o.has("vcov") ? o.text("vcov") : d.panel_unit.empty() ? "hc1" : "cluster:" + d.panel_unit, d.panel_time);
      check_vcov("psm", "psm_did", fo.vcov, {!parse_formula(o.text("did")).fixed_effects.empty(), o.flag("weighted")});
    }
    const MatchingResult m = propensity_match(frame, spec);
    std::vector<Table> tables = {balance_table(m, spec)};
    nlohmann::json j = to_json(m);
    const Frame matched = matched_sample(frame, m);
    if (o.has("save")) write_csv(matched, o.text("save"));
    if (o.has("did")) {
      const RegressionResult full = feols(frame, o.text("did"), fo, d);
      if (o.flag("weighted")) d.weights = "_weight";
      const RegressionResult after = feols(matched, o.text("did"), fo, d);
      RegressionTableOptions to;
      to.title = "DID on the full and the propensity-score matched sample";
      to.model_names = {"Full sample", o.flag("weighted") ? "Matched (weighted)" : "Matched"};
      tables.push_back(regression_table({full, after}, to));
      j["did"] = {{"full", to_json(full)}, {"matched", to_json(after)}};
    }
    return Outcome{tables, {}, j};
  };
  return a;
}

}  // namespace cbec
