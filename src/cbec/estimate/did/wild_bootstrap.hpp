// Wild cluster bootstrap-t with the null imposed (WCR; Cameron, Gelbach and Miller 2008; MacKinnon
// and Webb 2017), for one coefficient of a linear model with fixed effects: p-value for
// H0: beta_j = theta and a confidence interval by test inversion (as Stata's boottest, Roodman et al.
// 2019). Rademacher or Webb six-point weights; with Rademacher weights and 2^G <= draws every sign
// vector is enumerated, so the p-value is exact.
//
// Each draw costs O(k G): with the model partialled off the fixed effects (FWL), the bootstrap
// coefficients are beta* = beta_0 + sum_g v_g a_g, a_g = M X_g' W_g u_g, and the cluster scores
// needed for the CR1 standard error are v_g a_gj - (H_g m_j)' sum_h v_h a_h (Roodman et al. 2019, sec. 3).
#pragma once
#include <cstdint>
#include <string>

#include "cbec/formula/design.hpp"

namespace cbec {

struct WildBootstrapOptions {
  size_t draws = 9999;
  uint64_t seed = 12345;
  std::string weight_type = "rademacher";  // rademacher, webb
  double null_value = 0;
  double level = 0.95;
  bool confidence_interval = true;
  int threads = 0;
};

struct WildBootstrapResult {
  std::string term, cluster, weight_type;
  double estimate = 0, t_stat = 0, p_value = 0;
  double ci_low = 0, ci_high = 0;
  size_t draws = 0, n_clusters = 0;
  bool enumerated = false;
  double null_value = 0;
};

// `design` must carry the cluster variable in its groups.
WildBootstrapResult wild_cluster_bootstrap(const Design& design, const std::string& term, const std::string& cluster,
                                           const WildBootstrapOptions& options = {});

}  // namespace cbec
