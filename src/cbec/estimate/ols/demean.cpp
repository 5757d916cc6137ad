#include "cbec/estimate/ols/demean.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <type_traits>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "cbec/estimate/ols/fixed_effect_cells.hpp"
#include "cbec/estimate/ols/irons_tuck.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {
namespace {

constexpr size_t kWarmup = 15;    // fixest's iter_warmup: iterations on all dimensions before the two largest
constexpr size_t kMaxBatch = 8;   // columns demeaned together (their coefficients are interleaved)

// Calls f with std::integral_constant<size_t, K>: K = k for a batch of 1 to 4 columns (the loops
// over the batch unrolled), else K = 0 (the kernel reads k).
template <class F>
void by_batch_size(size_t k, F&& f) {
  switch (k) {
    case 1: return f(std::integral_constant<size_t, 1>{});
    case 2: return f(std::integral_constant<size_t, 2>{});
    case 3: return f(std::integral_constant<size_t, 3>{});
    case 4: return f(std::integral_constant<size_t, 4>{});
    default: return f(std::integral_constant<size_t, 0>{});
  }
}

// One dimension's row pass of a sweep, for k interleaved columns: coef_q[g] = (sum_g w v - sum_g w *
// sum_{r != q} coef_r) / sum_g w, without the division (the caller divides, after adding the
// processes' sums when rows are split) and for the partners r read from the rows (`codes`, `coefs`;
// those read from their cells are subtracted apart). out holds sum_g w v on entry (the caller copies
// it). A run of rows of one level (rows sorted by this dimension, as a panel by its unit) is summed
// in registers and subtracted once: the stores to one level's sums would otherwise chain row after
// row; `own` lists the runs when every level is one (level_runs), else they are found by comparing
// codes. K > 0 is k known at compile time (the loop over the batch unrolled); K = 0 reads k. R > 0
// is the number of partners known at compile time; R = 0 reads codes.size().
template <bool Weighted, size_t K, size_t R>
void update_rows(size_t n, size_t k, const int32_t* cq, const LevelRuns* own, const std::vector<const int32_t*>& codes,
                 const std::vector<const double*>& coefs, const double* w, double* __restrict out) {
  if (K > 0) k = K;
  const size_t partners = R > 0 ? R : codes.size();
  const int32_t* c0 = codes[0];
  const int32_t* c1 = partners > 1 ? codes[1] : nullptr;
  const double* __restrict a0 = coefs[0];
  const double* __restrict a1 = partners > 1 ? coefs[1] : nullptr;
  double s[K > 0 ? K : kMaxBatch];
  auto add_row = [&](size_t i) {
    const double wi = Weighted ? w[i] : 1.0;
    const double* a = a0 + static_cast<size_t>(c0[i]) * k;
    if constexpr (R == 1) {
      for (size_t j = 0; j < k; ++j) s[j] += wi * a[j];
    } else if constexpr (R == 2) {
      const double* b = a1 + static_cast<size_t>(c1[i]) * k;
      for (size_t j = 0; j < k; ++j) s[j] += wi * (a[j] + b[j]);
    } else {
      for (size_t j = 0; j < k; ++j) {
        double t = 0;
        for (size_t r = 0; r < partners; ++r) t += coefs[r][static_cast<size_t>(codes[r][i]) * k + j];
        s[j] += wi * t;
      }
    }
  };
  auto subtract = [&](int32_t g) {
    double* o = out + static_cast<size_t>(g) * k;
    for (size_t j = 0; j < k; ++j) o[j] -= s[j];
  };
  if (own) {
    for (size_t r = 0; r < own->size(); ++r) {
      for (size_t j = 0; j < k; ++j) s[j] = 0;
      for (size_t i = own->start[r]; i < own->start[r + 1]; ++i) add_row(i);
      subtract(own->level[r]);
    }
    return;
  }
  for (size_t i = 0; i < n;) {
    const int32_t g = cq[i];
    for (size_t j = 0; j < k; ++j) s[j] = 0;
    do add_row(i);
    while (++i < n && cq[i] == g);
    subtract(g);
  }
}

template <bool Weighted, size_t K>
void update_rows(size_t n, size_t k, const int32_t* cq, const LevelRuns* own, const std::vector<const int32_t*>& codes,
                 const std::vector<const double*>& coefs, const double* w, double* out) {
  switch (codes.size()) {
    case 1: return update_rows<Weighted, K, 1>(n, k, cq, own, codes, coefs, w, out);
    case 2: return update_rows<Weighted, K, 2>(n, k, cq, own, codes, coefs, w, out);
    default: return update_rows<Weighted, K, 0>(n, k, cq, own, codes, coefs, w, out);
  }
}

template <bool Weighted>
void update_rows(size_t n, size_t k, const int32_t* cq, const LevelRuns* own, const std::vector<const int32_t*>& codes,
                 const std::vector<const double*>& coefs, const double* w, double* out) {
  by_batch_size(k, [&](auto K) { update_rows<Weighted, K.value>(n, k, cq, own, codes, coefs, w, out); });
}

// The row pass for a dimension q with one partner r whose levels are in runs (rows sorted by r, q
// not): out[level of i in q] -= w_i coef_r[h] over the rows i of each run of level h, coef_r[h] read
// once per run.
template <bool Weighted, size_t K>
void update_from_partner_runs(const LevelRuns& runs, size_t k, const int32_t* cq, const double* coef_r, const double* w,
                              double* __restrict out) {
  if (K > 0) k = K;
  double a[K > 0 ? K : kMaxBatch];
  for (size_t r = 0; r < runs.size(); ++r) {
    const double* coef = coef_r + static_cast<size_t>(runs.level[r]) * k;
    for (size_t j = 0; j < k; ++j) a[j] = coef[j];
    for (size_t i = runs.start[r]; i < runs.start[r + 1]; ++i) {
      const double wi = Weighted ? w[i] : 1.0;
      double* o = out + static_cast<size_t>(cq[i]) * k;
      for (size_t j = 0; j < k; ++j) o[j] -= wi * a[j];
    }
  }
}

// The weighted sums of the columns v over each level of every dimension d, into sums[d] (k
// interleaved), in one pass over the rows.
template <size_t K>
void level_sums(size_t n, size_t k, const std::vector<double*>& v, const double* w, const std::vector<const int32_t*>& codes,
                const std::vector<double*>& sums) {
  if (K > 0) k = K;
  double x[K > 0 ? K : kMaxBatch];
  for (size_t i = 0; i < n; ++i) {
    const double wi = w ? w[i] : 1.0;
    for (size_t j = 0; j < k; ++j) x[j] = wi * v[j][i];
    for (size_t d = 0; d < codes.size(); ++d) {
      double* s = sums[d] + static_cast<size_t>(codes[d][i]) * k;
      for (size_t j = 0; j < k; ++j) s[j] += x[j];
    }
  }
}

// v -= the fitted fixed effects, sum over d of coefs[d][level of row i in d] (k interleaved).
template <size_t K>
void subtract_fitted(size_t n, size_t k, const std::vector<double*>& v, const std::vector<const int32_t*>& codes,
                     const std::vector<const double*>& coefs) {
  if (K > 0) k = K;
  double fit[K > 0 ? K : kMaxBatch];
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < k; ++j) fit[j] = 0;
    for (size_t d = 0; d < codes.size(); ++d) {
      const double* a = coefs[d] + static_cast<size_t>(codes[d][i]) * k;
      for (size_t j = 0; j < k; ++j) fit[j] += a[j];
    }
    for (size_t j = 0; j < k; ++j) v[j][i] -= fit[j];
  }
}

// The same subtraction for a partner read from the pair's cells (fixed_effect_cells.hpp):
// out[g] -= W_gh coef_r[h] over the cells (g, h), g this dimension's level (`mine`), h the partner's.
void update_cells(size_t k, const int32_t* mine, const int32_t* theirs, const std::vector<double>& weight, const double* coef_r,
                  double* out) {
  for (size_t c = 0; c < weight.size(); ++c) {
    double* o = out + static_cast<size_t>(mine[c]) * k;
    const double* a = coef_r + static_cast<size_t>(theirs[c]) * k;
    for (size_t j = 0; j < k; ++j) o[j] -= weight[c] * a[j];
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
  // Each dimension's weight per level, a dimension per thread (each sum in row order).
  wsum_.resize(fes_.size());
#pragma omp parallel for schedule(dynamic, 1) if (n_ > (size_t{1} << 16))
  for (size_t q = 0; q < fes_.size(); ++q) {
    const Factor& f = fes_[q];
    std::vector<double> s(f.n_levels, 0.0);
    for (size_t i = 0; i < n_; ++i) s[f.codes[i]] += w_.size() ? w_[static_cast<long>(i)] : 1.0;
    wsum_[q] = std::move(s);
  }
  for (size_t q = 0; q < fes_.size(); ++q)
    if (split(q)) partition_->exchange->sum(wsum_[q].data(), wsum_[q].size());
  // The pairs of dimensions whose cells are at most half as many as the rows (fixed_effect_cells.hpp):
  // those with at most that many combinations of levels, and those whose first sixteenth of the rows
  // has at most half as many cells as rows.
  const size_t Q = fes_.size();
  cells_.resize(Q * Q);
  const double* wp = w_.size() ? w_.data() : nullptr;
  for (size_t a = 0; a < Q; ++a)
    for (size_t b = a + 1; b < Q; ++b) {
      const size_t head = n_ / 16;
      const bool few_combinations = fes_[b].n_levels == 0 || fes_[a].n_levels <= n_ / 2 / fes_[b].n_levels;
      if (!few_combinations && head > 0 && !fixed_effect_cells(fes_[a], fes_[b], wp, head / 2, head)) continue;
      cells_[a * Q + b] = fixed_effect_cells(fes_[a], fes_[b], wp, n_ / 2);
    }
  // The dimensions whose levels are in runs of at least 4 rows on average (update_rows, update_from_partner_runs).
  for (const Factor& f : fes_) runs_.push_back(level_runs(f, 4));
  std::vector<size_t> levels;
  for (const auto& f : fes_) levels.push_back(f.n_levels);
  by_size_ = by_size(partition_ ? partition_->levels : levels);
  if (partition_ && !by_size_.empty() && by_size_[0] != partition_->dim)
    throw std::logic_error("Demeaner: the rows must be split by the largest fixed-effect dimension");
}

std::vector<Demeaner::ColumnStats> Demeaner::project(const std::vector<double*>& v, const std::vector<size_t>& dims,
                                                     const std::vector<size_t>& max_iter) const {
  const size_t Q = dims.size(), k = v.size();
  const bool weighted = w_.size() > 0;
  const double* w = weighted ? w_.data() : nullptr;
  std::vector<size_t> offset(Q + 1, 0);
  for (size_t d = 0; d < Q; ++d) offset[d + 1] = offset[d] + fes_[dims[d]].n_levels;
  // Weighted sums of v per level, stacked as the coefficients are (level g of dimension d, column
  // j at (offset[d] + g) * k + j). With split rows: this process's sums (the other processes' are
  // added in the sweep).
  std::vector<const int32_t*> dim_codes;
  for (size_t d = 0; d < Q; ++d) dim_codes.push_back(fes_[dims[d]].codes.data());
  std::vector<double> vsum(offset[Q] * k, 0.0);
  std::vector<double*> vsum_of;
  for (size_t d = 0; d < Q; ++d) vsum_of.push_back(vsum.data() + offset[d] * k);
  by_batch_size(k, [&](auto K) { level_sums<K.value>(n_, k, v, w, dim_codes, vsum_of); });
  ReduceExchange* ex = partition_ ? partition_->exchange : nullptr;
  std::vector<ColumnStats> st(k);
  std::vector<double> coef(offset[Q] * k, 0.0);
  auto divide = [&](double* o, size_t dim) {
    const std::vector<double>& ws = wsum_[dim];
    for (size_t g = 0; g < ws.size(); ++g)
      for (size_t j = 0; j < k; ++j) o[g * k + j] /= ws[g];
  };
  if (Q == 1) {
    if (split(dims[0])) ex->sum(vsum.data(), vsum.size());
    coef = vsum;
    divide(coef.data(), dims[0]);
  } else {
    std::vector<const int32_t*> codes;  // the partners read from the rows
    std::vector<const double*> coefs;
    // One sweep, smallest dimension first: dimensions after q come from `out` (already updated),
    // those before q from `in`. The smallest dimension's entries of `in` are never read.
    auto sweep = [&](const double* in, double* out) {
      for (size_t q = Q; q-- > 0;) {
        codes.clear();
        coefs.clear();
        size_t row_partner = 0;  // the (last) partner read from the rows
        double* o = out + offset[q] * k;
        std::copy(vsum.begin() + static_cast<long>(offset[q] * k), vsum.begin() + static_cast<long>(offset[q + 1] * k), o);
        for (size_t r = 0; r < Q; ++r) {
          if (r == q) continue;
          const double* coef_r = (r < q ? in : out) + offset[r] * k;
          if (const FixedEffectCells* c = cells(dims[q], dims[r])) {
            const bool first = dims[q] < dims[r];
            update_cells(k, (first ? c->first : c->second).data(), (first ? c->second : c->first).data(), c->weight, coef_r, o);
          } else {
            codes.push_back(fes_[dims[r]].codes.data());
            coefs.push_back(coef_r);
            row_partner = dims[r];
          }
        }
        const int32_t* cq = fes_[dims[q]].codes.data();
        // One partner from the rows, in runs while this dimension is not: that partner's runs.
        const LevelRuns* partner_runs = codes.size() == 1 && !runs_[dims[q]] && runs_[row_partner] ? &*runs_[row_partner] : nullptr;
        if (partner_runs) {
          by_batch_size(k, [&](auto K) {
            if (weighted) update_from_partner_runs<true, K.value>(*partner_runs, k, cq, coefs[0], w, o);
            else update_from_partner_runs<false, K.value>(*partner_runs, k, cq, coefs[0], w, o);
          });
        } else if (!codes.empty()) {
          const LevelRuns* own = runs_[dims[q]] ? &*runs_[dims[q]] : nullptr;
          if (weighted) update_rows<true>(n_, k, cq, own, codes, coefs, w, o);
          else update_rows<false>(n_, k, cq, own, codes, coefs, w, o);
        }
        if (split(dims[q])) ex->sum(o, (offset[q + 1] - offset[q]) * k);
        divide(o, dims[q]);
      }
    };
    auto ssr = [&](const double* x, double* s) {
      std::fill(s, s + k, 0.0);
      for (size_t i = 0; i < n_; ++i)
        for (size_t j = 0; j < k; ++j) {
          double e = v[j][i];
          for (size_t d = 0; d < Q; ++d) e -= x[(offset[d] + static_cast<size_t>(fes_[dims[d]].codes[i])) * k + j];
          s[j] += e * e;
        }
      if (ex) ex->sum(s, k);
    };
    // With split rows, the first dimension (the split one) is this process's own: its entries of
    // the iterated vector are summed over the processes in the acceleration and its test.
    const FixedPointSplit fps{ex, ex ? offset[1] : 0};
    const std::vector<FixedPointStats> fp = irons_tuck_fixed_point(sweep, ssr, coef, k, offset[Q - 1], tol_, max_iter, fps);
    for (size_t j = 0; j < k; ++j) st[j] = {fp[j].iterations, fp[j].evaluations, fp[j].converged};
  }
  std::vector<const double*> coef_of;
  for (size_t d = 0; d < Q; ++d) coef_of.push_back(coef.data() + offset[d] * k);
  by_batch_size(k, [&](auto K) { subtract_fitted<K.value>(n_, k, v, dim_codes, coef_of); });
  return st;
}

std::vector<Demeaner::ColumnStats> Demeaner::demean_columns(const std::vector<double*>& v) const {
  const size_t k = v.size();
  if (by_size_.size() <= 2) return project(v, by_size_, std::vector<size_t>(k, max_iter_));
  std::vector<ColumnStats> st = project(v, by_size_, std::vector<size_t>(k, std::min(kWarmup, max_iter_)));
  // The columns the warm-up left unconverged go on together: the two largest dimensions, then all.
  std::vector<size_t> rest;
  for (size_t j = 0; j < k; ++j)
    if (!st[j].converged) rest.push_back(j);
  auto go_on = [&](const std::vector<size_t>& cols, const std::vector<size_t>& dims, const std::vector<size_t>& max_iter) {
    if (cols.empty()) return;
    std::vector<double*> sub;
    for (size_t j : cols) sub.push_back(v[j]);
    const std::vector<ColumnStats> s = project(sub, dims, max_iter);
    for (size_t c = 0; c < cols.size(); ++c) {
      ColumnStats& t = st[cols[c]];
      t.iterations += s[c].iterations;
      t.sweeps += s[c].sweeps;
      t.converged = s[c].converged;
    }
  };
  std::vector<size_t> two_cols, two_max;
  for (size_t j : rest) {
    const size_t m = max_iter_ / 2 > st[j].iterations ? max_iter_ / 2 - st[j].iterations : 0;
    if (m > 0) {
      two_cols.push_back(j);
      two_max.push_back(m);
    }
  }
  go_on(two_cols, {by_size_[0], by_size_[1]}, two_max);
  std::vector<size_t> all_max;
  for (size_t j : rest) all_max.push_back(max_iter_ > st[j].iterations ? max_iter_ - st[j].iterations : 0);
  go_on(rest, by_size_, all_max);
  return st;
}

DemeanStats Demeaner::demean(Eigen::MatrixXd& m) const {
  DemeanStats stats;
  if (fes_.empty()) return stats;
  const size_t k = static_cast<size_t>(m.cols());
  // Columns in batches demeaned together (one pass over the rows per sweep for the batch); the
  // batches in parallel, at least one per thread. With split rows the exchange is called from this
  // thread, batch after batch. Each column's numbers are those of demeaning it alone.
  size_t n_batches = 1;
  if (!partition_) {
#ifdef _OPENMP
    n_batches = static_cast<size_t>(omp_get_max_threads());
#endif
  }
  n_batches = std::max(n_batches, (k + kMaxBatch - 1) / kMaxBatch);
  n_batches = std::max<size_t>(1, std::min(n_batches, k));
  std::vector<ColumnStats> cols(k);
  auto run_batch = [&](size_t b) {
    const size_t first = b * k / n_batches, last = (b + 1) * k / n_batches;
    std::vector<double*> v;
    for (size_t j = first; j < last; ++j) v.push_back(m.col(static_cast<long>(j)).data());
    const std::vector<ColumnStats> s = demean_columns(v);
    std::copy(s.begin(), s.end(), cols.begin() + static_cast<long>(first));
  };
  if (partition_) {
    for (size_t b = 0; b < n_batches; ++b) run_batch(b);
  } else {
#pragma omp parallel for schedule(dynamic, 1)
    for (size_t b = 0; b < n_batches; ++b) run_batch(b);
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
  const ColumnStats c = demean_columns({v.data()}).front();
  return {c.iterations, c.sweeps, c.converged};
}

}  // namespace cbec
