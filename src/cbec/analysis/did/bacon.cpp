// bacon: Goodman-Bacon's (2021) decomposition of the TWFE DID into its 2x2 comparisons.
#include <fmt/format.h>

#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/estimate/did/bacon.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"

namespace cbec {

Analysis bacon_analysis() {
  Analysis a;
  a.name = "bacon";
  a.command = "did";
  a.summary = "Goodman-Bacon decomposition of the TWFE DID estimate";
  a.options = staggered_options(0);
  a.needs = staggered_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const StaggeredSpec spec = staggered_spec(o, ctx);
    const BaconResult b = bacon_decomposition(frame, spec);
    const std::string decomposed = fmt::format("{} ~ did | {} + {} (no controls, unweighted, balanced panel)", spec.y, spec.unit, spec.time);
    return Outcome{{bacon_table(b, decomposed, ctx.truth)}, {}, to_json(b)};
  };
  return a;
}

}  // namespace cbec
