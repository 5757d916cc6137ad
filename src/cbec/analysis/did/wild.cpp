// wild: the wild cluster bootstrap (WCR, null imposed) of the TWFE DID coefficient.
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/estimate/did/wild_bootstrap.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"

namespace cbec {

Analysis wild_analysis() {
  Analysis a;
  a.name = "wild";
  a.command = "did";
  a.summary = "Wild cluster bootstrap of the DID (null imposed, CI by test inversion; enumerates all sign vectors when few clusters)";
  a.options = staggered_options(kControls | kFixedEffects | kWeights,
                                {count_option("draws", 9999, "Bootstrap draws", 1),
                                 choice_option("boot_weights", {"rademacher", "webb"}, "rademacher",
                                               "Bootstrap weights (Rademacher as boottest and fwildclusterboot; Webb with very few clusters)")});
  a.needs = staggered_needs(true);
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    StageLap lap(ctx.timer);
    const StaggeredSpec spec = staggered_spec(o, ctx);
    const Frame f = with_did(frame, spec);
    DesignOptions d;
    d.weights = spec.weights;
    d.groups = {spec.unit};
    const Design des = build_design(f, parse_formula(spec.formula({"did"})), d);
    lap.lap(Stage::Design);
    WildBootstrapOptions wo;
    wo.draws = static_cast<size_t>(o.integer("draws"));
    wo.weight_type = o.text("boot_weights");
    wo.seed = ctx.resampling.seed;
    wo.threads = ctx.resampling.threads;
    const WildBootstrapResult w = wild_cluster_bootstrap(des, "did", spec.unit, wo);
    lap.lap(Stage::Replications);  // the estimate, the draws and the test inversion: mostly the draws
    return Outcome{{wild_bootstrap_table(w, ctx.truth)}, {}, to_json(w)};
  };
  return a;
}

}  // namespace cbec
