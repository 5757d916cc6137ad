// The estimation sample of the panel threshold regression (threshold.hpp), laid out once: unit u's
// T rows are rows u T ... u T + T - 1 (the panel is balanced), in ascending order of the threshold
// variable q within the unit (ties in period order). Every pass over the rows (the within
// transformation, the bootstrap's unit resampling, the SSR profile of threshold_profile.hpp) then
// reads unit blocks front to back; multi-column data a row needs together are row-major.
// "Kept" rows enter the least squares (all of them, or all but each unit's last period in Hansen's
// sample).
#pragma once
#include <Eigen/Dense>

#include <cstdint>
#include <vector>

namespace cbec::detail {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct ThresholdSample {
  size_t n_units = 0, periods = 0;
  std::vector<int32_t> unit, period;   // per row
  std::vector<size_t> kept;            // row indices entering the least squares (ascending)
  std::vector<long> kept_at;           // per row: its position in `kept`, or -1
  RowMatrix C;                         // raw regime-dependent columns, all rows
  Eigen::VectorXd q;                   // threshold variable, all rows
  Eigen::VectorXd y;                   // within-transformed, kept rows
  Eigen::MatrixXd X, Cw;               // within-transformed regressors and c, kept rows
  double dfree = 0;                    // n (T - 1)
};

// Rows `kept` of M minus each unit's mean over all its periods (Hansen 1999, eq. 2.3).
template <class Matrix>
Eigen::MatrixXd within(const Matrix& M, const ThresholdSample& s) {
  RowMatrix means = RowMatrix::Zero(static_cast<Eigen::Index>(s.n_units), M.cols());
  for (Eigen::Index i = 0; i < M.rows(); ++i) means.row(s.unit[static_cast<size_t>(i)]) += M.row(i);
  means /= static_cast<double>(s.periods);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(s.kept.size()), M.cols());
  for (size_t k = 0; k < s.kept.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(s.kept[k]);
    out.row(static_cast<Eigen::Index>(k)) = M.row(i) - means.row(s.unit[s.kept[k]]);
  }
  return out;
}

}  // namespace cbec::detail
