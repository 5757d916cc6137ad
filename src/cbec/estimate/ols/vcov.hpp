// Variance estimators for linear models: IID, heteroskedasticity-robust HC0-HC3, one- and
// multi-way cluster-robust CR1, CR2 with Bell-McCaffrey degrees of freedom, Driscoll-Kraay.
//
// Conventions (documented in README "Inference"):
//   K = number of regressors + parameters absorbed by fixed effects.
//   iid:  s^2 (X'WX)^-1, s^2 = e'We / (n - K), t with n - K df.
//   HC1:  n / (n - K) * HC0 (Stata `robust`, sandwich HC1); HC2/HC3 as MacKinnon and White (1985).
//   CR1:  G/(G-1) * (n-1)/(n-K') * sum_g s_g s_g' sandwich, K' excluding fixed effects nested in a
//         cluster variable (Stata reghdfe, fixest "nested"); t with G-1 df. Multi-way: Cameron,
//         Gelbach and Miller (2011) inclusion-exclusion, every term scaled with G_min (fixest's
//         default cluster.df = "min"; "each" uses each term's own G as sandwich::vcovCL).
//   CR2:  Bell and McCaffrey (2002) adjustment A_g = (I - H_gg)^(-1/2), with Satterthwaite degrees of
//         freedom per coefficient (Pustejovsky and Tipton 2018, eq. 11), as clubSandwich. H_gg is the
//         leverage of the full design including absorbed fixed-effect dummies (clubSandwich on lm
//         with factor dummies = estimatr lm_robust(fixed_effects =, se_type = "CR2")); random
//         effects: cr2_random_effects, the RE working covariance as target (clubSandwich on plm).
//   DK:   Driscoll and Kraay (1998): Newey-West (Bartlett) on cross-sectional sums of scores, lag
//         floor(T^(1/4)) by default, no small-sample factor (plm::vcovSCC); t with n - K df.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

struct VcovSpec {
  std::string type = "iid";           // iid, HC0, HC1, HC2, HC3, CR1, CR2, DK
  std::vector<std::string> cluster;   // CR1 (one or more), CR2 (one)
  std::string time;                   // DK: time variable
  int lag = -1;                       // DK: -1 = floor(T^(1/4))
  std::string multiway_df = "min";    // CR1 with several cluster variables: "min" or "each"

  // Parses "iid", "hc1", "cluster:firm", "cluster:firm+year", "cr2:firm", "dk", "dk:3".
  static VcovSpec parse(const std::string& text, const std::string& panel_time = "");
  std::string describe() const;
  // Grouping variables the design must carry.
  std::vector<std::string> groups() const;
};

// Everything a sandwich needs. Z: regressors after fixed effects are partialled out (for 2SLS the
// second-stage regressors with fitted endogenous variables); bread = (Z'WZ)^-1.
struct VcovInput {
  Eigen::Ref<const Eigen::MatrixXd> Z;
  const Eigen::VectorXd& resid;
  const Eigen::VectorXd& weights;     // empty when unweighted
  const Eigen::MatrixXd& bread;
  const Design& design;
  size_t n_regressors = 0;            // columns of Z
  size_t absorbed = 0;                // parameters absorbed by fixed effects
};

struct VcovOutput {
  Eigen::MatrixXd V;
  VcovInfo info;
  std::vector<std::string> warnings;
};

VcovOutput compute_vcov(const VcovSpec& spec, const VcovInput& in);

// CR2 after a random-effects (GLS) fit, targeting the fitted working covariance
// Phi = I + ratio * J within each unit (ratio = sigma_u^2 / sigma_e^2), as clubSandwich::vcovCR on
// plm(model = "random") (Pustejovsky and Tipton 2018, JBES 36(4), section 2): A_g = D_g' [D_g (Phi_g - X_g M X_g') D_g']^(-1/2) D_g,
// D_g the upper Cholesky factor of Phi_g, M = (X' Phi^-1 X)^-1 (`bread`), V = M sum_g X_g' Phi_g^-1 A_g e_g e_g' A_g Phi_g^-1 X_g M
// with X and e = y - X b untransformed; Satterthwaite df under the working model. The unit must be
// nested in the cluster variable.
VcovOutput cr2_random_effects(const VcovSpec& spec, const Eigen::MatrixXd& X, const Eigen::VectorXd& resid,
                              const Eigen::MatrixXd& bread, const Design& design, const Factor& unit, double ratio);

}  // namespace cbec
