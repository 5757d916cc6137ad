// Robust variances of the GMM estimates, as R plm's vcovHC.pgmm:
//  - one step: the sandwich B1 X'Z W1 S W1 Z'X B1 with S = sum_i Z_i' e1_i e1_i' Z_i
//    (Arellano and Bond 1991, eq. 10);
//  - two step: Windmeijer's (2005, eq. 3.7) finite-sample correction
//      V = B2 + D B2 + B2 D' + D V1 D',
//    V1 the robust one-step variance and column k of D the derivative of the two-step estimate with
//    respect to the one-step estimate through the weight matrix (his eq. 3.6):
//      D_k = B2 X'Z W2 [sum_i Z_i'(x_ik e1_i' + e1_i x_ik')Z_i] W2 Z'e2.
#include <Eigen/Core>

#include "cbec/estimate/panel/gmm.hpp"

namespace cbec {

Eigen::MatrixXd gmm_robust_vcov(const GmmSystem& s, const GmmFit& f) {
  const Eigen::MatrixXd middle = f.ZX.transpose() * f.W1 * f.S * f.W1 * f.ZX;
  const Eigen::MatrixXd V1 = f.B1 * middle * f.B1;
  if (f.steps == 1) return V1;
  const long K = f.ZX.cols(), p = f.ZX.rows();
  const size_t N = s.units.size();
  Eigen::VectorXd Ze2 = Eigen::VectorXd::Zero(p);
  std::vector<Eigen::VectorXd> Ze1(N);
  std::vector<Eigen::MatrixXd> ZXi(N);
  for (size_t i = 0; i < N; ++i) {
    const GmmUnit& u = s.units[i];
    Ze1[i] = u.Z.transpose() * f.resid_onestep[i];
    ZXi[i] = u.Z.transpose() * u.X;
    Ze2 += u.Z.transpose() * f.resid[i];
  }
  const Eigen::VectorXd c = f.W2 * Ze2;
  const Eigen::MatrixXd left = f.B2 * f.ZX.transpose() * f.W2;
  Eigen::MatrixXd D(K, K);
  for (long k = 0; k < K; ++k) {
    // [sum_i Z_i'(x_ik e1_i' + e1_i x_ik')Z_i] W2 Z'e2, one unit at a time
    Eigen::VectorXd g = Eigen::VectorXd::Zero(p);
    for (size_t i = 0; i < N; ++i) g += ZXi[i].col(k) * Ze1[i].dot(c) + Ze1[i] * ZXi[i].col(k).dot(c);
    D.col(k) = left * g;
  }
  const Eigen::MatrixXd DB = D * f.B2;
  return f.B2 + DB + DB.transpose() + D * V1 * D.transpose();
}

}  // namespace cbec
