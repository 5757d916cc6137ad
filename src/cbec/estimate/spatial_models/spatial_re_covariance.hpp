// The error covariance of the random-effects spatial panel models (spatial_panel_re.hpp) on a
// balanced or unbalanced panel. N rows, n units, unit i present in T_i periods, D (N x n) the unit
// dummies of the rows present, S_t the selection of period t's units, B_t = I - lambda W_t on the
// units present in t (W_t their weights), B = blockdiag_t B_t, Var(u) = sigma^2 Sigma,
// phi = sigma_mu^2 / sigma^2. For the regression's columns z (N x m) it gives z'Sigma^-1 z and
// ln|Sigma|^-1/2 at (phi, lambda):
//  - no spatial error (SAR-RE, SDM-RE): Sigma = I + phi D D', block-diagonal by unit (Baltagi 2013,
//    Econometric Analysis of Panel Data, 5th ed., section 9.2, the unbalanced one-way error
//    component model): Sigma_i^-1 = E_{T_i} + Jbar_{T_i} / (T_i phi + 1), ln|Sigma|^-1/2 =
//    -1/2 sum_i ln(T_i phi + 1); z'Sigma^-1 z from the deviations from the unit means and, per
//    distinct T_i, the sum of the unit means' squares.
//  - kkp (Kapoor, Kelejian and Prucha 2007, J. Econometrics 140, section 2; u_t = lambda W_t u_t +
//    S_t mu + v_t): Sigma = B^-1 (I + phi D D') B^-1', so z'Sigma^-1 z is the form above of B z and
//    ln|Sigma|^-1/2 adds the Jacobian sum_t ln|B_t| (panel_jacobian.hpp).
//  - b (Baltagi, Song and Koh 2003, J. Econometrics 117, eq. 2.1-2.2; u = D mu + e, e_t =
//    lambda W_t e_t + v_t): Sigma = phi D D' + M^-1 with M = blockdiag_t B_t'B_t. With
//    K = D'M D = sum_t S_t'B_t'B_t S_t (n x n, sparse with the pattern of W'W) and H = I_n + phi K,
//    the Woodbury identity and the matrix determinant lemma (Harville 1997, Matrix Algebra From a
//    Statistician's Perspective, ch. 18: the inverse and determinant of R + S T U) give
//      Sigma^-1 = M - phi M D H^-1 D'M,   ln|Sigma|^-1/2 = sum_t ln|B_t| - 1/2 ln|H|
//    (ln|H| = n ln phi + ln|I_n / phi + K|). Since K^-1 - phi H^-1 = K^-1 H^-1, with c = D'M z
//    and a = K^-1 c the form splits into two nonnegative parts, so that no large numbers cancel:
//      z'Sigma^-1 z = (z'M z - c'K^-1 c) + a'H^-1 c,
//    the first (M-weighted within) part unchanged by adding D times anything to z, so evaluated on
//    the deviations z~ from the unit means zbar: z~'M z~ - c~'K^-1 c~, c~ = D'M z~, and
//    a = zbar + K^-1 c~, c = K zbar + c~. K and H are factorized by sparse Cholesky (LDL'): no
//    nT x nT nor dense n x n matrix. On a balanced panel K = T B'B, c~ = 0, and this is Baltagi et
//    al.'s (2003) eq. 2.9.
// B z is linear in lambda: sum_t (B_t z_t)'(B_t z_t) = z'z - lambda (z'Wz + (Wz)'z) +
// lambda^2 (Wz)'(Wz) (W z per period), and D'M z = D'z - lambda D'(Wz + W'z) + lambda^2 D'W'W z,
// so the cross products and unit sums are formed once.
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <utility>
#include <vector>

#include "cbec/estimate/spatial_models/panel_jacobian.hpp"
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

// The random effects' spatial error: none (SAR-RE, SDM-RE), Baltagi, Song and Koh's b or KKP's (see above).
enum class SpatialErrorProcess { None, Baltagi, Kkp };

class SpatialReCovariance {
 public:
  // z: the regression's columns, one row per observation of d; jacobian: sum_t ln|I - lambda W_t|
  // (used by the spatial errors).
  SpatialReCovariance(const SpatialPanelData& d, const Eigen::MatrixXd& z, SpatialErrorProcess error, PanelJacobian jacobian);

  // z'Sigma^-1 z (m x m) and ln|Sigma|^-1/2 at (phi, lambda); lambda is ignored without a spatial error.
  std::pair<Eigen::MatrixXd, double> operator()(double phi, double lambda) const;

 private:
  // The unbalanced one-way error component form of the columns (Baltagi 2013, section 9.2):
  // dev = sum of the squares of the deviations from the unit means; per distinct T_i, T_i, its
  // number of units and the sum of its units' mean squares.
  struct UnitMoments {
    Eigen::MatrixXd dev;
    std::vector<double> length, units;
    std::vector<Eigen::MatrixXd> means;
  };
  static UnitMoments unit_moments(const SpatialPanelData& d, const Eigen::MatrixXd& z);
  // [G11 G12; G21 G22] of the columns [z, W z] -> the same form of B z
  Eigen::MatrixXd filtered(const Eigen::MatrixXd& g, double lambda) const;

  SpatialErrorProcess error_;
  long m_;
  PanelJacobian jacobian_;
  UnitMoments unit_;                    // none: of z; kkp: of [z, W z]
  // b, on the units present (compact index):
  Eigen::MatrixXd dev_cross_;           // [z~, W z~]'[z~, W z~]
  Eigen::MatrixXd zbar_, d_wz_, d_wtz_, d_wtwz_;   // zbar and D'W z~, D'W'z~, D'W'W z~
  Eigen::SparseMatrix<double> count_, p1_, p2_, id_;   // diag(T_i), sum_t S_t'(W_t + W_t')S_t, sum_t S_t'W_t'W_t S_t, I
};

}  // namespace cbec
