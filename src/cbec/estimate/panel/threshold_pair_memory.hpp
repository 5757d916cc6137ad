// How much of the grid-pair table (threshold_grid_pairs.hpp) the bootstrap of the second and third
// threshold tests keeps in memory. The whole table is (grid size)^2 m^2 doubles for m
// regime-dependent variables: 1.2 MB with Hansen's 400 quantiles (393 grid points) and m = 1,
// 277 MB with 2,000 quantiles and m = 3, and it grows with the square of the grid. Within the budget
// the whole table is stored; beyond it every stride-th row of grid points is, the rows between
// computed from the stored row below them when a draw needs them (the same numbers, bit for bit),
// with the smallest stride whose stored rows fit beside two working rows per thread. When not even
// one stored row fits, the model is refused before anything of the grid's size is allocated, with
// the memory it would need and the options that shrink it.
#pragma once
#include <cstddef>

namespace cbec::detail {

// The default budget: a quarter of the physical memory, at most 2 GiB (2 GiB if the system does
// not say).
size_t default_pair_budget();

struct PairTablePlan {
  size_t stride = 1;       // rows 0, stride, 2 stride, ... stored; 1: the whole table
  size_t row_bytes = 0;    // one row: (grid size) m^2 doubles
  size_t bytes = 0;        // the stored rows and, with a stride above 1, the working rows
};

// Sizes in overflow-safe arithmetic (a size beyond size_t counts as over any budget). Throws
// SpecError naming --quantiles, --regime and --thresholds when even one stored row and the working
// rows exceed `budget`; `quantiles` is the spec's, for the message.
PairTablePlan plan_pair_table(size_t grid, size_t m, size_t threads, size_t budget, int quantiles);

}  // namespace cbec::detail
