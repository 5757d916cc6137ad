// mediation: the three-step mediation test of the DID (Baron-Kenny with a Sobel test and a cluster
// bootstrap interval of the indirect effect).
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/estimate/did/mediation.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"

namespace cbec {

Analysis mediation_analysis() {
  Analysis a;
  a.name = "mediation";
  a.command = "did";
  a.summary = "Mediation of the DID: three steps, Sobel test, cluster bootstrap CI of the indirect effect";
  a.options = staggered_options(kControls | kFixedEffects,
                                {column_option("mediator", "Mediator variable", true), count_option("draws", 500, "Cluster bootstrap draws", 1)});
  a.needs = staggered_needs(true);
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const StaggeredSpec spec = staggered_spec(o, ctx);
    const Frame f = with_did(frame, spec);
    MediationSpec ms;
    ms.y = spec.y;
    ms.treatment = "did";
    ms.mediator = o.text("mediator");
    ms.unit = spec.unit;
    ms.controls = spec.controls;
    ms.fixed_effects = {spec.unit, spec.time};
    ms.fixed_effects.insert(ms.fixed_effects.end(), spec.extra_fe.begin(), spec.extra_fe.end());
    ms.draws = static_cast<size_t>(o.integer("draws"));
    ms.seed = ctx.resampling.seed;
    ms.threads = ctx.resampling.threads;
    const MediationResult m = mediation(f, ms);
    return Outcome{{mediation_table(m)}, {}, to_json(m)};
  };
  return a;
}

}  // namespace cbec
