#include "cbec/estimate/spatial_models/symmetric_form.hpp"

#include <cmath>
#include <vector>

namespace cbec {

namespace {
using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using ColSparse = Eigen::SparseMatrix<double>;
}  // namespace

std::optional<Eigen::VectorXd> symmetrizing_scales(const RowSparse& w) {
  const long n = w.rows();
  const RowSparse t = w.transpose();  // row i of t: W_ji, j ascending
  Eigen::VectorXd d = Eigen::VectorXd::Constant(n, -1.0);
  std::vector<long> stack;
  for (long root = 0; root < n; ++root) {
    if (d[root] > 0) continue;
    d[root] = 1;
    stack.push_back(root);
    while (!stack.empty()) {
      const long i = stack.back();
      stack.pop_back();
      RowSparse::InnerIterator back(t, i);
      for (RowSparse::InnerIterator it(w, i); it; ++it) {
        const long j = it.col();
        while (back && back.col() < j) {
          if (back.value() != 0) return std::nullopt;  // W_ji without W_ij
          ++back;
        }
        const double wji = back && back.col() == j ? back.value() : 0.0;
        if (back && back.col() == j) ++back;
        if ((it.value() == 0) != (wji == 0)) return std::nullopt;
        if (it.value() == 0 || j == i) continue;
        const double dj = d[i] * it.value() / wji;
        if (!(dj > 0)) return std::nullopt;
        if (d[j] < 0) {
          d[j] = dj;
          stack.push_back(j);
        } else if (std::abs(d[j] - dj) > 1e-10 * std::abs(dj)) {
          return std::nullopt;
        }
      }
      for (; back; ++back)
        if (back.value() != 0) return std::nullopt;
    }
  }
  return d.cwiseSqrt();
}

ColSparse symmetrized(const RowSparse& w, const Eigen::VectorXd& s) {
  ColSparse a = s.asDiagonal() * ColSparse(w) * s.cwiseInverse().asDiagonal();
  ColSparse at = a.transpose();
  return 0.5 * (a + at);
}

}  // namespace cbec
