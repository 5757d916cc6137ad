// Kapoor, Kelejian and Prucha (2007, J. Econometrics 140, 97-130) generalized moments for the
// spatial error parameter of a panel with error components, u_t = lambda W u_t + e_t, e = mu + v,
// as splm 1.6-5 computes them (fs, fswithin, pw, pwbetween, tw; arg, arg1, arg2).
//
// With ub = W u and ubb = W W u, each block of three moments (KKP 2007, eq. 9 and 10) reads
//   G (lambda, lambda^2, s)' = g,
//   G = [ 2 u'ub        -ub'ub      1       ]       g = [ u'u   ]
//       [ 2 ubb'ub      -ubb'ubb    tr/n    ] / d       [ ub'ub ] / d
//       [ u'ubb + ub'ub -ub'ubb     0       ]           [ u'ub  ]
// (the last column not divided by d), tr = tr(W'W), n the units:
//   the within block, s = sigma_v^2: u the deviations of the residuals from their unit means
//   (Q0 u), d = n (T - 1);
//   the between block, s = sigma_1^2 = sigma_v^2 + T sigma_mu^2: u = sqrt(T) times the residuals'
//   unit means (Q1 u summed over periods), d = n.
// Estimators (KKP 2007, section 3):
//   initial: (lambda, sigma_v^2) minimise |G (lambda, lambda^2, sigma_v^2)' - g|^2 on the within
//     block, sigma_1^2 = (u - lambda ub)'(u - lambda ub) / n on the between block (KKP's step 1);
//   weights: (lambda, sigma_v^2, sigma_1^2) minimise v' Xi^-1 v over both blocks,
//     Xi = diag(sigma_v^4 / (T - 1), sigma_1^4) (x) I_3 at the initial estimates (KKP's step 2
//     with the simplified weights); fullweights: (x) T_W in place of I_3 (KKP eq. 17):
//     T_W = [2, 2 t1, 0; 2 t1, 2 t2, t3; 0, t3, t4], t1 = tr(W'W)/n, t2 = tr(W'W W'W)/n,
//     t3 = tr(W'W (W + W'))/n, t4 = tr(W W + W'W)/n.
// lambda is bounded to [-0.999, 0.999] and the variances to [0, inf) as splm's nlminb. Each variance
// enters one block linearly, so it is concentrated out (a clipped least-squares step) and lambda
// found by a grid and Brent's method on the concentrated criterion. (splm's nlminb can stop short of
// the weighted criterion's minimum, "false convergence", the criterion being scaled by 1/sigma_v^4:
// on Produc with moments = "weights"; cbec's estimates are then those at the minimum.)
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <string>

namespace cbec {

enum class GmMoments { Initial, Weights, FullWeights };
GmMoments parse_gm_moments(const std::string& name);   // initial, weights, fullweights
std::string gm_moments_name(GmMoments m);

struct KkpBlock {
  Eigen::Matrix3d G;
  Eigen::Vector3d g;
};

// One block from u (n x columns: the periods' within deviations, or the one between column).
KkpBlock kkp_block(const Eigen::MatrixXd& u, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, double divisor);

struct KkpEstimate {
  double lambda = 0, sigma2_v = 0, sigma2_1 = 0;
};

// The estimates from the within and between blocks; T the periods.
KkpEstimate kkp_estimate(const KkpBlock& within, const KkpBlock& between, GmMoments moments, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w,
                         double periods);
// The within block alone (lambda, sigma_v^2): the initial step, all there is with fixed effects.
KkpEstimate kkp_within_estimate(const KkpBlock& within);

}  // namespace cbec
