#include "cbec/estimate/panel/threshold_resampled.hpp"

#include <algorithm>
#include <array>

namespace cbec::detail {

ResampledProfile::ResampledProfile(const ThresholdSample& s, const SsrProfile& profile, const Eigen::VectorXd& fitted,
                                   const Eigen::VectorXd& resid)
    : s_(s), profile_(profile), fitted_(fitted) {
  const RowMatrix& B = profile.design();
  const Eigen::Index p = B.cols(), m = s.C.cols(), rows = s.q.size();
  const Eigen::VectorXd fe = fitted - B * profile.design_cross().solve(B.transpose() * fitted);
  fefe_ = fe.squaredNorm();
  Btfe_ = B.transpose() * fe;
  Dtfe_ = profile.cross_d(fe);
  rows_ = RowMatrix::Zero(rows, p + 1 + m);
  tags_.resize(static_cast<size_t>(rows));
  const size_t T = s.periods;
  resid_.assign(s.n_units * (T + 1), 0.0);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const size_t ru = static_cast<size_t>(r);
    const long k = s.kept_at[ru];
    tags_[ru] = {k >= 0 ? s.period[ru] : -1, profile.bins()[ru]};
    rows_.row(r).tail(m) = s.C.row(r);
    if (k < 0) continue;
    rows_.row(r).head(p) = B.row(k);
    rows_(r, p) = fe[k];
    resid_[static_cast<size_t>(s.unit[ru]) * (T + 1) + static_cast<size_t>(s.period[ru])] = resid[k];
  }
  for (size_t u = 0; u < s.n_units; ++u) {
    double* block = resid_.data() + u * (T + 1);
    for (size_t t = 0; t < T; ++t) block[T] += block[t];
  }
}

SsrProfile::Fit ResampledProfile::operator()(Rng& rng, Eigen::VectorXd* ystar) const {
  const size_t p = static_cast<size_t>(profile_.design().cols()), m = static_cast<size_t>(s_.C.cols()), width = p + 1 + m;
  const size_t n = s_.n_units, T = s_.periods, G = Dtfe_.size() / m;
  const double Td = static_cast<double>(T);
  if (ystar) ystar->resize(fitted_.size());
  // The sums over the rows; per bin of D'r*, the change at that grid point.
  Eigen::VectorXd Btx = Btfe_;
  thread_local Eigen::VectorXd Btr;
  thread_local std::vector<double> dtx;
  Btr.setZero(static_cast<Eigen::Index>(p));
  dtx.assign((G + 1) * m, 0.0);
  double fr = 0, rr = 0;
  // Units are drawn ahead of their slot in slot order (the same random numbers as one array of
  // draws), so that the drawn residual blocks, scattered in memory, can be asked for early.
  constexpr size_t ahead = 8;
  std::array<size_t, ahead> drawn{};
  auto draw = [&] { return std::min(n - 1, static_cast<size_t>(uniform01(rng) * static_cast<double>(n))); };
  for (size_t v = 0; v < std::min(ahead, n); ++v) drawn[v] = draw();
  const double* row = rows_.data();
  const RowTag* tag = tags_.data();
  Eigen::Index at = 0;   // the next kept row
  for (size_t v = 0; v < n; ++v) {
    const double* from = resid_.data() + drawn[v % ahead] * (T + 1);
    if (v + ahead < n) {
      drawn[v % ahead] = draw();
      __builtin_prefetch(resid_.data() + drawn[v % ahead] * (T + 1));
    }
    const double mean = from[T] / Td;
    for (size_t t = 0; t < T; ++t, row += width, ++tag) {
      const double r = tag->period >= 0 ? from[tag->period] : 0.0;
      for (size_t j = 0; j < p; ++j) Btr[static_cast<Eigen::Index>(j)] += row[j] * r;
      fr += row[p] * r;
      rr += r * r;
      const double w = r - mean;
      double* d = dtx.data() + tag->bin * m;
      for (size_t l = 0; l < m; ++l) d[l] += row[p + 1 + l] * w;
      if (ystar && tag->period >= 0) {
        (*ystar)[at] = fitted_[at] + r;
        ++at;
      }
    }
  }
  for (size_t at_bin = m; at_bin < dtx.size(); ++at_bin) dtx[at_bin] += dtx[at_bin - m];   // running sums
  dtx.resize(G * m);
  for (size_t k = 0; k < G * m; ++k) dtx[k] += Dtfe_[k];
  Btx += Btr;
  const Eigen::VectorXd b = profile_.design_cross().solve(Btx);
  SsrProfile::Fit fit;
  fit.linear = fefe_ + 2 * fr + rr - b.dot(Btx);
  profile_.sse(fit.linear, dtx, b, fit.sse);
  return fit;
}

}  // namespace cbec::detail
