#include "cbec/estimate/panel/threshold_resampled.hpp"

#include <algorithm>
#include <array>

namespace cbec::detail {

ResampledProfile::ResampledProfile(const ThresholdSample& s, const SsrProfile& profile, const Eigen::VectorXd& fitted,
                                   const Eigen::VectorXd& resid, bool fitted_in_span)
    : s_(s), profile_(profile) {
  const RowMatrix& B = profile.design();
  const Eigen::Index p = B.cols(), m = s.C.cols(), rows = s.q.size();
  const Eigen::VectorXd fe = fitted_in_span ? Eigen::VectorXd::Zero(fitted.size()).eval()
                                            : (fitted - B * profile.design_cross().solve(B.transpose() * fitted)).eval();
  fefe_ = fe.squaredNorm();
  Btfe_ = B.transpose() * fe;
  Dtfe_ = profile.cross_d(fe);
  crossed_ = static_cast<size_t>(p) + !fitted_in_span;
  rows_ = RowMatrix::Zero(rows, static_cast<Eigen::Index>(crossed_) + m);
  tags_.resize(static_cast<size_t>(rows));
  const size_t T = s.periods;
  resid_.assign(s.n_units * (T + 2), 0.0);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const size_t ru = static_cast<size_t>(r);
    const long k = s.kept_at[ru];
    tags_[ru] = {k >= 0 ? s.period[ru] : -1, profile.bins()[ru]};
    rows_.row(r).tail(m) = s.C.row(r);
    if (k < 0) continue;
    rows_.row(r).head(p) = B.row(k);
    if (!fitted_in_span) rows_(r, p) = fe[k];
    resid_[static_cast<size_t>(s.unit[ru]) * (T + 2) + static_cast<size_t>(s.period[ru])] = resid[k];
  }
  for (size_t u = 0; u < s.n_units; ++u) {
    double* block = resid_.data() + u * (T + 2);
    for (size_t t = 0; t < T; ++t) {
      block[T] += block[t];
      block[T + 1] += block[t] * block[t];
    }
  }
}

CrossSums ResampledProfile::operator()(Rng& rng) const {
  const size_t p = static_cast<size_t>(profile_.design().cols()), m = static_cast<size_t>(s_.C.cols()), width = crossed_ + m;
  const size_t n = s_.n_units, T = s_.periods, G = Dtfe_.size() / m;
  const double Td = static_cast<double>(T);
  // The sums over the rows: [B f_e]'r* and r*'r*; per bin of D'r*, its change at that grid point;
  // per unit slot, its r*.
  thread_local std::vector<double> cross, dtx, unit_r;
  cross.assign(crossed_, 0.0);
  dtx.assign((G + 1) * m, 0.0);
  unit_r.resize(T);
  double rr = 0;
  // Units are drawn ahead of their slot in slot order (the same random numbers as one array of
  // draws), so that the drawn residual blocks, scattered in memory, can be asked for early.
  constexpr size_t ahead = 16;
  std::array<size_t, ahead> drawn{};
  auto draw = [&] { return std::min(n - 1, static_cast<size_t>(uniform01(rng) * static_cast<double>(n))); };
  auto prefetch = [&](size_t u) {   // every cache line of the block: one address in each 8 doubles, and the last
    const double* block = resid_.data() + u * (T + 2);
    for (size_t at = 0; at < T + 2; at += 8) __builtin_prefetch(block + at);
    __builtin_prefetch(block + T + 1);
  };
  for (size_t v = 0; v < std::min(ahead, n); ++v) prefetch(drawn[v] = draw());
  for (size_t v = 0; v < n; ++v) {
    const double* from = resid_.data() + drawn[v % ahead] * (T + 2);
    if (v + ahead < n) prefetch(drawn[v % ahead] = draw());
    const double* row = rows_.data() + v * T * width;
    const RowTag* tag = tags_.data() + v * T;
    if (v + 4 < n)   // the records four units on: the stream is read at a steady pace, ask early
      for (size_t line = 0; line < T * width; line += 8) __builtin_prefetch(row + 4 * T * width + line);
    for (size_t t = 0; t < T; ++t) unit_r[t] = tag[t].period >= 0 ? from[tag[t].period] : 0.0;
    rr += from[T + 1];
    // Column by column over the unit's block (in the first-level cache), four partial sums in
    // registers: no chain of additions waits on the one before.
    for (size_t j = 0; j < crossed_; ++j) {
      double sum[4] = {0, 0, 0, 0};
      size_t t = 0;
      for (; t + 4 <= T; t += 4)
        for (size_t i = 0; i < 4; ++i) sum[i] += row[(t + i) * width + j] * unit_r[t + i];
      for (; t < T; ++t) sum[0] += row[t * width + j] * unit_r[t];
      cross[j] += (sum[0] + sum[1]) + (sum[2] + sum[3]);
    }
    const double mean = from[T] / Td;
    for (size_t t = 0; t < T; ++t) {
      double* d = dtx.data() + tag[t].bin * m;
      for (size_t l = 0; l < m; ++l) d[l] += row[t * width + crossed_ + l] * (unit_r[t] - mean);
    }
  }
  for (size_t at_bin = m; at_bin < dtx.size(); ++at_bin) dtx[at_bin] += dtx[at_bin - m];   // running sums
  CrossSums x;
  x.Dtx.assign(dtx.begin(), dtx.begin() + static_cast<long>(G * m));
  for (size_t k = 0; k < G * m; ++k) x.Dtx[k] += Dtfe_[k];
  x.Btx = Btfe_ + Eigen::Map<const Eigen::VectorXd>(cross.data(), static_cast<Eigen::Index>(p));
  x.xx = fefe_ + 2 * (crossed_ > p ? cross[p] : 0.0) + rr;
  return x;
}

}  // namespace cbec::detail
