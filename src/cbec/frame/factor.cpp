#include "cbec/frame/factor.hpp"

#include <algorithm>
#include <stdexcept>

#include "cbec/frame/dense_codes.hpp"
#include "cbec/frame/levels.hpp"

namespace cbec {

namespace {

// Joins the next component into an interaction coded so far: the pair (code, next code) of a row
// is the mixed-radix number code * L + next (L: the next component's levels), below 2^62 since both
// codes are below 2^31, so numbering the pairs present in increasing order keeps the lexicographic
// order of the components. The pairs present are found with a table of all possible pairs when
// there are not many more of them than rows, else by sorting the rows' pairs. `codes` and `labels`
// are replaced by the joined ones (-1: a component missing).
void join_component(std::vector<int32_t>& codes, std::vector<std::string>& labels, const Levels& next) {
  const long rows = static_cast<long>(codes.size());
  const auto L = static_cast<uint64_t>(next.labels.size());
  auto pair_of = [&](size_t i) -> int64_t {
    return codes[i] < 0 || next.codes[i] < 0 ? -1 : static_cast<int64_t>(static_cast<uint64_t>(codes[i]) * L + static_cast<uint64_t>(next.codes[i]));
  };
  std::vector<uint64_t> present;  // the distinct pairs, increasing
  std::vector<int32_t> joined(codes.size(), -1);
  const uint64_t possible = static_cast<uint64_t>(labels.size()) * L;
  if (dense_table_fits(static_cast<double>(possible), codes.size())) {
    present = code_dense_keys(rows, possible, pair_of, joined);
  } else {
    for (long i = 0; i < rows; ++i) {
      const int64_t p = pair_of(static_cast<size_t>(i));
      if (p >= 0) present.push_back(static_cast<uint64_t>(p));
    }
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
#pragma omp parallel for if (rows > kCodingParallelRows)
    for (long i = 0; i < rows; ++i) {
      const int64_t p = pair_of(static_cast<size_t>(i));
      if (p >= 0) joined[static_cast<size_t>(i)] = static_cast<int32_t>(std::lower_bound(present.begin(), present.end(), static_cast<uint64_t>(p)) - present.begin());
    }
  }
  std::vector<std::string> joined_labels;
  joined_labels.reserve(present.size());
  for (uint64_t p : present) joined_labels.push_back(labels[p / L] + "^" + next.labels[p % L]);
  codes = std::move(joined);
  labels = std::move(joined_labels);
}

}  // namespace

Factor make_factor(const Frame& frame, const std::vector<std::string>& variables) {
  if (variables.empty()) throw std::invalid_argument("make_factor needs at least one variable");
  Factor out;
  for (size_t k = 0; k < variables.size(); ++k) out.name += (k ? "^" : "") + variables[k];
  // Each variable coded by its sorted levels; an interaction joins them one at a time.
  for (size_t k = 0; k < variables.size(); ++k) {
    Levels lv = code_levels(frame.get(variables[k]));
    if (k == 0) {
      out.codes = std::move(lv.codes);
      out.labels = std::move(lv.labels);
    } else {
      join_component(out.codes, out.labels, lv);
    }
  }
  out.n_levels = out.labels.size();
  return out;
}

size_t drop_singletons(const std::vector<Factor>& fes, std::vector<size_t>& rows) {
  const size_t before = rows.size();
  std::vector<std::vector<uint32_t>> counts(fes.size());
  const bool parallel = rows.size() > static_cast<size_t>(kCodingParallelRows);
  auto single = [&](size_t r) {
    for (size_t q = 0; q < fes.size(); ++q)
      if (counts[q][fes[q].codes[r]] == 1) return true;
    return false;
  };
  for (;;) {  // until no row is alone
    // Each dimension's rows per level counted by a thread; then whether any row is alone, the rows
    // shared by the threads: most panels have none, and are not compacted.
#pragma omp parallel for schedule(dynamic, 1) if (parallel)
    for (size_t q = 0; q < fes.size(); ++q) {
      counts[q].assign(fes[q].n_levels, 0);
      for (size_t r : rows) ++counts[q][fes[q].codes[r]];
    }
    size_t singles = 0;
    const long n = static_cast<long>(rows.size());
#pragma omp parallel for reduction(+ : singles) if (parallel)
    for (long a = 0; a < n; ++a) singles += single(rows[static_cast<size_t>(a)]);
    if (singles == 0) break;
    size_t kept = 0;  // compacted in place: no second row index
    for (size_t a = 0; a < rows.size(); ++a)
      if (!single(rows[a])) rows[kept++] = rows[a];
    rows.resize(kept);
  }
  return before - rows.size();
}

}  // namespace cbec
