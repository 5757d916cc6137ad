// The cells of two fixed-effect dimensions: the distinct (level of one, level of the other) pairs
// that occur in the rows, each with the summed weight of its rows. In a demeaning sweep the sum over
// the rows of level g of one dimension of the other's coefficients, sum_{i in g} w_i coef[h(i)], is
// sum over the cells (g, h) of W_gh coef[h]: the same terms, gathered. Where the cells are few (a
// dimension nested or nearly nested in another, such as industry within firm; two small dimensions,
// such as year x industry) a sweep walks the cells instead of the rows; a cross-product of the
// levels (firm x year in a panel) has as many cells as rows and keeps the rows. The cells are the
// nonzeros of the off-diagonal block D_a' W D_b of the dummies' normal equations (Gaure 2013,
// "OLS with multiple high dimensional category variables", CSDA 66, section 3).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "cbec/frame/factor.hpp"

namespace cbec {

struct FixedEffectCells {
  std::vector<int32_t> first, second;  // the cell's level of each dimension
  std::vector<double> weight;          // summed weight of its rows (their number when unweighted)
  size_t size() const { return weight.size(); }
};

// The cells of dimensions a and b over their first `rows` rows (weights w, nullptr: each row 1), or
// nothing when there would be more than max_cells of them or they cannot be found in one pass: the
// rows must hold each level of a (or of b) in one run, or the two dimensions' levels multiplied be at
// most max_cells (a table of them is counted).
std::optional<FixedEffectCells> fixed_effect_cells(const Factor& a, const Factor& b, const double* w, size_t max_cells,
                                                   size_t rows = SIZE_MAX);

// The runs of a dimension whose every level occupies one run of consecutive rows (rows sorted or
// grouped by it, as a panel by its unit), when the runs average at least `min_length` rows: each
// run's level and first row (start has one entry more, the rows' number). Nothing otherwise.
struct LevelRuns {
  std::vector<int32_t> level;
  std::vector<size_t> start;
  size_t size() const { return level.size(); }
};
std::optional<LevelRuns> level_runs(const Factor& f, size_t min_length);

}  // namespace cbec
