// Multiplier bootstrap of asymptotically linear estimators from their influence functions
// (Callaway and Sant'Anna 2021, sec. 4, Algorithm 1; as BMisc::multiplier_bootstrap and did::mboot):
// draw b gives sqrt(n) * mean_i(U_ib psi_i) with Rademacher U; with clusters the influence
// functions are first averaged within clusters and n is the number of clusters. Standard errors
// are the bootstrap interquartile range over (z_.75 - z_.25), divided by sqrt(n); sup-t critical
// values give uniform confidence bands. Quantiles are R's type 1 (inverse empirical CDF), as did.
#pragma once
#include <Eigen/Dense>

#include <cstdint>
#include <vector>

namespace cbec {

struct MultiplierBootstrap {
  Eigen::MatrixXd draws;  // draws x columns
  Eigen::VectorXd se;     // NaN for columns whose draws are (numerically) all zero
  Eigen::VectorXd sigma;  // IQR-based scale of each column's draws
  size_t n_clusters = 0;
};

// influence: n x M; cluster: empty (each row its own cluster) or a code 0..G-1 per row.
MultiplierBootstrap multiplier_bootstrap(const Eigen::MatrixXd& influence, const std::vector<int32_t>& cluster,
                                         size_t draws, uint64_t seed, int threads = 0);

// The `level` quantile over draws of max_k |draw_k| / sigma_k for the given columns (skipping
// degenerate ones); NaN when no column is usable.
double sup_t_critical_value(const MultiplierBootstrap& boot, const std::vector<Eigen::Index>& columns, double level);

// R's quantile(x, p, type = 1).
double quantile_type1(std::vector<double> x, double p);

}  // namespace cbec
