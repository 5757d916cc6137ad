#include "cbec/analysis/convergence/convergence_analyses.hpp"

namespace cbec {

std::vector<OptionSpec> convergence_options(bool beta) {
  std::vector<OptionSpec> o = {column_option("variable", "Variable (e.g. GDP per capita)", true),
                               column_option("group", "Run separately within the levels of this variable")};
  if (beta) {
    o.push_back(columns_option("controls", "Controls (conditional beta convergence; cross-section: their initial-year values)"));
    o.push_back(text_option("vcov", "Variance: iid, hc1, cluster:var, ... (default: iid for beta, one row per unit; cluster by unit for beta_panel, as fixest with unit fixed effects)"));
  }
  return o;
}

ConvergenceSpec convergence_spec(const Options& o, const AnalysisContext& ctx, const std::string& default_vcov) {
  ConvergenceSpec s;
  s.variable = o.text("variable");
  s.unit = ctx.unit;
  s.time = ctx.time;
  s.group = o.text("group");
  s.controls = o.list("controls");
  s.logs = !o.flag("levels");
  if (o.has("fe")) s.fe = o.text("fe");
  s.vcov = VcovSpec::parse(o.has("vcov") ? o.text("vcov") : default_vcov, ctx.time);
  return s;
}

Needs convergence_needs() {
  Needs n;
  n.panel = PanelNeed::Required;
  return n;
}

}  // namespace cbec
