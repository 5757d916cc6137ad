// didm: de Chaisemartin and D'Haultfoeuille's (2020) DID_M, with placebos and dynamic effects.
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/did/did_multiplegt.hpp"
#include "cbec/report/did_estimates.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_multiplegt_table.hpp"

namespace cbec {

Analysis didm_analysis() {
  Analysis a;
  a.name = "didm";
  a.command = "did";
  a.summary = "de Chaisemartin-D'Haultfoeuille DID_M (treatments that switch on and off), placebos, dynamic effects";
  a.options = staggered_options(0, {column_option("treatment", "A 0/1 treatment column that may switch on and off (instead of the first treatment period)"),
                                    count_option("placebo", 0, "Placebo lags"), count_option("dynamic", 0, "Dynamic effects l = 1..L"),
                                    count_option("draws", 500, "Unit bootstrap draws (0: no standard errors)")});
  a.needs = staggered_needs(true);
  a.needs.treatment = false;   // the first treatment period or a 0/1 treatment column
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    if (ctx.first_treat.empty() && !o.has("treatment"))
      throw SpecError("didm needs the first treatment period of each unit (--first-treat) or a 0/1 treatment column (treatment)");
    DidMultiplegtOptions dm;
    dm.treatment = o.text("treatment");
    dm.placebo = static_cast<int>(o.integer("placebo"));
    dm.dynamic = static_cast<int>(o.integer("dynamic"));
    dm.draws = static_cast<size_t>(o.integer("draws"));
    dm.seed = ctx.resampling.seed;
    dm.threads = ctx.resampling.threads;
    const StaggeredSpec spec = staggered_spec(o, ctx);
    const DidMultiplegtResult r = did_multiplegt(frame, spec, dm);
    nlohmann::json j = to_json(r);
    j["estimates"] = nlohmann::json::array({to_json(att_column(r, spec.y))});
    return Outcome{{did_multiplegt_table(r)}, {}, j};
  };
  return a;
}

}  // namespace cbec
