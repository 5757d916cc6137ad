// The staggered-DID analyses (`cbec did --method <name>`, study type <name>), one file each.
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis twfe_analysis();
Analysis event_analysis();
Analysis sunab_analysis();
Analysis cs_analysis();
Analysis imputation_analysis();
Analysis didm_analysis();
Analysis bacon_analysis();
Analysis placebo_analysis();
Analysis wild_analysis();
Analysis mediation_analysis();

}  // namespace cbec
