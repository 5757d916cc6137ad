#include "cbec/analysis/did/staggered_options.hpp"

namespace cbec {

std::vector<OptionSpec> staggered_options(int parts, std::vector<OptionSpec> extra) {
  std::vector<OptionSpec> o = {column_option("y", "Outcome variable", true)};
  if (parts & kControls) o.push_back(terms_option("controls", "Control terms, e.g. [\"x1\", \"log(x2)\"] (command line: \"x1 + log(x2)\")"));
  if (parts & kFixedEffects) o.push_back(terms_option("fe", "Further fixed effects beside unit and time, e.g. [\"province^year\"]"));
  if (parts & kVcov) o.push_back(text_option("vcov", "Variance: iid, hc1, cluster:var[+var2], cr2:var, dk[:lag] (default: cluster by unit)"));
  if (parts & kWeights) o.push_back(column_option("weights", "Observation weights variable"));
  o.insert(o.end(), extra.begin(), extra.end());
  return o;
}

StaggeredSpec staggered_spec(const Options& o, const AnalysisContext& ctx) {
  StaggeredSpec s;
  s.y = o.text("y");
  s.unit = ctx.unit;
  s.time = ctx.time;
  s.first_treat = ctx.first_treat;
  s.controls = o.list("controls");
  s.extra_fe = o.list("fe");
  s.vcov = o.text("vcov");
  s.weights = o.text("weights");
  return s;
}

Needs staggered_needs(bool resampling) {
  Needs n;
  n.panel = PanelNeed::Required;
  n.treatment = true;
  n.resampling = resampling;
  return n;
}

}  // namespace cbec
