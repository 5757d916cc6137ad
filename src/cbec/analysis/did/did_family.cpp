#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/family.hpp"

namespace cbec {

Family did_family() {
  Family f;
  f.analyses = {twfe_analysis(), event_analysis(), sunab_analysis(), cs_analysis(), imputation_analysis(),
                didm_analysis(), bacon_analysis(), placebo_analysis(), wild_analysis(), mediation_analysis()};
  f.groups = {{"did", "Staggered difference-in-differences", "method", false, "twfe", {}}};
  f.renamed = {{"twfe_did", "twfe"}, {"event_study", "event"}, {"sun_abraham", "sunab"}, {"callaway_santanna", "cs"}, {"wild_bootstrap", "wild"}};
  return f;
}

}  // namespace cbec
