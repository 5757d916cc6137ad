// gmm: dynamic-panel GMM, Arellano-Bond difference GMM and Blundell-Bond system GMM (one- or
// two-step, Windmeijer standard errors, Hansen J, AR(1)/AR(2)), as R plm's pgmm.
#include "cbec/analysis/panel/panel_analyses.hpp"
#include "cbec/estimate/panel/gmm.hpp"
#include "cbec/report/gmm_json.hpp"

namespace cbec {

Analysis gmm_analysis() {
  Analysis a;
  a.name = "gmm";
  a.command = "gmm";
  a.summary = "Dynamic-panel GMM (pgmm / xtabond2): Arellano-Bond difference, Blundell-Bond system; Windmeijer SEs, Hansen J, AR(1)/AR(2)";
  OptionSpec steps = count_option("steps", 1, "1: one-step, 2: two-step (efficient weight from the one-step residuals)", 1);
  steps.max = 2;
  a.options = {formula_option("pgmm-style formula: \"y ~ l(y, 1:2) + l(x, 0:1) + k | l(y, 2:99) [| iv instruments]\"; "
                              "part 2: GMM-style instruments l(var, from:to); part 3: standard instruments "
                              "(default: the regressors whose variable has no GMM-style instruments)"),
               choice_option("model", {"difference", "system"}, "difference",
                             "difference: Arellano-Bond (1991); system: Blundell-Bond (1998), adds the levels equation"),
               steps,
               flag_option("collapse", "One instrument column per lag instead of one per lag and period (Roodman 2009)"),
               choice_option("effect", {"twoways", "individual"}, "twoways", "twoways: with time effects (pgmm's default); individual: without"),
               choice_option("se", {"robust", "classic"}, "robust",
                             "robust: Windmeijer (2005) for two-step, the sandwich for one-step; classic: pgmm's vcov()"),
               choice_option("level_lag", {"pgmm", "xtabond2"}, "pgmm",
                             "System GMM: the levels equation's instrument is Delta x_{t-1} (pgmm) or Delta x_{t-a+1} for l(x, a:b) (xtabond2)")};
  a.needs.panel = PanelNeed::Required;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    GmmSpec s;
    s.formula = o.text("formula");
    s.unit = ctx.unit;
    s.time = ctx.time;
    s.layout.model = o.text("model") == "system" ? GmmModel::System : GmmModel::Difference;
    s.layout.collapse = o.flag("collapse");
    s.layout.time_effects = o.text("effect") == "twoways";
    s.layout.level_lag = o.text("level_lag") == "xtabond2" ? LevelLag::Xtabond2 : LevelLag::Pgmm;
    s.steps = static_cast<int>(o.integer("steps"));
    s.robust = o.text("se") == "robust";
    const GmmResult r = gmm(frame, s);
    return Outcome{{gmm_table(r)}, {}, to_json(r)};
  };
  return a;
}

}  // namespace cbec
