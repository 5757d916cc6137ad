#include "cbec/estimate/panel/threshold_grid_pairs.hpp"

#include <algorithm>

namespace cbec::detail {

GridPairSums::GridPairSums(const ThresholdSample& s, const ThresholdGridSums& sums, size_t stride)
    : s_(s), sums_(sums), G_(sums.DtD.size()), m_(static_cast<size_t>(s.C.cols())), stride_(std::max<size_t>(stride, 1)) {
  const size_t T = s.periods, row = G_ * m_ * m_;
  // The rows in each bin in row order (a counting sort): a histogram row's terms in the order of a
  // pass over all the rows.
  bin_start_.assign(G_ + 1, 0);
  for (const uint32_t b : sums.bin)
    if (b < G_) ++bin_start_[b + 1];
  for (size_t b = 0; b < G_; ++b) bin_start_[b + 1] += bin_start_[b];
  by_bin_.resize(bin_start_[G_]);
  std::vector<size_t> next(bin_start_.begin(), bin_start_.end() - 1);
  for (size_t r = 0; r < sums.bin.size(); ++r)
    if (sums.bin[r] < G_) by_bin_[next[sums.bin[r]]++] = r;
  kept_.assign(s.n_units, 0.0);
  for (size_t u = 0; u < s.n_units; ++u)
    for (size_t r = u * T; r < (u + 1) * T; ++r) kept_[u] += s.kept_at[r] >= 0;
  table_.assign((G_ + stride_ - 1) / stride_ * row, 0.0);
  std::vector<double> spare(stride_ > 1 ? 2 * row : 0);   // the rows between stored ones
  const double* below = nullptr;
  for (size_t a = 0; a < G_; ++a) {
    double* at = a % stride_ == 0 ? table_.data() + a / stride_ * row : spare.data() + (below == spare.data() ? row : 0);
    histogram_row(a, at);
    accumulate(at, below);
    below = at;
  }
}

void GridPairSums::histogram_row(size_t a, double* row) const {
  const size_t T = s_.periods, mm = m_ * m_;
  const double Td = static_cast<double>(T);
  std::fill(row, row + G_ * mm, 0.0);
  for (size_t at = bin_start_[a]; at < bin_start_[a + 1]; ++at) {
    const size_t i = by_bin_[at], u = i / T;
    const double ku = kept_[u];
    const double ki = s_.kept_at[i] >= 0;
    const double* ci = s_.C.data() + i * m_;
    for (size_t j = u * T; j < (u + 1) * T; ++j) {
      if (sums_.bin[j] >= G_) continue;   // above every grid point: in no D(g)
      const double kj = s_.kept_at[j] >= 0;
      const double w = (i == j ? ki : 0.0) - (ki + kj) / Td + ku / (Td * Td);
      const double* cj = s_.C.data() + j * m_;
      double* cell = row + sums_.bin[j] * mm;
      for (size_t l = 0; l < m_; ++l)
        for (size_t k = 0; k < m_; ++k) cell[k + l * m_] += w * ci[k] * cj[l];
    }
  }
}

void GridPairSums::accumulate(double* row, const double* below) const {
  const size_t mm = m_ * m_, end = G_ * mm;
  for (size_t at = mm; at < end; ++at) row[at] += row[at - mm];   // running sums along b
  if (below)
    for (size_t at = 0; at < end; ++at) row[at] += below[at];
}

void GridPairSums::with(size_t a, Eigen::Ref<Eigen::MatrixXd> out) const {
  const size_t row = G_ * m_ * m_;
  const auto rows = static_cast<Eigen::Index>(m_), cols = static_cast<Eigen::Index>(G_ * m_);
  const double* stored = table_.data() + a / stride_ * row;
  if (a % stride_ == 0) {
    out = Eigen::Map<const Eigen::MatrixXd>(stored, rows, cols);
    return;
  }
  std::vector<double> rows_between(2 * row);   // table rows from the stored one up to a, in turn
  const double* below = stored;
  for (size_t r = a - a % stride_ + 1; r <= a; ++r) {
    double* at = rows_between.data() + (r % 2) * row;
    histogram_row(r, at);
    accumulate(at, below);
    below = at;
  }
  out = Eigen::Map<const Eigen::MatrixXd>(below, rows, cols);
}

}  // namespace cbec::detail
