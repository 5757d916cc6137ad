#include "cbec/estimate/ols/fixed_effect_cells.hpp"

#include <algorithm>
#include <utility>

namespace cbec {
namespace {

// Whether every level of f occupies one run of consecutive rows (rows sorted or grouped by f).
bool grouped(const Factor& f, size_t rows) {
  std::vector<char> seen(f.n_levels, 0);
  const std::vector<int32_t>& c = f.codes;
  for (size_t i = 0; i < rows; ++i) {
    if (i > 0 && c[i] == c[i - 1]) continue;
    if (seen[static_cast<size_t>(c[i])]) return false;
    seen[static_cast<size_t>(c[i])] = 1;
  }
  return true;
}

// Rows grouped by `runs`: within each run, the first row of each level of `other` opens a cell
// (marked with the run's number) and the later ones add to it.
std::optional<FixedEffectCells> cells_by_runs(const Factor& runs, const Factor& other, const double* w, size_t rows, size_t max_cells) {
  FixedEffectCells cells;
  std::vector<size_t> mark(other.n_levels, SIZE_MAX), slot(other.n_levels, 0);
  const int32_t* r = runs.codes.data();
  const int32_t* o = other.codes.data();
  size_t run = 0;
  for (size_t i = 0; i < rows; ++i) {
    if (i > 0 && r[i] != r[i - 1]) ++run;
    const size_t h = static_cast<size_t>(o[i]);
    const double wi = w ? w[i] : 1.0;
    if (mark[h] == run) {
      cells.weight[slot[h]] += wi;
      continue;
    }
    if (cells.size() == max_cells) return std::nullopt;
    mark[h] = run;
    slot[h] = cells.size();
    cells.first.push_back(r[i]);
    cells.second.push_back(o[i]);
    cells.weight.push_back(wi);
  }
  return cells;
}

// Few levels in all: the weights counted in a table of every combination, its nonzero entries kept.
FixedEffectCells cells_by_table(const Factor& a, const Factor& b, const double* w, size_t rows) {
  std::vector<double> table(a.n_levels * b.n_levels, 0.0);
  std::vector<char> present(table.size(), 0);
  for (size_t i = 0; i < rows; ++i) {
    const size_t e = static_cast<size_t>(a.codes[i]) * b.n_levels + static_cast<size_t>(b.codes[i]);
    table[e] += w ? w[i] : 1.0;
    present[e] = 1;
  }
  FixedEffectCells cells;
  for (size_t e = 0; e < table.size(); ++e) {
    if (!present[e]) continue;
    cells.first.push_back(static_cast<int32_t>(e / b.n_levels));
    cells.second.push_back(static_cast<int32_t>(e % b.n_levels));
    cells.weight.push_back(table[e]);
  }
  return cells;
}

}  // namespace

std::optional<FixedEffectCells> fixed_effect_cells(const Factor& a, const Factor& b, const double* w, size_t max_cells, size_t rows) {
  rows = std::min(rows, a.codes.size());
  if (a.n_levels == 0 || b.n_levels == 0 || a.n_levels > max_cells / b.n_levels) {
    if (grouped(a, rows)) return cells_by_runs(a, b, w, rows, max_cells);
    if (!grouped(b, rows)) return std::nullopt;
    std::optional<FixedEffectCells> cells = cells_by_runs(b, a, w, rows, max_cells);
    if (cells) std::swap(cells->first, cells->second);
    return cells;
  }
  return cells_by_table(a, b, w, rows);
}

std::optional<LevelRuns> level_runs(const Factor& f, size_t min_length) {
  const size_t n = f.codes.size();
  if (n == 0 || !grouped(f, n)) return std::nullopt;
  LevelRuns runs;
  for (size_t i = 0; i < n; ++i)
    if (i == 0 || f.codes[i] != f.codes[i - 1]) {
      runs.level.push_back(f.codes[i]);
      runs.start.push_back(i);
    }
  if (runs.size() * min_length > n) return std::nullopt;
  runs.start.push_back(n);
  return runs;
}

}  // namespace cbec
