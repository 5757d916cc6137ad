#include "cbec/estimate/ols/design_across_processes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {

// A fixed effect of this process's design: `local` when its levels are this process's own (the
// split effect, coded 0..n_levels-1 here), else coded over all processes; `levels` over all.
struct Dimension {
  const Factor* factor;
  bool local;
  size_t levels;
};

std::string pack(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) {
    const uint64_t n = t.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n).append(t);
  }
  return out;
}

std::vector<std::string> unpack(const std::string& bytes) {
  std::vector<std::string> out;
  for (size_t p = 0; p < bytes.size();) {
    uint64_t n = 0;
    std::memcpy(&n, bytes.data() + p, sizeof n);
    p += sizeof n;
    out.push_back(bytes.substr(p, n));
    p += n;
  }
  return out;
}

// Codes over all processes: the labels of every share, sorted (the order of the levels changes only
// the order of additions).
void code_over_processes(Factor& f, ReduceExchange& ex) {
  std::vector<size_t> lengths;
  std::vector<std::string> labels = unpack(ex.all_gather(pack(f.labels), lengths));
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  std::vector<int32_t> to(f.labels.size());
  for (size_t l = 0; l < to.size(); ++l)
    to[l] = static_cast<int32_t>(std::lower_bound(labels.begin(), labels.end(), f.labels[l]) - labels.begin());
  for (auto& c : f.codes) c = to[static_cast<size_t>(c)];
  f.labels = std::move(labels);
  f.n_levels = f.labels.size();
}

// Codes over all processes of a grouping whose levels are each on one process: after the levels
// of the processes before this one.
void code_whole_levels(Factor& f, ReduceExchange& ex) {
  const size_t P = static_cast<size_t>(ex.size()), me = static_cast<size_t>(ex.rank());
  std::vector<double> levels(P, 0.0);
  levels[me] = static_cast<double>(f.n_levels);
  ex.sum(levels.data(), P);
  const auto before = static_cast<int32_t>(std::accumulate(levels.begin(), levels.begin() + static_cast<long>(me), 0.0));
  for (auto& c : f.codes) c += before;
  f.n_levels = static_cast<size_t>(std::accumulate(levels.begin(), levels.end(), 0.0));
  f.labels.clear();
}

// Rows per level among `rows` (all rows when null), added over the processes unless `local`.
std::vector<double> level_counts(const Factor& f, bool local, ReduceExchange& ex, const std::vector<size_t>* rows = nullptr) {
  std::vector<double> count(f.n_levels, 0.0);
  if (rows)
    for (size_t r : *rows) ++count[static_cast<size_t>(f.codes[r])];
  else
    for (int32_t c : f.codes) ++count[static_cast<size_t>(c)];
  if (!local) ex.sum(count.data(), count.size());
  return count;
}

// Drops the levels without rows (counts over all processes), keeping the others' order.
void drop_empty_levels(Factor& f, const std::vector<double>& count) {
  std::vector<int32_t> to(f.n_levels, -1);
  std::vector<std::string> labels;
  int32_t next = 0;
  for (size_t l = 0; l < f.n_levels; ++l)
    if (count[l] > 0) {
      to[l] = next++;
      if (f.labels.size() == f.n_levels) labels.push_back(f.labels[l]);
    }
  for (auto& c : f.codes) c = to[static_cast<size_t>(c)];
  f.n_levels = static_cast<size_t>(next);
  f.labels = std::move(labels);
}

// Iteratively removes the rows alone in a level of any fixed effect, counted over all processes
// (drop_singletons in factor.hpp, Correia 2015): the same rows as one process, round by round.
// Returns the rows kept here and the number removed over all processes.
std::vector<size_t> drop_singletons_over_processes(const std::vector<Factor>& fes, size_t dim, size_t n, ReduceExchange& ex,
                                                   size_t& removed) {
  std::vector<size_t> rows(n);
  std::iota(rows.begin(), rows.end(), size_t{0});
  removed = 0;
  while (true) {
    std::vector<std::vector<double>> counts;
    for (size_t q = 0; q < fes.size(); ++q) counts.push_back(level_counts(fes[q], q == dim, ex, &rows));
    size_t kept = 0;
    for (size_t a = 0; a < rows.size(); ++a) {
      const size_t r = rows[a];
      bool single = false;
      for (size_t q = 0; q < fes.size() && !single; ++q) single = counts[q][static_cast<size_t>(fes[q].codes[r])] == 1;
      if (!single) rows[kept++] = r;
    }
    double gone = static_cast<double>(rows.size() - kept);
    rows.resize(kept);
    ex.sum(&gone, 1);
    removed += static_cast<size_t>(gone);
    if (gone == 0) return rows;
  }
}

// Connected components of the graph whose nodes are the levels of a and b and whose edges are the
// rows (Abowd, Creecy and Kramarz 2002): each process joins its rows' nodes, then sends, for each
// node coded over all processes, the smallest such node of its component here; the components
// over all processes join those pairs. A component always holds a node coded over all processes
// (at most one of a and b is local).
size_t components_over_processes(const Dimension& a, const Dimension& b, ReduceExchange& ex) {
  const size_t na = a.factor->n_levels, nb = b.factor->n_levels;
  auto find = [](std::vector<int64_t>& parent, int64_t x) {
    while (parent[static_cast<size_t>(x)] != x) {
      parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
      x = parent[static_cast<size_t>(x)];
    }
    return x;
  };
  std::vector<int64_t> parent(na + nb);
  std::iota(parent.begin(), parent.end(), int64_t{0});
  std::vector<char> seen(na + nb, 0);
  for (size_t i = 0; i < a.factor->codes.size(); ++i) {
    const int64_t x = a.factor->codes[i], y = static_cast<int64_t>(na) + b.factor->codes[i];
    seen[static_cast<size_t>(x)] = seen[static_cast<size_t>(y)] = 1;
    const int64_t rx = find(parent, x), ry = find(parent, y);
    if (rx != ry) parent[static_cast<size_t>(rx)] = ry;
  }
  const int64_t a_global = a.local ? 0 : static_cast<int64_t>(a.levels);  // nodes of a coded over all processes
  auto global_id = [&](size_t v) -> int64_t {
    if (v < na) return a.local ? -1 : static_cast<int64_t>(v);
    return b.local ? -1 : a_global + static_cast<int64_t>(v - na);
  };
  std::vector<int64_t> smallest(na + nb, std::numeric_limits<int64_t>::max());
  for (size_t v = 0; v < na + nb; ++v)
    if (seen[v] && global_id(v) >= 0) {
      int64_t& s = smallest[static_cast<size_t>(find(parent, static_cast<int64_t>(v)))];
      s = std::min(s, global_id(v));
    }
  std::vector<int64_t> pairs;
  for (size_t v = 0; v < na + nb; ++v)
    if (seen[v] && global_id(v) >= 0) {
      const int64_t s = smallest[static_cast<size_t>(find(parent, static_cast<int64_t>(v)))];
      if (s != global_id(v)) pairs.insert(pairs.end(), {global_id(v), s});
    }
  std::vector<size_t> lengths;
  const std::string all = ex.all_gather(std::string(reinterpret_cast<const char*>(pairs.data()), pairs.size() * sizeof(int64_t)), lengths);
  const size_t nodes = static_cast<size_t>(a_global) + (b.local ? 0 : b.levels);
  std::vector<int64_t> joined(nodes);
  std::iota(joined.begin(), joined.end(), int64_t{0});
  for (size_t p = 0; p + 2 * sizeof(int64_t) <= all.size(); p += 2 * sizeof(int64_t)) {
    int64_t e[2];
    std::memcpy(e, all.data() + p, sizeof e);
    const int64_t rx = find(joined, e[0]), ry = find(joined, e[1]);
    if (rx != ry) joined[static_cast<size_t>(rx)] = ry;
  }
  size_t components = 0;
  for (size_t v = 0; v < nodes; ++v) components += find(joined, static_cast<int64_t>(v)) == static_cast<int64_t>(v);
  return components;
}

// absorbed_parameters (fixed_effects.hpp) over all processes.
size_t absorbed_over_processes(const std::vector<Dimension>& fes, ReduceExchange& ex) {
  if (fes.empty()) return 0;
  size_t k = fes[0].levels;
  if (fes.size() >= 2) k += fes[1].levels - components_over_processes(fes[0], fes[1], ex);
  for (size_t q = 2; q < fes.size(); ++q) k += fes[q].levels - 1;
  return k;
}

// nested_in (fixed_effects.hpp) over all processes: each level of `inner` within one level of
// `outer` (coded over all processes).
bool nested_over_processes(const Dimension& inner, const Factor& outer, ReduceExchange& ex) {
  if (inner.local) {
    double violated = nested_in(*inner.factor, outer) ? 0 : 1;
    ex.sum(&violated, 1);
    return violated == 0;
  }
  const double none = -std::numeric_limits<double>::infinity();
  std::vector<double> lowest(inner.levels, none), highest(inner.levels, none);  // lowest as its negative, for max
  for (size_t i = 0; i < inner.factor->codes.size(); ++i) {
    const size_t l = static_cast<size_t>(inner.factor->codes[i]);
    const double o = outer.codes[i];
    lowest[l] = std::max(lowest[l], -o);
    highest[l] = std::max(highest[l], o);
  }
  ex.max(lowest.data(), lowest.size());
  ex.max(highest.data(), highest.size());
  for (size_t l = 0; l < inner.levels; ++l)
    if (highest[l] != none && -lowest[l] != highest[l]) return false;
  return true;
}

}  // namespace

Design design_across_processes(Frame&& share, const ModelSpec& spec, DesignOptions options, const std::string& split_variable,
                               ReduceExchange& ex, const VcovSpec& vcov, RowPartition& out) {
  const bool drop_singletons = options.drop_singletons;
  options.drop_singletons = false;
  options.share_of_rows = true;
  Design d = build_design(std::move(share), spec, options);
  {
    const std::string names = pack(d.x_names);
    std::vector<size_t> lengths;
    const std::string all = ex.all_gather(names, lengths);
    for (size_t r = 0, at = 0; r < lengths.size(); at += lengths[r], ++r)
      if (all.compare(at, lengths[r], names) != 0)
        throw SpecError(fmt::format("'{}': the processes' rows give different regressors (a text variable or i() has a column per level "
                                    "present): under mpirun use numeric regressors, or run without mpirun", spec.formula));
  }
  size_t dim = spec.fixed_effects.size();
  for (size_t q = 0; q < spec.fixed_effects.size(); ++q)
    if (spec.fixed_effects[q] == std::vector<std::string>{split_variable}) dim = q;
  if (dim == spec.fixed_effects.size()) throw Error(fmt::format("internal error: '{}' is not a fixed effect of '{}'", split_variable, spec.formula));
  for (size_t q = 0; q < d.fixed_effects.size(); ++q)
    if (q != dim) code_over_processes(d.fixed_effects[q], ex);
  for (auto& [name, g] : d.groups) {
    if (name == split_variable) code_whole_levels(g, ex);
    else code_over_processes(g, ex);
  }
  const size_t n_here = static_cast<size_t>(d.stacked.rows());
  size_t singletons = 0;
  if (drop_singletons) {
    const std::vector<size_t> keep = drop_singletons_over_processes(d.fixed_effects, dim, n_here, ex, singletons);
    if (keep.size() < n_here) keep_rows(d, keep);
  }
  for (size_t q = 0; q < d.fixed_effects.size(); ++q) drop_empty_levels(d.fixed_effects[q], level_counts(d.fixed_effects[q], q == dim, ex));
  for (auto& [name, g] : d.groups) drop_empty_levels(g, level_counts(g, false, ex));
  // The counts over all processes: input rows, observations, and the rows dropped for each reason.
  {
    std::vector<std::string> mine{std::to_string(d.n_input), std::to_string(d.stacked.rows()), std::to_string(d.dropped.size())};
    for (const auto& [why, count] : d.dropped) mine.insert(mine.end(), {why, std::to_string(count)});
    std::vector<size_t> lengths;
    const std::vector<std::string> all = unpack(ex.all_gather(pack(mine), lengths));
    d.n_input = out.n_total = 0;
    d.dropped.clear();
    for (size_t p = 0; p < all.size();) {  // per process: input rows, observations, reasons, then (reason, count) pairs
      d.n_input += std::stoull(all[p]);
      out.n_total += std::stoull(all[p + 1]);
      const size_t reasons = std::stoull(all[p + 2]);
      p += 3;
      for (size_t k = 0; k < reasons; ++k, p += 2) d.dropped[all[p]] += std::stoull(all[p + 1]);
    }
    if (singletons) d.dropped["singletons"] = singletons;
    if (out.n_total == 0) throw_no_observations(spec.formula, d.n_input, d.dropped);
  }
  std::vector<Dimension> dims;
  std::vector<size_t> levels;
  for (size_t q = 0; q < d.fixed_effects.size(); ++q) {
    const Factor& f = d.fixed_effects[q];
    double all = static_cast<double>(f.n_levels);
    if (q == dim) ex.sum(&all, 1);
    dims.push_back({&f, q == dim, static_cast<size_t>(all)});
    levels.push_back(static_cast<size_t>(all));
  }
  const size_t largest = Demeaner::by_size(levels)[0];
  if (largest != dim)
    throw SpecError(fmt::format("'{}': under mpirun the rows were read split by the levels of '{}', but after the rows dropped '{}' has "
                                "more levels ({} against {}): run without mpirun",
                                spec.formula, split_variable, d.fixed_effects[largest].name, levels[largest], levels[dim]));
  out.exchange = &ex;
  out.demean = {&ex, dim, levels};
  out.absorbed = absorbed_over_processes(dims, ex);
  if (vcov.type == "CR1" || vcov.type == "DK") {  // the cluster variables, or DK's periods
    std::vector<const Factor*> clusters;
    for (const auto& c : vcov.groups()) clusters.push_back(&d.grouping(c));
    // absorbed_not_nested (row_partition.hpp) over all processes.
    std::vector<Dimension> kept;
    for (const auto& fe : dims)
      if (!std::any_of(clusters.begin(), clusters.end(), [&](const Factor* c) { return nested_over_processes(fe, *c, ex); })) kept.push_back(fe);
    out.absorbed_cluster = kept.size() == dims.size() ? out.absorbed : kept.empty() ? 1 : absorbed_over_processes(kept, ex);
  }
  for (const auto& [name, g] : d.groups) {
    std::vector<double> holders(g.n_levels, 0.0);
    for (int32_t c : g.codes) holders[static_cast<size_t>(c)] = 1;
    ex.sum(holders.data(), holders.size());
    if (std::all_of(holders.begin(), holders.end(), [](double h) { return h <= 1; })) out.whole_groups.insert(name);
  }
  return d;
}

}  // namespace cbec
