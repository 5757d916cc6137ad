// subgroup: a model fitted in two groups side by side, with the z test and Fisher's permutation
// test that a coefficient is equal in both.
#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/estimate/did/subgroup.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/report/panel_json.hpp"
#include "cbec/report/panel_tables.hpp"

namespace cbec {

Analysis subgroup_analysis() {
  Analysis a;
  a.name = "subgroup";
  a.command = "subgroup";
  a.summary = "Heterogeneity: a model in two groups and tests that a coefficient is equal in both";
  const OptionSpec formula = formula_option("Formula, e.g. \"y ~ did + x | city + year\"");
  OptionSpec term = text_option("term", "The coefficient compared");
  term.required = true;
  a.options = {formula, column_option("group", "Two-valued variable, constant within each unit", true), term,
               text_option("vcov", "Variance (default: cluster by unit)"),
               count_option("draws", 1000, "Permutation draws (0: none)")};
  a.needs.panel = PanelNeed::Required;   // labels are permuted across units
  a.needs.resampling = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    SubgroupSpec spec;
    spec.formula = o.text("formula");
    spec.group = o.text("group");
    spec.term = o.text("term");
    spec.unit = ctx.unit;
    spec.panel_time = ctx.time;
    spec.vcov = VcovSpec::parse(o.has("vcov") ? o.text("vcov") : "cluster:" + spec.unit, spec.panel_time);
    check_vcov("subgroup", "subgroup", spec.vcov, {!parse_formula(spec.formula).fixed_effects.empty(), false});
    spec.draws = static_cast<size_t>(o.integer("draws"));
    spec.seed = ctx.resampling.seed;
    spec.threads = ctx.resampling.threads;
    const SubgroupResult r = subgroup_difference(frame, spec);
    return Outcome{{subgroup_table(r, spec.formula)}, {}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
