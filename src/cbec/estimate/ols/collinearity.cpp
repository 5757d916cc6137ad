#include "cbec/estimate/ols/collinearity.hpp"

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <cmath>

#include "cbec/estimate/ols/least_squares.hpp"

namespace cbec {

std::vector<long> independent_columns(const Eigen::MatrixXd& XtX, const Eigen::VectorXd& raw_ss, double tol) {
  std::vector<long> kept;
  Eigen::MatrixXd L;  // Cholesky factor of the kept block
  for (long j = 0; j < XtX.cols(); ++j) {
    const double d = XtX(j, j);
    const double scale = raw_ss.size() ? std::max(d, raw_ss[j]) : d;
    if (!(d > tol * scale) || d <= 0) continue;
    const long m = static_cast<long>(kept.size());
    Eigen::VectorXd b(m);
    for (long a = 0; a < m; ++a) b[a] = XtX(kept[static_cast<size_t>(a)], j);
    Eigen::VectorXd l = m ? Eigen::VectorXd(L.triangularView<Eigen::Lower>().solve(b)) : Eigen::VectorXd();
    const double r = d - (m ? l.squaredNorm() : 0.0);
    if (r <= tol * d) continue;
    Eigen::MatrixXd L2 = Eigen::MatrixXd::Zero(m + 1, m + 1);
    if (m) {
      L2.topLeftCorner(m, m) = L;
      L2.block(m, 0, 1, m) = l.transpose();
    }
    L2(m, m) = std::sqrt(r);
    L.swap(L2);
    kept.push_back(j);
  }
  return kept;
}

std::vector<long> independent_columns_qr(const Eigen::MatrixXd& R, long k, const Eigen::VectorXd& raw_ss, double tol) {
  std::vector<long> kept;
  for (long j = 0; j < k; ++j) {
    const double d = R.col(j).head(j + 1).squaredNorm();
    const double scale = raw_ss.size() ? std::max(d, raw_ss[j]) : d;
    if (!(d > tol * scale) || d <= 0) continue;
    const long m = static_cast<long>(kept.size());
    double r = d;
    if (m) {
      // Residual of column j on the kept columns: the last diagonal of the QR of [R_kept R_j].
      Eigen::MatrixXd S(j + 1, m + 1);
      for (long a = 0; a < m; ++a) S.col(a) = R.col(kept[static_cast<size_t>(a)]).head(j + 1);
      S.col(m) = R.col(j).head(j + 1);
      Eigen::HouseholderQR<Eigen::MatrixXd> qr(S);
      const double rmm = qr.matrixQR()(m, m);
      r = rmm * rmm;
    }
    if (r <= tol * d) continue;
    kept.push_back(j);
  }
  return kept;
}

long first_dependent_column(const Eigen::MatrixXd& within, const Eigen::MatrixXd& raw, double tol) {
  return first_dependent_column_given_ss(within, raw.colwise().squaredNorm().transpose(), tol);
}

bool is_rounding_noise(const Eigen::VectorXd& v, const Eigen::VectorXd& reference) {
  return v.squaredNorm() <= 1e-20 * reference.squaredNorm();
}

long first_dependent_column_given_ss(const Eigen::MatrixXd& within, const Eigen::VectorXd& raw_ss, double tol) {
  const long k = within.cols();
  if (k == 0) return -1;
  const std::vector<long> kept = independent_columns_qr(triangular_factor(within, Eigen::VectorXd()), k, raw_ss, tol);
  for (long j = 0; j < k; ++j)
    if (j >= static_cast<long>(kept.size()) || kept[static_cast<size_t>(j)] != j) return j;
  return -1;
}

}  // namespace cbec
