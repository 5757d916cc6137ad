#include "cbec/estimate/ols/row_partition.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"
#include "cbec/estimate/ols/least_squares.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

void RowPartition::sum(double* data, size_t n) const { exchange->sum(data, n); }

double RowPartition::sum(double x) const {
  exchange->sum(&x, 1);
  return x;
}

void RowPartition::sum(Eigen::MatrixXd& m) const { exchange->sum(m.data(), static_cast<size_t>(m.size())); }

void RowPartition::sum(Eigen::VectorXd& v) const { exchange->sum(v.data(), static_cast<size_t>(v.size())); }

Eigen::MatrixXd RowPartition::combine_factor(const Eigen::MatrixXd& R) const {
  const long p = R.cols();
  const size_t bytes = static_cast<size_t>(p * p) * sizeof(double);
  std::vector<size_t> lengths;
  const std::string all = exchange->all_gather(std::string_view(reinterpret_cast<const char*>(R.data()), bytes), lengths);
  Eigen::MatrixXd out(p, p), part(p, p);
  size_t at = 0;
  for (size_t r = 0; r < lengths.size(); ++r) {
    if (lengths[r] != bytes) throw Error("internal error: another process sent a factor of another size");
    std::memcpy(r == 0 ? out.data() : part.data(), all.data() + at, bytes);
    if (r > 0) fold_factor(out, part);
    at += bytes;
  }
  return out;
}

bool can_partition(const Design& d, const VcovSpec& vcov) {
  return !d.fixed_effects.empty() && d.is_stacked() && d.n_endog == 0 && d.n_instruments == 0 && vcov.type != "CR2";
}

namespace {

template <class T>
std::vector<T> subset(const std::vector<T>& v, const std::vector<size_t>& keep) {
  std::vector<T> out(keep.size());
  for (size_t a = 0; a < keep.size(); ++a) out[a] = v[keep[a]];
  return out;
}

}  // namespace

void keep_rows(Design& d, const std::vector<size_t>& keep) {
  const size_t n = static_cast<size_t>(d.stacked.rows());
  {
    const long m = static_cast<long>(keep.size()), cols = d.stacked.cols();
    Eigen::MatrixXd s(m, cols);
    for (long j = 0; j < cols; ++j) {
      const double* from = d.stacked.col(j).data();
      double* to = s.col(j).data();
      for (long a = 0; a < m; ++a) to[a] = from[keep[static_cast<size_t>(a)]];
    }
    d.stacked = std::move(s);
  }
  for (auto& f : d.fixed_effects) f.codes = subset(f.codes, keep);
  for (auto& [name, g] : d.groups) g.codes = subset(g.codes, keep);
  if (d.weights.size()) {
    Eigen::VectorXd w(static_cast<long>(keep.size()));
    for (size_t a = 0; a < keep.size(); ++a) w[static_cast<long>(a)] = d.weights[static_cast<long>(keep[a])];
    d.weights = std::move(w);
  }
  if (d.rows.size() == n) d.rows = subset(d.rows, keep);
  else d.rows.clear();
}

Design partition_rows(Design&& full, ReduceExchange& exchange, const VcovSpec& vcov, RowPartition& out) {
  const size_t n = static_cast<size_t>(full.stacked.rows());
  const size_t P = static_cast<size_t>(exchange.size()), me = static_cast<size_t>(exchange.rank());
  std::vector<size_t> levels;
  for (const auto& f : full.fixed_effects) levels.push_back(f.n_levels);
  const size_t dim = Demeaner::by_size(levels)[0];
  out.exchange = &exchange;
  out.demean = {&exchange, dim, levels};
  out.n_total = n;
  // Counted on all rows, before the split.
  out.absorbed = absorbed_parameters(full.fixed_effects);
  if (vcov.type == "CR1" || vcov.type == "DK") {  // the cluster variables, or DK's periods
    std::vector<const Factor*> cl;
    for (const auto& c : vcov.groups()) cl.push_back(&full.grouping(c));
    out.absorbed_cluster = absorbed_not_nested(full, out.absorbed, cl);
  }
  // Levels of the split dimension to processes: consecutive levels, a process taking the levels
  // that start in its n / P rows.
  const Factor& split = full.fixed_effects[dim];
  std::vector<size_t> count(split.n_levels, 0);
  for (int32_t c : split.codes) ++count[static_cast<size_t>(c)];
  std::vector<uint32_t> owner(split.n_levels);
  size_t before = 0, first = split.n_levels, mine = 0;
  for (size_t g = 0; g < split.n_levels; ++g) {
    owner[g] = static_cast<uint32_t>(std::min(P - 1, n ? before * P / n : 0));
    before += count[g];
    if (owner[g] == me) {
      first = std::min(first, g);
      ++mine;
    }
  }
  if (first == split.n_levels) first = 0;
  // Groupings (clusters, time) whose every level lies on one process.
  for (const auto& [name, g] : full.groups) {
    std::vector<int64_t> home(g.n_levels, -1);
    bool whole = true;
    for (size_t i = 0; i < n && whole; ++i) {
      int64_t& h = home[static_cast<size_t>(g.codes[i])];
      const int64_t r = owner[static_cast<size_t>(split.codes[i])];
      if (h < 0) h = r;
      else whole = h == r;
    }
    if (whole) out.whole_groups.insert(name);
  }
  std::vector<size_t> keep;
  keep.reserve(n / P + 1);
  for (size_t i = 0; i < n; ++i)
    if (owner[static_cast<size_t>(split.codes[i])] == me) keep.push_back(i);

  Design d = std::move(full);
  keep_rows(d, keep);
  Factor& f = d.fixed_effects[dim];
  for (auto& c : f.codes) c -= static_cast<int32_t>(first);
  if (f.labels.size() == f.n_levels)
    f.labels = std::vector<std::string>(f.labels.begin() + static_cast<long>(first), f.labels.begin() + static_cast<long>(first + mine));
  f.n_levels = mine;
  return d;
}

}  // namespace cbec
