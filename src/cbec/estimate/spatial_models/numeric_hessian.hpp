// The Hessian of a function of a few parameters by finite differences, with the design of R's
// nlme::fdHess (Pinheiro and Bates 2000), which splm uses for the variance of its random-effects
// variance parameters: steps h_i = |p_i| eps^(1/3) (h_i = 0 when p_i = 0, as fdHess with
// minAbsPar = 0), the function evaluated at p, p +- h_i e_i and p + h_i e_i + h_j e_j (i < j), and
// the full quadratic in the steps fitted through those 1 + 2k + k(k-1)/2 points exactly.
#pragma once
#include <Eigen/Core>

#include <functional>

namespace cbec {

Eigen::MatrixXd numeric_hessian(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& p);

}  // namespace cbec
