#include "cbec/estimate/panel/threshold_grid_pairs.hpp"

namespace cbec::detail {

GridPairSums::GridPairSums(const ThresholdSample& s, const ThresholdGridSums& sums)
    : G_(sums.DtD.size()), m_(static_cast<size_t>(s.C.cols())), table_(G_ * G_ * m_ * m_, 0.0) {
  const size_t T = s.periods, mm = m_ * m_;
  const double Td = static_cast<double>(T);
  for (size_t u = 0; u < s.n_units; ++u) {
    const size_t first = u * T;
    double ku = 0;
    for (size_t r = first; r < first + T; ++r) ku += s.kept_at[r] >= 0;
    for (size_t i = first; i < first + T; ++i) {
      if (sums.bin[i] >= G_) continue;   // above every grid point: in no D(g)
      const double ki = s.kept_at[i] >= 0;
      const double* ci = s.C.data() + i * m_;
      for (size_t j = first; j < first + T; ++j) {
        if (sums.bin[j] >= G_) continue;
        const double kj = s.kept_at[j] >= 0;
        const double w = (i == j ? ki : 0.0) - (ki + kj) / Td + ku / (Td * Td);
        const double* cj = s.C.data() + j * m_;
        double* cell = table_.data() + (sums.bin[i] * G_ + sums.bin[j]) * mm;
        for (size_t l = 0; l < m_; ++l)
          for (size_t k = 0; k < m_; ++k) cell[k + l * m_] += w * ci[k] * cj[l];
      }
    }
  }
  // Running sums along b within each a, then along a.
  for (size_t a = 0; a < G_; ++a)
    for (size_t at = (a * G_ + 1) * mm; at < (a + 1) * G_ * mm; ++at) table_[at] += table_[at - mm];
  for (size_t at = G_ * mm; at < table_.size(); ++at) table_[at] += table_[at - G_ * mm];
}

}  // namespace cbec::detail
