// The Hessian of a smooth function of a few parameters by central differences (Abramowitz and
// Stegun 1972, 25.3.23 and 25.3.26): steps h_i = 1e-4 max(|p_i|, 1),
//   H_ii = (f(p + h_i e_i) - 2 f(p) + f(p - h_i e_i)) / h_i^2,
//   H_ij = (f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j),
// truncation error O(h^2). R's nlme::fdHess, which splm uses for its random-effects variance
// parameters, takes steps |p_i| eps^(1/3) and one-sided cross differences: on a log-likelihood of
// size 1e3 its rounding error reaches 1e-3 to 1e-2 of the Hessian, so the two agree to about that.
#pragma once
#include <Eigen/Core>

#include <functional>

namespace cbec {

Eigen::MatrixXd numeric_hessian(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& p);

}  // namespace cbec
