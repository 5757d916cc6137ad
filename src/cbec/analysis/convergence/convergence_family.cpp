#include "cbec/analysis/convergence/convergence_analyses.hpp"
#include "cbec/analysis/family.hpp"

namespace cbec {

Family convergence_family() {
  Family f;
  f.analyses = {sigma_analysis(), beta_analysis(), beta_panel_analysis(), club_analysis(), inequality_analysis()};
  f.groups = {{"converge", "Sigma and beta convergence (cross-section or panel) by subgroup; Phillips-Sul convergence clubs; regional inequality (Theil, Dagum Gini)", "method", false, "sigma", {}}};
  f.renamed = {{"sigma_convergence", "sigma"}, {"beta_convergence", "beta_panel"}};
  return f;
}

}  // namespace cbec
