// One experiment of the simulation behind cbec's Dickey-Fuller tau tables (MacKinnon 1996, JAE 11(6),
// sec. 3-4): R replications of a random walk under the null,
//   y_0 = 0, y_t = y_{t-1} + e_t, e_t iid N(0, 1), t = 1..T,
// each giving the tau of the regressions dy_t = rho y_{t-1} + d_t' delta + u_t (t = 1..T: T
// observations) with d_t none (nc), 1 (c) or (1, t) (ct), tau = rho_hat / se(rho_hat),
// se^2 = [rss / (T - K)] / (y_{-1}' M y_{-1}); then the quantiles of the R taus at the 221 probabilities.
#pragma once
#include <array>
#include <cstddef>

#include "cbec/estimate/ts/df_tau_probabilities.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec::df_tau {

constexpr size_t n_cases = 3;   // nc, c, ct
using Quantiles = std::array<std::array<double, df_tau_n_probabilities>, n_cases>;

// Standard normal draws by Marsaglia and Bray's (1964) polar method: (v1, v2) uniform in the unit
// disc, s = v1^2 + v2^2; v1 sqrt(-2 ln s / s) and v2 sqrt(-2 ln s / s) are independent N(0, 1).
class NormalSource {
 public:
  explicit NormalSource(Rng& rng) : rng_(rng) {}
  double next();

 private:
  Rng& rng_;
  double spare_ = 0;
  bool has_spare_ = false;
};

// tau_nc, tau_c, tau_ct of one simulated random walk of T steps.
std::array<double, n_cases> simulate_taus(int T, NormalSource& normal);

// The quantiles of `replications` taus of size T drawn from `rng`, per case.
Quantiles experiment_quantiles(int T, size_t replications, Rng rng);

}  // namespace cbec::df_tau
