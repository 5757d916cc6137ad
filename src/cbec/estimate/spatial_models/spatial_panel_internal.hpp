// Pieces shared by the spatial panel estimators (spatial_panel.cpp, spatial_panel_sac.cpp,
// spatial_panel_effect_dummies.cpp).
#pragma once
#include <Eigen/Core>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

// The spatial parameter's search interval: the admissible interval `iv` without its ends (1e-9 of
// its span), where |I - rho W| is 0.
inline std::pair<double, double> search_interior(std::pair<double, double> iv) {
  const double span = iv.second - iv.first;
  return {iv.first + 1e-9 * span, iv.second - 1e-9 * span};
}
// The grid of cell midpoints each spatial parameter's search starts from where the profile
// likelihood can have two peaks (SAC; random effects): a Brent search over the whole interval
// stopped at the lower, 2 to 16 log-likelihood units below splm's (spatial_ml_search.hpp).
constexpr int kSpatialPanelGridCells = 20;
// A warning in `warnings` when a spatial parameter in `spatial` lies within 1e-6 of the span of a
// bound of its admissible interval `iv` (0 for a parameter the model does not have).
void warn_at_bound(const std::vector<double>& spatial, std::pair<double, double> iv, std::vector<std::string>& warnings);
// The dimensions the effect absorbs, as results list them: "unit" and/or "period" with their levels.
std::vector<std::pair<std::string, size_t>> absorbed_dimensions(const SpatialPanelData& d, SpatialPanelEffect e);
// The root of the score near Brent's maximum x, when the score brackets one within 1e-5 of it (Brent
// locates a maximum only to about sqrt(eps)); x otherwise.
double polish(const std::function<double(double)>& score, double x, double lo, double hi);
// W_t v_t (transposed: W_t' v_t) for every period t, stacked in the observations' order.
Eigen::MatrixXd panel_spatial_lag(const SpatialPanelData& d, const Eigen::MatrixXd& v, bool transposed = false);
// The data of the spatial Durbin model: X followed by W X of every regressor but the intercept, or
// of those named in `terms` (durbin_terms.hpp), named "W.x" (Elhorst 2014, eq. 2.2: y = rho W y +
// X beta + W X theta + e).
SpatialPanelData with_durbin_regressors(const SpatialPanelData& d, const std::vector<std::string>& terms);
// The within transformation Q of the effect (none when pooled), exact for unbalanced panels.
Eigen::MatrixXd panel_within(const SpatialPanelData& d, SpatialPanelEffect e, Eigen::MatrixXd m);
// Refuses by name a regressor absorbed by the effect (one that does not vary within units under unit
// effects, across units under time effects) or collinear with the regressors before it, from the
// regressors after (`within`) and before (`raw`) the transformation, by feols's rule
// (collinearity.hpp): a rank test of `within` alone passes the rounding noise such a column keeps.
void refuse_dependent_regressors(const Eigen::MatrixXd& within, const Eigen::MatrixXd& raw, const std::vector<std::string>& names,
                                 SpatialPanelEffect e);
void refuse_dependent_regressors(const Eigen::MatrixXd& within, const Eigen::VectorXd& raw_ss, const std::vector<std::string>& names,
                                 SpatialPanelEffect e);
// Refuses a dependent variable with nothing to explain: constant, or (after the effect's within
// transformation, `within`; y itself when pooled or random) varying only across units or periods the
// effects absorb (sigma^2 0, ln L infinite).
void refuse_constant_response(const Eigen::VectorXd& within, const Eigen::VectorXd& raw, const std::string& name, SpatialPanelEffect e);
// The SAC, and the SEM with fixed effects, on an unbalanced panel: the likelihood with the effect
// dummies filtered by (I - lambda W_t), each period's W_t (spatial_panel_effect_dummies.cpp).
SpatialPanelResult spatial_panel_effect_dummies(const SpatialPanelData& d, const SpatialPanelOptions& o);

}  // namespace cbec
