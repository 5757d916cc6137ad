// The sum of squared residuals S_1(g) of the within-transformed panel threshold regression at every
// point g of the threshold grid (Hansen 1999, section 2: S_1 is concentrated in g, and the estimate
// is its minimiser), given a base design B (x, c, and c 1(q < g_j) for the thresholds already
// fixed) and D(g) = c 1(q < g) within-transformed (eq. 2.3). By partitioned regression, with e the
// residual of y on B:
//   S_1(g) = e'e - (D'e)' (D'D - D'B (B'B)^-1 B'D)^-1 (D'e).
// Each of D'B, D'e and D'D is a sum over the rows with q < g of one term per row, so adding each
// row's term into the bin of the grid it enters at and taking running sums over the bins gives them
// at every g from one pass over the rows, in any row order. In the sample's unit-block order the
// pass reads memory front to back and the per-unit sums the terms need are local, so its cost is
// linear in the rows whatever their number. With kept rows K (kappa_i = 1), T periods, k_u kept rows
// of unit u, and per unit a_u = sum_t c_ut 1(q_ut < g) (over all periods, as the within means are),
// h_u = sum_{K,u} c_i 1(q_i < g), S_u = sum_{K,u} B_i, E_u = sum_{K,u} e_i:
//   B'D = sum_{q_i < g} (kappa_i B_i - S_u / T) c_i'
//   D'e = sum_{q_i < g} c_i (kappa_i e_i - E_u / T)
//   D'D = sum_K c_i c_i' 1(q_i < g) - sum_u (h_u a_u' + a_u h_u') / T + sum_u k_u a_u a_u' / T^2,
// the per-unit terms of D'D changing at each of the unit's rows, visited in ascending q.
#pragma once
#include <Eigen/Cholesky>

#include <cstdint>
#include <vector>

#include "cbec/estimate/panel/threshold_sample.hpp"

namespace cbec::detail {

// What depends only on q, c and the grid (neither on y nor on the fixed thresholds), shared by
// every search and bootstrap draw: each row's bin and D'D at every grid point.
struct ThresholdGridSums {
  ThresholdGridSums(const ThresholdSample& s, const std::vector<double>& grid);
  std::vector<uint32_t> bin;           // per row: the first grid point above its q (grid size: none)
  std::vector<Eigen::MatrixXd> DtD;    // per grid point
  std::vector<double> scale;           // per grid point: max(1, largest diagonal of sum_K c c' 1(q < g))
};

// The sums over the kept rows of a vector x that the profile of y needs when the residual of y on B
// is x's (x = y - B beta for some beta): x'x, B'x, and D'x at every grid point (m values each).
struct CrossSums {
  double xx = 0;
  Eigen::VectorXd Btx;
  std::vector<double> Dtx;
};

// The profile for one base design: the factors that do not depend on y, computed once, then S_1 at
// every grid point for any y (the data or a bootstrap draw) in one pass over the rows.
class SsrProfile {
 public:
  SsrProfile(const ThresholdSample& s, const ThresholdGridSums& sums, RowMatrix B);
  struct Fit {
    double linear = 0;                 // e'e: y on B alone
    std::vector<double> sse;           // S_1(g) per grid point (e'e where D adds nothing to B)
  };
  Fit operator()(const Eigen::VectorXd& y) const;
  // The same from the sums of x: e = x - B b, b = (B'B)^-1 B'x, e'e = x'x - b'B'x.
  Fit operator()(const CrossSums& x) const;

  const RowMatrix& design() const { return B_; }
  const Eigen::MatrixXd& design_gram() const { return gram_; }
  const Eigen::LDLT<Eigen::MatrixXd>& design_cross() const { return BtB_; }
  // B'D(g) for every grid point g side by side (p x m each, in grid order): p x (grid size) m.
  Eigen::Map<const Eigen::MatrixXd> cross_design() const {
    return {BtD_.data(), B_.cols(), static_cast<Eigen::Index>(BtD_.size()) / B_.cols()};
  }
  const std::vector<uint32_t>& bins() const { return sums_.bin; }
  // D'x at every grid point for x over the kept rows (m values per grid point).
  std::vector<double> cross_d(const Eigen::VectorXd& x) const;
  // S_1 at every grid point when the residual of y on B is e = x - B b, given e'e and D'x at every
  // grid point: D'e = D'x - D'B b.
  void sse(double ee, const std::vector<double>& dtx, const Eigen::VectorXd& b, std::vector<double>& out) const;

 private:
  const ThresholdSample& s_;
  const ThresholdGridSums& sums_;
  RowMatrix B_;
  Eigen::MatrixXd gram_;                             // B'B
  Eigen::LDLT<Eigen::MatrixXd> BtB_;
  std::vector<double> BtD_;                          // per grid point, column-major p x m
  std::vector<Eigen::LDLT<Eigen::MatrixXd>> schur_;   // D'D - D'B (B'B)^-1 B'D per grid point
  std::vector<Eigen::MatrixXd> deficient_;           // S^+ where D(g) has columns in the span of B or each other, else empty
};

// Whether the LDLT of S = D'D - D'B (B'B)^-1 B'D shows a pivot at or below 1e-12 scale (D(g) has
// columns that B or each other span), and then S^+ for S_1 = e'e - v' S^+ v (threshold_profile.cpp).
bool rank_deficient(const Eigen::LDLT<Eigen::MatrixXd>& schur, double scale);
Eigen::MatrixXd pseudo_inverse(const Eigen::MatrixXd& schur, double scale);

}  // namespace cbec::detail
