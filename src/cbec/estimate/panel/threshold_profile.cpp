#include "cbec/estimate/panel/threshold_profile.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>

namespace cbec::detail {

namespace {

// Running sums over the bins of a histogram with `width` values per bin: bin g then holds the sum of
// bins 0..g, the totals over the rows with q below grid point g.
void running_sums(std::vector<double>& hist, size_t width) {
  for (size_t at = width; at < hist.size(); ++at) hist[at] += hist[at - width];
}

}  // namespace

ThresholdGridSums::ThresholdGridSums(const ThresholdSample& s, const std::vector<double>& grid) {
  const size_t rows = static_cast<size_t>(s.q.size()), m = static_cast<size_t>(s.C.cols()), G = grid.size(), T = s.periods;
  const double Td = static_cast<double>(T);
  bin.resize(rows);
  for (size_t r = 0; r < rows; ++r)
    bin[r] = static_cast<uint32_t>(std::upper_bound(grid.begin(), grid.end(), s.q[static_cast<Eigen::Index>(r)]) - grid.begin());
  // Per bin, column-major m x m: the change of D'D and of sum_K c c' 1(q < g).
  std::vector<double> dtd((G + 1) * m * m, 0.0), cc((G + 1) * m * m, 0.0);
  std::vector<double> a(m), h(m);
  for (size_t u = 0; u < s.n_units; ++u) {
    std::fill(a.begin(), a.end(), 0.0);
    std::fill(h.begin(), h.end(), 0.0);
    double ku = 0;
    for (size_t r = u * T; r < (u + 1) * T; ++r) ku += s.kept_at[r] >= 0;
    for (size_t r = u * T; r < (u + 1) * T; ++r) {   // ascending q: a_u and h_u grow by row r
      const double* c = s.C.data() + r * m;
      const double kappa = s.kept_at[r] >= 0;
      double *d = dtd.data() + bin[r] * m * m, *cq = cc.data() + bin[r] * m * m;
      for (size_t l = 0; l < m; ++l)
        for (size_t j = 0; j < m; ++j) {
          const double c2 = c[j] * c[l];
          // Changes of h a' + a h' and of a a' when a += c, h += kappa c.
          const double dH = h[j] * c[l] + c[j] * h[l] + kappa * (c[j] * a[l] + a[j] * c[l]) + 2 * kappa * c2;
          const double dA = a[j] * c[l] + c[j] * a[l] + c2;
          d[j + l * m] += kappa * c2 - dH / Td + ku * dA / (Td * Td);
          cq[j + l * m] += kappa * c2;
        }
      for (size_t l = 0; l < m; ++l) {
        a[l] += c[l];
        h[l] += kappa * c[l];
      }
    }
  }
  running_sums(dtd, m * m);
  running_sums(cc, m * m);
  const auto mm = static_cast<Eigen::Index>(m);
  DtD.reserve(G);
  scale.reserve(G);
  for (size_t g = 0; g < G; ++g) {
    DtD.emplace_back(Eigen::Map<const Eigen::MatrixXd>(dtd.data() + g * m * m, mm, mm));
    scale.push_back(std::max(1.0, Eigen::Map<const Eigen::MatrixXd>(cc.data() + g * m * m, mm, mm).diagonal().maxCoeff()));
  }
}

SsrProfile::SsrProfile(const ThresholdSample& s, const ThresholdGridSums& sums, RowMatrix B)
    : s_(s), sums_(sums), B_(std::move(B)), gram_(B_.transpose() * B_), BtB_(gram_) {
  const size_t p = static_cast<size_t>(B_.cols()), m = static_cast<size_t>(s.C.cols()), G = sums.DtD.size(), T = s.periods;
  const double Td = static_cast<double>(T);
  // Per bin, column-major p x m: the change of B'D.
  std::vector<double> btd((G + 1) * p * m, 0.0), Su(p);
  for (size_t u = 0; u < s.n_units; ++u) {
    std::fill(Su.begin(), Su.end(), 0.0);
    for (size_t r = u * T; r < (u + 1) * T; ++r)
      if (const long k = s.kept_at[r]; k >= 0)
        for (size_t j = 0; j < p; ++j) Su[j] += B_.data()[static_cast<size_t>(k) * p + j];
    for (size_t r = u * T; r < (u + 1) * T; ++r) {
      const double* c = s.C.data() + r * m;
      const long k = s.kept_at[r];
      const double* b = k >= 0 ? B_.data() + static_cast<size_t>(k) * p : nullptr;
      double* t = btd.data() + sums.bin[r] * p * m;
      for (size_t l = 0; l < m; ++l)
        for (size_t j = 0; j < p; ++j) t[j + l * p] += ((b ? b[j] : 0.0) - Su[j] / Td) * c[l];
    }
  }
  running_sums(btd, p * m);
  btd.resize(G * p * m);
  BtD_ = std::move(btd);
  schur_.resize(G);
  deficient_.resize(G);
  for (size_t g = 0; g < G; ++g) {
    const Eigen::Map<const Eigen::MatrixXd> BtD(BtD_.data() + g * p * m, static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(m));
    const Eigen::MatrixXd schur = sums.DtD[g] - BtD.transpose() * BtB_.solve(BtD);
    schur_[g].compute(schur);
    if (rank_deficient(schur_[g], sums.scale[g])) deficient_[g] = pseudo_inverse(schur, sums.scale[g]);
  }
}

bool rank_deficient(const Eigen::LDLT<Eigen::MatrixXd>& schur, double scale) { return schur.vectorD().minCoeff() <= 1e-12 * scale; }

// S^+ from S's eigenvalues above 1e-12 scale: S_1 = e'e - v' S^+ v is then the least-squares fit with
// D(g)'s columns that B (or each other) already span left out, as lm's pivoting QR leaves them out
// (a regime of one row and two regime-dependent regressors: rank 1). With none above, S^+ = 0: e'e.
Eigen::MatrixXd pseudo_inverse(const Eigen::MatrixXd& schur, double scale) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(schur);
  const Eigen::VectorXd lambda = eig.eigenvalues();
  Eigen::VectorXd inverse = Eigen::VectorXd::Zero(lambda.size());
  for (Eigen::Index k = 0; k < lambda.size(); ++k)
    if (lambda[k] > 1e-12 * scale) inverse[k] = 1 / lambda[k];
  return eig.eigenvectors() * inverse.asDiagonal() * eig.eigenvectors().transpose();
}

std::vector<double> SsrProfile::cross_d(const Eigen::VectorXd& x) const {
  const size_t m = static_cast<size_t>(s_.C.cols()), G = schur_.size(), T = s_.periods;
  const double Td = static_cast<double>(T);
  // Per bin: the change of D'x.
  std::vector<double> dtx((G + 1) * m, 0.0);
  for (size_t u = 0; u < s_.n_units; ++u) {
    double Xu = 0;
    for (size_t r = u * T; r < (u + 1) * T; ++r)
      if (const long k = s_.kept_at[r]; k >= 0) Xu += x[k];
    for (size_t r = u * T; r < (u + 1) * T; ++r) {
      const long k = s_.kept_at[r];
      const double w = (k >= 0 ? x[k] : 0.0) - Xu / Td;
      const double* c = s_.C.data() + r * m;
      double* t = dtx.data() + sums_.bin[r] * m;
      for (size_t l = 0; l < m; ++l) t[l] += c[l] * w;
    }
  }
  running_sums(dtx, m);
  dtx.resize(G * m);
  return dtx;
}

void SsrProfile::sse(double ee, const std::vector<double>& dtx, const Eigen::VectorXd& b, std::vector<double>& out) const {
  const auto p = B_.cols(), m = s_.C.cols();
  const size_t G = schur_.size();
  out.resize(G);
  Eigen::VectorXd v(m), w(m);   // D'e and (D'M_B D)^-1 D'e, without a temporary per grid point
  for (size_t g = 0; g < G; ++g) {
    const Eigen::Map<const Eigen::MatrixXd> BtD(BtD_.data() + g * static_cast<size_t>(p * m), p, m);
    v = Eigen::Map<const Eigen::VectorXd>(dtx.data() + g * static_cast<size_t>(m), m);
    v.noalias() -= BtD.transpose() * b;
    if (deficient_[g].size() > 0) {
      out[g] = ee - v.dot(deficient_[g] * v);
      continue;
    }
    w = schur_[g].solve(v);
    out[g] = ee - v.dot(w);
  }
}

SsrProfile::Fit SsrProfile::operator()(const Eigen::VectorXd& y) const {
  const Eigen::VectorXd e = y - B_ * BtB_.solve(B_.transpose() * y);
  Fit fit;
  fit.linear = e.squaredNorm();
  sse(fit.linear, cross_d(e), Eigen::VectorXd::Zero(B_.cols()), fit.sse);
  return fit;
}

SsrProfile::Fit SsrProfile::operator()(const CrossSums& x) const {
  const Eigen::VectorXd b = BtB_.solve(x.Btx);
  Fit fit;
  fit.linear = x.xx - b.dot(x.Btx);
  sse(fit.linear, x.Dtx, b, fit.sse);
  return fit;
}

}  // namespace cbec::detail
