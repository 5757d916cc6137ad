// placebo: randomization inference for the TWFE DID by random reassignment of treatment.
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/estimate/did/placebo.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"

namespace cbec {

Analysis placebo_analysis() {
  Analysis a;
  a.name = "placebo";
  a.command = "did";
  a.summary = "Placebo test: the DID under random reassignment of treatment (units, timing or both)";
  a.options = staggered_options(kControls | kFixedEffects | kWeights,
                                {count_option("draws", 500, "Placebo draws", 1),
                                 choice_option("mode", {"units", "timing", "both"}, "units", "What is reassigned: the treated units, their timing, or both")});
  a.needs = staggered_needs(true);
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    PlaceboOptions po;
    po.draws = static_cast<size_t>(o.integer("draws"));
    po.mode = o.text("mode");
    po.seed = ctx.resampling.seed;
    po.threads = ctx.resampling.threads;
    po.timer = ctx.timer;
    const PlaceboResult p = placebo_did(frame, staggered_spec(o, ctx), po);
    return Outcome{{placebo_table(p)}, {placebo_histogram("", "Placebo DID estimates", p.draws, p.estimate)}, to_json(p)};
  };
  return a;
}

}  // namespace cbec
