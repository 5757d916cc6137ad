#include "cbec/estimate/ols/demean.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "cbec/estimate/ols/irons_tuck.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {
namespace {

constexpr size_t kWarmup = 15;  // fixest's iter_warmup: iterations on all dimensions before the two largest

// One dimension's block of a sweep: coef_q[g] = (sum_g w v - sum_g w * sum_{r != q} coef_r) / sum_g w,
// without the division (the caller divides, after adding the processes' sums when rows are split).
// `codes` and `coefs` list the other dimensions; out holds sum_g w v on entry (the caller copies it).
template <bool Weighted>
void update_block(size_t n, const int32_t* cq, const std::vector<const int32_t*>& codes,
                  const std::vector<const double*>& coefs, const double* w, double* out) {
  const size_t R = codes.size();
  if (R == 1) {
    const int32_t* c0 = codes[0];
    const double* a0 = coefs[0];
    for (size_t i = 0; i < n; ++i) out[cq[i]] -= (Weighted ? w[i] : 1.0) * a0[c0[i]];
  } else if (R == 2) {
    const int32_t *c0 = codes[0], *c1 = codes[1];
    const double *a0 = coefs[0], *a1 = coefs[1];
    for (size_t i = 0; i < n; ++i) out[cq[i]] -= (Weighted ? w[i] : 1.0) * (a0[c0[i]] + a1[c1[i]]);
  } else {
    for (size_t i = 0; i < n; ++i) {
      double s = 0;
      for (size_t r = 0; r < R; ++r) s += coefs[r][codes[r][i]];
      out[cq[i]] -= (Weighted ? w[i] : 1.0) * s;
    }
  }
}

}  // namespace

std::vector<size_t> Demeaner::by_size(const std::vector<size_t>& levels) {
  std::vector<size_t> order(levels.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return levels[a] > levels[b]; });
  return order;
}

Demeaner::Demeaner(const std::vector<Factor>& fes, const Eigen::VectorXd& weights, double tol, size_t max_iter,
                   const DemeanPartition* partition)
    : fes_(fes), w_(weights), tol_(tol), max_iter_(max_iter), n_(fes.empty() ? 0 : fes[0].codes.size()), partition_(partition) {
  for (size_t q = 0; q < fes_.size(); ++q) {
    const Factor& f = fes_[q];
    std::vector<double> s(f.n_levels, 0.0);
    for (size_t i = 0; i < n_; ++i) s[f.codes[i]] += w_.size() ? w_[static_cast<long>(i)] : 1.0;
    if (split(q)) partition_->exchange->sum(s.data(), s.size());
    wsum_.push_back(std::move(s));
  }
  std::vector<size_t> levels;
  for (const auto& f : fes_) levels.push_back(f.n_levels);
  by_size_ = by_size(partition_ ? partition_->levels : levels);
  if (partition_ && !by_size_.empty() && by_size_[0] != partition_->dim)
    throw std::logic_error("Demeaner: the rows must be split by the largest fixed-effect dimension");
}

Demeaner::ColumnStats Demeaner::project(double* v, const std::vector<size_t>& dims, size_t max_iter) const {
  const size_t Q = dims.size();
  const bool weighted = w_.size() > 0;
  const double* w = weighted ? w_.data() : nullptr;
  std::vector<size_t> offset(Q + 1, 0);
  for (size_t k = 0; k < Q; ++k) offset[k + 1] = offset[k] + fes_[dims[k]].n_levels;
  // Weighted sums of v per level, stacked as the coefficients are.
  // With split rows: this process's sums (the other processes' are added in the sweep).
  std::vector<double> vsum(offset[Q], 0.0);
  for (size_t k = 0; k < Q; ++k) {
    const int32_t* c = fes_[dims[k]].codes.data();
    double* s = vsum.data() + offset[k];
    for (size_t i = 0; i < n_; ++i) s[c[i]] += (weighted ? w[i] : 1.0) * v[i];
  }
  ReduceExchange* ex = partition_ ? partition_->exchange : nullptr;
  ColumnStats st;
  std::vector<double> coef(offset[Q], 0.0);
  if (Q == 1) {
    if (split(dims[0])) ex->sum(vsum.data(), vsum.size());
    const auto& s = wsum_[dims[0]];
    for (size_t g = 0; g < s.size(); ++g) coef[g] = vsum[g] / s[g];
  } else {
    std::vector<const int32_t*> codes(Q - 1);
    std::vector<const double*> coefs(Q - 1);
    // One sweep, smallest dimension first: dimensions after q come from `out` (already updated),
    // those before q from `in`. The smallest dimension's entries of `in` are never read.
    auto sweep = [&](const double* in, double* out) {
      for (size_t q = Q; q-- > 0;) {
        size_t a = 0;
        for (size_t r = 0; r < Q; ++r) {
          if (r == q) continue;
          codes[a] = fes_[dims[r]].codes.data();
          coefs[a++] = (r < q ? in : out) + offset[r];
        }
        double* o = out + offset[q];
        std::copy(vsum.begin() + static_cast<long>(offset[q]), vsum.begin() + static_cast<long>(offset[q + 1]), o);
        const size_t levels = offset[q + 1] - offset[q];
        const int32_t* cq = fes_[dims[q]].codes.data();
        if (weighted) update_block<true>(n_, cq, codes, coefs, w, o);
        else update_block<false>(n_, cq, codes, coefs, w, o);
        if (split(dims[q])) ex->sum(o, levels);
        const double* ws = wsum_[dims[q]].data();
        for (size_t g = 0; g < levels; ++g) o[g] /= ws[g];
      }
    };
    auto ssr = [&](const double* x) {
      double s = 0;
      for (size_t i = 0; i < n_; ++i) {
        double e = v[i];
        for (size_t k = 0; k < Q; ++k) e -= x[offset[k] + fes_[dims[k]].codes[i]];
        s += e * e;
      }
      if (ex) ex->sum(&s, 1);
      return s;
    };
    // With split rows, the first dimension (the split one) is this process's own: its entries of
    // the iterated vector are summed over the processes in the acceleration and its test.
    const FixedPointSplit fps{ex, ex ? offset[1] : 0};
    const FixedPointStats fp = irons_tuck_fixed_point(sweep, ssr, coef, offset[Q - 1], tol_, max_iter, fps);
    st = {fp.iterations, fp.evaluations, fp.converged};
  }
  for (size_t i = 0; i < n_; ++i) {
    double s = 0;
    for (size_t k = 0; k < Q; ++k) s += coef[offset[k] + fes_[dims[k]].codes[i]];
    v[i] -= s;
  }
  return st;
}

Demeaner::ColumnStats Demeaner::demean_column(double* v) const {
  if (by_size_.size() <= 2) return project(v, by_size_, max_iter_);
  ColumnStats st = project(v, by_size_, std::min(kWarmup, max_iter_));
  if (st.converged) return st;
  auto add = [&](const ColumnStats& s) {
    st.iterations += s.iterations;
    st.sweeps += s.sweeps;
    st.converged = s.converged;
  };
  const size_t two_max = max_iter_ / 2 > st.iterations ? max_iter_ / 2 - st.iterations : 0;
  if (two_max > 0) add(project(v, {by_size_[0], by_size_[1]}, two_max));
  add(project(v, by_size_, max_iter_ > st.iterations ? max_iter_ - st.iterations : 0));
  return st;
}

DemeanStats Demeaner::demean(Eigen::MatrixXd& m) const {
  DemeanStats stats;
  if (fes_.empty()) return stats;
  const long k = m.cols();
  std::vector<ColumnStats> cols(static_cast<size_t>(k));
  if (partition_) {  // the exchange is called from this thread, column after column
    for (long j = 0; j < k; ++j) cols[static_cast<size_t>(j)] = demean_column(m.col(j).data());
  } else {
#pragma omp parallel for schedule(dynamic, 1)
    for (long j = 0; j < k; ++j) cols[static_cast<size_t>(j)] = demean_column(m.col(j).data());
  }
  for (const auto& c : cols) {
    stats.max_iterations = std::max(stats.max_iterations, c.iterations);
    stats.max_sweeps = std::max(stats.max_sweeps, c.sweeps);
    stats.converged = stats.converged && c.converged;
  }
  return stats;
}

DemeanStats Demeaner::demean(Eigen::VectorXd& v) const {
  DemeanStats stats;
  if (fes_.empty()) return stats;
  const ColumnStats c = demean_column(v.data());
  return {c.iterations, c.sweeps, c.converged};
}

}  // namespace cbec
