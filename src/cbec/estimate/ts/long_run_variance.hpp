// Kernel estimates of the long-run variance of a series u_1..u_n (mean zero by construction, e.g.
// residuals): Omega = gamma_0 + 2 sum_{j=1}^{n-1} k(j / b) gamma_j, gamma_j = (1/n) sum_t u_t u_{t-j},
// with the kernels of Andrews (1991, eq. 2.7): Bartlett k(x) = 1 - |x| (|x| <= 1), Parzen, and the
// quadratic spectral k(x) = 25/(12 pi^2 x^2) (sin(6 pi x/5)/(6 pi x/5) - cos(6 pi x/5)).
// The bandwidth b is sandwich's: Bartlett weights 1 - j/b, so Newey and West's (1987) lag L is
// b = L + 1.
#pragma once
#include <Eigen/Core>

#include <string>

namespace cbec {

enum class Kernel { Bartlett, Parzen, QuadraticSpectral };

Kernel parse_kernel(const std::string& name);   // "bartlett", "parzen", "qs"
double kernel_weight(Kernel k, double x);
double long_run_variance(const Eigen::VectorXd& u, Kernel k, double bandwidth);

// Newey and West's (1994, Rev. Econ. Studies 61, sec. 3) data-dependent bandwidth, as sandwich's
// bwNeweyWest without prewhitening: m = floor(4 (n/100)^r) autocovariances sigma_j (over n),
// r = 2/9 (Bartlett) or 2/25 (QS) or 4/25 (Parzen); s0 = sigma_0 + 2 sum sigma_j,
// s_q = 2 sum j^q sigma_j; b = c ((s_q / s0)^2 n)^(1/(2q+1)) with q = 1, c = 1.1447 (Bartlett) and
// q = 2, c = 2.6614 (Parzen), 1.3221 (QS).
double newey_west_bandwidth(const Eigen::VectorXd& u, Kernel k);
// Andrews' (1991, Econometrica 59, eq. 6.2-6.4) AR(1) plug-in bandwidth, as sandwich's bwAndrews
// without prewhitening: rho the OLS slope of u_t on (1, u_{t-1}); alpha(1) = 4 rho^2 / ((1-rho)^2 (1+rho)^2),
// alpha(2) = 4 rho^2 / (1-rho)^4; b = 1.1447 (alpha(1) n)^(1/3) (Bartlett), 2.6614 (alpha(2) n)^(1/5)
// (Parzen), 1.3221 (alpha(2) n)^(1/5) (QS).
double andrews_bandwidth(const Eigen::VectorXd& u, Kernel k);

}  // namespace cbec
