// The panel family (`cbec <name>`, study type <name>): descriptives, regressions, classic panel
// estimators, dynamic-panel GMM, threshold regression, heterogeneity, matching, and the steps that add columns
// (transform, treat, regions). One file each.
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis describe_analysis();
Analysis panel_analysis();
Analysis reg_analysis();
Analysis xtreg_analysis();
Analysis gmm_analysis();
Analysis threshold_analysis();
Analysis subgroup_analysis();
Analysis psm_analysis();
Analysis transform_analysis();
Analysis treat_analysis();
Analysis regions_analysis();

}  // namespace cbec
