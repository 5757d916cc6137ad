#include "cbec/estimate/ts/hansen_lc.hpp"

#include <Eigen/Cholesky>
#include <cmath>

namespace cbec {

double hansen_lc(const Eigen::MatrixXd& Z, const Eigen::VectorXd& u_plus, const Eigen::VectorXd& lambda_plus, double omega_12) {
  const long k = lambda_plus.size(), p = Z.cols();
  const Eigen::LDLT<Eigen::MatrixXd> M(Z.transpose() * Z);
  Eigen::VectorXd correction = Eigen::VectorXd::Zero(p);
  correction.tail(k) = lambda_plus;
  Eigen::VectorXd S = Eigen::VectorXd::Zero(p);
  double lc = 0;
  for (long t = 0; t < Z.rows(); ++t) {
    S += Z.row(t).transpose() * u_plus[t] - correction;
    lc += S.dot(M.solve(S));
  }
  return lc / (omega_12 * static_cast<double>(Z.rows()));
}

std::array<double, 4> hansen_lc_critical(int m, bool trend) {
  // [trend][m - 1]: 10%, 5%, 2.5%, 1% (tests/reference/fixtures/ts_hansen_lc_critical.json, 4 decimals)
  static const double table[2][4][4] = {
      {{0.4459, 0.5803, 0.7181, 0.9025}, {0.5650, 0.7025, 0.8623, 1.0581}, {0.6794, 0.8338, 0.9815, 1.1989}, {0.7868, 0.9587, 1.1210, 1.3496}},
      {{0.4908, 0.6240, 0.7691, 0.9531}, {0.6254, 0.7700, 0.9144, 1.1223}, {0.7416, 0.9014, 1.0554, 1.3012}, {0.8732, 1.0472, 1.2192, 1.4412}}};
  if (m < 1 || m > 4) return {std::nan(""), std::nan(""), std::nan(""), std::nan("")};
  const double* q = table[trend ? 1 : 0][m - 1];
  return {q[0], q[1], q[2], q[3]};
}

}  // namespace cbec
