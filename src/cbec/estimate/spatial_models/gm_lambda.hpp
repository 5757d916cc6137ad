// Kelejian & Prucha (1999) generalized moments estimate of the spatial error parameter lambda
// from regression residuals u (u = lambda W u + e): the three moment equations (KP 1999, eq. 7-9)
// G (lambda, lambda^2, sigma^2)' = g with Wu and W^2u, solved by nonlinear least squares as
// spatialreg's .kpgm (sigma^2 concentrated out, lambda at the global minimum: a grid, then Brent's
// method). Shared by the GM error model (gm_error.hpp) and the GM SAC model (gm_sac.hpp).
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

namespace cbec {

double gm_lambda(const Eigen::VectorXd& u, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w);

}  // namespace cbec
