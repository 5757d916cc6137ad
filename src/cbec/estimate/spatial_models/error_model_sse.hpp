// The sum of squares of the error models' concentrated likelihood (SEM, SDEM),
//   SSE(lambda) = min_b |(y - lambda W y) - (X - lambda W X) b|^2
// (Anselin 1988, eq. 12.29; LeSage & Pace 2009, eq. 3.8), for many lambda at O(k^3) each: with
// the thin QR [X, WX] = Q [R1, R2] (computed once), X - lambda WX = Q (R1 - lambda R2), so
//   SSE(lambda) = |u - (R1 - lambda R2) b|^2 minimized over b + |r_y - lambda r_Wy|^2,
// u = Q'(y - lambda Wy) and r_v = v - Q Q'v the parts of y and Wy outside the span of Q.
// Internal to estimate/spatial_models.
#pragma once
#include <Eigen/Core>

namespace cbec::detail {

class ErrorModelSse {
 public:
  ErrorModelSse(const Eigen::MatrixXd& X, const Eigen::MatrixXd& wx, const Eigen::VectorXd& y, const Eigen::VectorXd& wy);
  double operator()(double lambda) const;

 private:
  Eigen::MatrixXd r1_, r2_;     // the columns of R for X and for WX
  Eigen::VectorXd qy_, qwy_;    // Q'y, Q'Wy
  double yy_ = 0, ywy_ = 0, wywy_ = 0;  // r_y'r_y, r_y'r_Wy, r_Wy'r_Wy
};

}  // namespace cbec::detail
