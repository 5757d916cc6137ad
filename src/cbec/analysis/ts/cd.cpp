// cd: cross-section dependence tests (Pesaran CD, Breusch-Pagan LM, scaled LM, bias-corrected
// scaled LM) on a variable or on the residuals of per-unit, within or pooled regressions.
#include <nlohmann/json.hpp>

#include "cbec/analysis/ts/ts_analyses.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/estimate/ts/cross_dependence.hpp"
#include "cbec/report/ts_json.hpp"
#include "cbec/report/ts_tables.hpp"

namespace cbec {

Analysis cd_analysis() {
  Analysis a;
  a.name = "cd";
  a.command = "ts";
  a.summary = "Cross-section dependence: Pesaran CD, Breusch-Pagan LM, scaled and bias-corrected scaled LM";
  a.options = {column_option("variable", "The variable (the regression's response with controls)", true),
               columns_option("controls", "Regressors whose residuals are tested (with residuals = unit, within or pooling)"),
               choice_option("residuals", {"unit", "within", "pooling", "none"}, "unit",
                             "Residuals of a regression per unit (plm's default), the within regression, pooled OLS, or none: the variable itself")};
  a.needs = ts_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    Panel declared;
    const Panel& panel = ctx.panel ? *ctx.panel : (declared = declare_panel(frame, ctx.unit, ctx.time));
    const CrossDependenceResult r = cross_dependence(frame, panel, o.text("variable"), o.list("controls"), o.text("residuals"));
    Outcome out;
    out.json = to_json(r);
    out.json["method"] = "cd";
    out.tables.push_back(cross_dependence_table(r));
    if (o.text("residuals") != "within")
      out.tables.back().notes.push_back("The bias-corrected scaled LM (Baltagi, Feng and Kao 2012) corrects the scaled LM of within "
                                        "residuals; with these residuals read the other statistics (plm's pcdtest refuses it here).");
    return out;
  };
  return a;
}

}  // namespace cbec
