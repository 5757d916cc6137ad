// The estimated fixed effects, one value per level (plm::fixef(type = "level"), fixest::fixef),
// recovered after the slopes b: d_i = y_i - x_i'b.
//   One dimension: alpha_g = the (weighted) mean of d over level g, with plm's standard error
//     sqrt(s^2 / T_g + xbar_g' V xbar_g), s^2 = RSS / df_resid, V the slopes' variance (plm::fixef's
//     formula; with V from the chosen --vcov).
//   Two dimensions: the fitted sum alpha_g + gamma_h = d - (d demeaned) split level by level along
//     the observations (a search over the bipartite graph of levels), normalised as fixest: the
//     first dimension's levels are free and, in each connected set of levels, the second
//     dimension's first level is 0: the dummies' coefficients of lm(y ~ 0 + x + factor(unit) +
//     factor(year)) (on a balanced panel also plm::fixef(effect = "individual") of a two-way model;
//     on an unbalanced one plm's levels differ, as plm takes the year effects from year means).
//     No standard errors.
//   More dimensions are refused.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

struct FixedEffectLevels {
  std::string dimension;
  std::vector<std::string> levels;
  Eigen::VectorXd estimate;
  Eigen::VectorXd se;             // empty when not defined (two dimensions)
  std::vector<size_t> nobs;       // observations per level
};

// design: built with the model's fixed effects and not stacked (y and X as columns); fit: its feols result.
std::vector<FixedEffectLevels> fixed_effect_levels(const Design& design, const RegressionResult& fit);

}  // namespace cbec
