// twfe: the multi-period (staggered) DID by two-way fixed effects, with de Chaisemartin and
// D'Haultfoeuille's (2020) negative-weights diagnostic beside it.
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/analysis/table_options.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/twfe_weights.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

Analysis twfe_analysis() {
  Analysis a;
  a.name = "twfe";
  a.command = "did";
  a.summary = "Multi-period DID by two-way fixed effects, with the negative-weights diagnostic";
  a.options = staggered_options(kControls | kFixedEffects | kVcov | kWeights);
  a.needs = staggered_needs();
  a.regression_tables = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const StaggeredSpec spec = staggered_spec(o, ctx);
    check_vcov("twfe", "twfe", spec.vcov_spec(), {true, !spec.weights.empty()});
    const RegressionResult r = twfe_did(frame, spec);
    const TwfeWeightsResult tw = twfe_weights(frame, spec);
    RegressionTableOptions to = table_options(o, ctx);
    to.title = "Two-way fixed-effects DID";
    Table t = regression_table({r}, to);
    add_truth_note(t, ctx.truth);
    t.notes.push_back("Diagnostic (de Chaisemartin and D'Haultfoeuille 2020): " + tw.verdict);
    nlohmann::json j = to_json(r);
    j["twfe_weights"] = to_json(tw);
    return Outcome{{t}, {}, j};
  };
  return a;
}

}  // namespace cbec
